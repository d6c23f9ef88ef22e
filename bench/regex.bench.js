// The cost of the exponential-time check on `matches` patterns (src/core/regex/hazard.ts):
// per pattern in process, against compiling the same pattern; then `align validate` on a
// rubric of `matches` criteria (the ordinary patterns) against the same rubric with `contains` instead.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medianMs, perCallUs, row } from './lib.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { regexHazard } = await import(join(root, 'dist', 'core', 'regex', 'hazard.js'));

// Patterns rubrics really use, shared with the tests.
const ORDINARY = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'regex', 'ordinary.json'), 'utf8'));
const FIVE = ['^(a+)+$', '^(a|a)*$', '^(a*)*$', '^(a+)+\\1$', '^(?=(a+)+$)'];

console.log('in process, median µs per call (compiling the pattern with new RegExp is the baseline)\n');
for (const [label, list] of [['ordinary', ORDINARY], ['the issue\'s five (refused)', FIVE]]) {
  console.log(label);
  for (const p of list) {
    const base = perCallUs(() => new RegExp(p, 'i'), 200) / 1000;
    console.log(row(`  /${p}/`.slice(0, 48), perCallUs(() => regexHazard(p), 200) / 1000, base));
  }
}
const large = `^${'[ab]?'.repeat(400)}$`;
console.log(row('  too large to check (refused), one call', perCallUs(() => regexHazard(large), 1, 1) / 1000, 1));

const ws = join(root, 'bench', 'data', 'ws-regex');
mkdirSync(ws, { recursive: true });
writeFileSync(join(ws, 'align.yaml'), 'organization: Bench Corp\nteams:\n  sales: { name: Sales, members: [Dana Kim] }\n  marketing: { name: Marketing, members: [Sam Ortiz] }\n');
const rubric = (op) =>
  `stages:\n  - { id: mql, min: 10 }\ncriteria:\n${ORDINARY.map((p, i) => `  - { id: c${i}, when: { field: title, op: ${op}, value: ${JSON.stringify(p)} }, points: 10 }\n`).join('')}`;
const node = process.execPath;
const align = join(root, 'bin', 'align.js');
const validate = (op) => {
  writeFileSync(join(ws, 'rubric.yaml'), rubric(op));
  return medianMs([node, align, '-C', ws, 'validate'], { runs: 15 });
};
console.log('\nalign validate, median of 15 runs');
const contains = validate('contains');
console.log(row(`${ORDINARY.length} contains criteria (baseline)`, contains, contains));
console.log(row(`${ORDINARY.length} matches criteria`, validate('matches'), contains, 1.1));
