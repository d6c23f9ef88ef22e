// align --version, --help and validate (1,000 sessions of about 3 KB), each against a baseline in the same run.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dropCaches, fail, has, medianMs, row } from './lib.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const align = join(root, 'bin', 'align.js');
const ws = join(root, 'bench', 'data', 'ws-1000');
const node = process.execPath;

function session(i) {
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
  const year = 2020 + Math.floor(i / 336);
  const id = `${year}-${month}-${day}-sync-${i}`;
  let s = `# yaml-language-server: $schema=https://unpkg.com/align-workshop@0.1.0/schemas/session.schema.json\nid: ${id}\ntemplate: sync\ndate: ${year}-${month}-${day}\nfacilitator: Sam Ortiz\nattendees:\n`;
  for (const [name, team] of [['Dana Kim', 'sales'], ['Lee Park', 'sales'], ['Sam Ortiz', 'marketing'], ['Ana Ruiz', 'marketing']]) s += `  - { name: ${name}, team: ${team} }\n`;
  s += 'sections:\n';
  for (const sec of ['progress', 'lead-feedback', 'revenue-plans', 'actions']) {
    s += `  - id: ${sec}\n    title: Section ${sec}\n    minutes_planned: 15\n    minutes_used: ${10 + (i % 9)}\n    notes:\n`;
    s += `      - Discussed ${sec} for week ${i}; sales reported that several leads lacked budget information.\n`;
    s += `      - "Marketing will add a budget question to the demo form: ${i % 3} variants tested."\n`;
    s += `      - Both teams agreed to review the ${sec} numbers again next time, with the CRM export attached.\n`;
  }
  s += 'decisions:\n  - Demo requests go straight to sales within the hour\n  - Webinar leads stay in nurture until they visit pricing twice\n  - Rejected leads carry a reason from the agreed list, reviewed at every sync\n';
  s += 'actions:\n';
  for (let k = 1; k <= 6; k++) s += `  - { id: a${k}, title: Follow up on item ${k} from sync ${i}, owner: ${k % 2 ? 'Sam Ortiz' : 'Dana Kim'}, team: ${k % 2 ? 'marketing' : 'sales'}, due: ${year}-${month}-${day}, status: ${k % 3 ? 'open' : 'done'} }\n`;
  return s;
}

function makeWorkspace() {
  if (existsSync(join(ws, 'sessions', 's-0999.yaml')) && readFileSync(join(ws, 'sessions', 's-0999.yaml'), 'utf8') === session(999)) return;
  rmSync(ws, { recursive: true, force: true });
  mkdirSync(ws, { recursive: true });
  const r = spawnSync(node, [align, 'init', ws, '--yes', '--no-commit', '--org', 'Bench Corp', '--sales', 'Dana Kim,Lee Park', '--marketing', 'Sam Ortiz,Ana Ruiz'], { stdio: 'ignore' });
  if (r.status !== 0) throw new Error('align init failed');
  for (let i = 0; i < 1000; i++) writeFileSync(join(ws, 'sessions', `s-${String(i).padStart(4, '0')}.yaml`), session(i));
}

makeWorkspace();
const sizes = readdirSync(join(ws, 'sessions')).filter((f) => f.endsWith('.yaml')).length;
console.log(`workspace: ${sizes} session files (about ${Buffer.byteLength(session(500))} bytes each) in ${ws}\n`);
const env = { ...process.env, NO_COLOR: '1' };
const base = medianMs([node, '-e', '0'], { runs: 21 });
console.log(row('node -e 0 (baseline)', base, base));
console.log(row('align --version', medianMs([node, align, '--version'], { runs: 21 }), base, 1.3));
console.log(row('align --help', medianMs([node, align, '--help'], { runs: 21, env }), base, 1.3));
const read = medianMs([node, join(root, 'bench', 'read-files.js'), ws], { runs: 15 });
console.log(`\n${row('node read-files.js (baseline)', read, read)}`);
// Cold: no align caches (the checked-session cache, if the workspace is a repository) before every run.
const check = spawnSync(node, [align, '-C', ws, 'validate'], { env, encoding: 'utf8' });
if (check.status !== 0) fail(`align validate does not pass on the generated workspace: ${check.stderr.slice(0, 500)}`);
const validate = medianMs([node, align, '-C', ws, 'validate'], { runs: 15, env, before: () => dropCaches(ws) });
console.log(row('align validate, cold (1,000 sessions)', validate, read, 2.5));
if (has('yq')) {
  const files = ['align.yaml', 'goals.yaml', 'rubric.yaml', ...readdirSync(join(ws, 'sessions')).map((f) => join('sessions', f))];
  const yq = medianMs(['yq', '.', ...files], { runs: 3, warmup: 1, cwd: ws });
  console.log(row('yq . (parse the same files)', yq, read));
  console.log(`align validate is ${(yq / validate).toFixed(1)}× faster than yq${validate < yq ? '' : ' — NOT faster'}`);
} else {
  console.log('yq not installed (apt-get install yq): skipped');
}
