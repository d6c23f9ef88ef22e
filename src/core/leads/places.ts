/** Where a rubric reads each field: the `field:` of its first condition on it, as file:line:col. */
import { isLeaf, type Condition } from '../schemas/condition.js';
import type { Rubric } from '../schemas/rubric.js';
import type { DataPath } from '../yaml/issues.js';
import { locateInText } from '../yaml/load.js';
import type { FieldPlace } from './columns.js';

/** The data path of the first `field:` reading each field, in rubric order. */
function fieldPaths(rubric: Rubric): Map<string, DataPath> {
  const paths = new Map<string, DataPath>();
  const visit = (c: Condition, path: DataPath): void => {
    if (isLeaf(c)) {
      if (!paths.has(c.field)) paths.set(c.field, [...path, 'field']);
    } else if ('all' in c) c.all.forEach((s, i) => {
      visit(s, [...path, 'all', i]);
    });
    else if ('any' in c) c.any.forEach((s, i) => {
      visit(s, [...path, 'any', i]);
    });
    else if ('not' in c) visit(c.not, [...path, 'not']);
    else c.of.forEach((s, i) => {
      visit(s, [...path, 'of', i]);
    });
  };
  rubric.criteria.forEach((c, i) => {
    visit(c.when, ['criteria', i, 'when']);
  });
  return paths;
}

/** The places of `fields` in the rubric's text (fields it does not read are left out). */
export function fieldPlaces(file: string, text: string, rubric: Rubric, fields: readonly string[]): Record<string, FieldPlace> {
  const paths = fieldPaths(rubric);
  const asked = fields.filter((f) => paths.has(f));
  const located = locateInText(file, text, asked.map((f) => ({ path: paths.get(f)!, message: f })));
  const out: Record<string, FieldPlace> = {};
  asked.forEach((f, i) => {
    const p = located[i];
    if (p) Object.defineProperty(out, f, { value: { file: p.file, ...(p.line !== undefined ? { line: p.line, col: p.col ?? 1 } : {}) }, enumerable: true });
  });
  return out;
}

/** Every field the rubric reads, in the order it first reads them. */
export function rubricFields(rubric: Rubric): string[] {
  return [...fieldPaths(rubric).keys()];
}
