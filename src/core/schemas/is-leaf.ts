import type { Condition, Leaf } from './condition.js';

// Apart from condition.ts, which builds the schemas: describing a condition (the text of
// `rubric log`, read from its cache) then loads no schema library.
export function isLeaf(c: Condition): c is Leaf {
  return 'op' in c;
}
