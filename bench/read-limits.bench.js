// Hostile YAML files against `align validate` on a plain workspace (the baseline, same run):
// each is refused at its limit (docs/limits.md, Reading files), so it costs about what an
// ordinary validate costs, not the minutes or the crash it once did.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medianMs, row } from './lib.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;
const align = join(root, 'bin', 'align.js');
const ws = join(root, 'bench', 'data', 'ws-read-limits');
const CONFIG = 'organization: Bench Corp\nteams:\n  sales: { name: Sales, members: [Dana Kim] }\n  marketing: { name: Marketing, members: [Sam Ortiz] }\n';

rmSync(ws, { recursive: true, force: true });
mkdirSync(join(ws, 'templates'), { recursive: true });
const validate = (files) => {
  writeFileSync(join(ws, 'align.yaml'), CONFIG);
  rmSync(join(ws, 'templates', 'x.yaml'), { force: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(ws, name), text);
  return medianMs([node, align, '-C', ws, 'validate'], { runs: 9 });
};

console.log('align validate, median of 9 runs, against a plain workspace in the same run\n');
const base = validate({});
console.log(row('plain workspace (baseline)', base, base));
console.log(row('align.yaml with 60,000 keys (818 KB)', validate({ 'align.yaml': `${CONFIG}${Array.from({ length: 60_000 }, (_, i) => `k${i}: v\n`).join('')}` }), base));
console.log(row('a template of 100,000 [ (one line)', validate({ 'templates/x.yaml': `id: x\nsections: ${'['.repeat(100_000)}\n` }), base));
console.log(row('a flow list of 250,000 items', validate({ 'templates/x.yaml': `id: x\nsections: [${'1, '.repeat(250_000)}1]\n` }), base));
console.log(row('align.yaml with 900 unknown keys (100 listed)', validate({ 'align.yaml': `${CONFIG}${Array.from({ length: 900 }, (_, i) => `k${i}: v\n`).join('')}` }), base));
console.log(row('a template of 1 MiB of ] (a syntax error a byte)', validate({ 'templates/x.yaml': `id: x\nsections: ${']'.repeat(2 ** 20 - 20)}\n` }), base));
rmSync(ws, { recursive: true, force: true });
