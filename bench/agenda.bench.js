// align agenda and align templates, spawned like a user runs them, against `node -e 0` and
// `align --help` in the same run; and, in process, building and rendering an agenda and reading the templates.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medianMs, perCallUs, row } from './lib.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const align = join(root, 'bin', 'align.js');
const node = process.execPath;
const ws = join(root, 'bench', 'data', 'agenda-ws');
rmSync(ws, { recursive: true, force: true });
mkdirSync(join(ws, 'templates'), { recursive: true });
writeFileSync(join(ws, 'align.yaml'), 'organization: Bench Corp\nteams:\n  sales: { name: Sales, members: [Dana Kim] }\n  marketing: { name: Marketing, members: [Sam Ortiz] }\n');
const env = { ...process.env, NO_COLOR: '1', ALIGN_NOW: '2026-11-27T10:00:00Z' };
const run = (args, runs = 15) => medianMs([node, align, '-C', ws, ...args], { runs, env });

console.log('spawned (median of 15 runs; 2 shared cores, so expect noise)');
const base = medianMs([node, '-e', '0'], { runs: 21 });
console.log(row('node -e 0 (baseline)', base, base));
const help = medianMs([node, align, '--help'], { runs: 21, env });
console.log(row('align --help', help, base));
console.log(row('align templates', run(['templates']), base));
console.log(row('align agenda kickoff (Markdown)', run(['agenda', 'kickoff', '--date', '2026-12-03']), base));
console.log(row('align agenda kickoff --format json', run(['agenda', 'kickoff', '--format', 'json']), base));
const ics = run(['agenda', 'sync', '--format', 'ics', '--tz', 'Europe/Berlin', '--repeat', 'biweekly']);
console.log(row('align agenda sync --format ics --repeat biweekly', ics, base));
console.log(`  the invite costs ${(ics - help).toFixed(1)} ms more than printing --help`);

// In process: the pure core, from a loaded template to Markdown, against cloning that template.
const { listTemplates } = await import(join(root, 'dist/adapters/workspace/templates.js'));
const { buildAgenda } = await import(join(root, 'dist/core/agenda/build.js'));
const { agendaMarkdown } = await import(join(root, 'dist/core/agenda/markdown.js'));
const entry = listTemplates(null).find((e) => e.template.id === 'lead-definition');
const config = { organization: 'Bench Corp', teams: { sales: { name: 'Sales', members: [] }, marketing: { name: 'Marketing', members: [] } } };
const clone = perCallUs(() => structuredClone(entry.template));
const render = perCallUs(() => agendaMarkdown(buildAgenda(entry.template, entry.file, config, { date: '2026-12-03', start: '09:30', zone: 'Europe/Berlin' })));
console.log('\nin process (median of 7 batches of 2,000)');
console.log(`${'structuredClone(lead-definition) (baseline)'.padEnd(48)} ${clone.toFixed(1).padStart(9)} µs   1.00×`);
console.log(`${'lead-definition → timed agenda → Markdown'.padEnd(48)} ${render.toFixed(1).padStart(9)} µs  ${(render / clone).toFixed(2).padStart(6)}×`);

// In process: reading the five built-in templates through the pipeline (the fast reader takes
// them, block scalars and all) against `yaml` parsing the same text.
const { readYamlText } = await import(join(root, 'dist/core/yaml/read.js'));
const { YAML_OPTIONS } = await import(join(root, 'dist/core/yaml/locate.js'));
const { parse } = await import('yaml');
const agendas = join(root, 'templates', 'agendas');
const texts = readdirSync(agendas).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(agendas, f), 'utf8')]);
const parsed = perCallUs(() => {
  for (const [, t] of texts) parse(t, YAML_OPTIONS);
}, 200);
const read = perCallUs(() => {
  for (const [f, t] of texts) readYamlText(f, t);
}, 200);
console.log('\nin process (median of 7 batches of 200)');
console.log(`${`yaml.parse of the ${texts.length} templates (baseline)`.padEnd(48)} ${parsed.toFixed(1).padStart(9)} µs   1.00×`);
console.log(`${'the pipeline reading them'.padEnd(48)} ${read.toFixed(1).padStart(9)} µs  ${(read / parsed).toFixed(2).padStart(6)}×`);
