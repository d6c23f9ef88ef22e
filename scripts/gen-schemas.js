// Writes the JSON Schemas that editors use, from the zod schemas in dist/ (run after tsc).
// `--check` fails when the committed files differ from what the schemas give.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as z from 'zod';
// From the build, by URL: the schemas are TypeScript, and this script runs on their output.
const { FILE_KINDS } = await import(new URL('../dist/core/schemas/index.js', import.meta.url).href);

const check = process.argv.includes('--check');
const outDir = new URL('../schemas/', import.meta.url);
mkdirSync(outDir, { recursive: true });
let stale = 0;
for (const { schema, jsonSchema, title } of Object.values(FILE_KINDS)) {
  const doc = { ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), title: `align: ${title}` };
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  const url = new URL(jsonSchema, outDir);
  let old = '';
  try { old = readFileSync(url, 'utf8'); } catch { /* new file */ }
  if (old === text) continue;
  if (check) { console.error(`schemas/${jsonSchema} is out of date: run npm run build`); stale++; }
  else writeFileSync(url, text);
}
process.exitCode = stale ? 1 : 0;
