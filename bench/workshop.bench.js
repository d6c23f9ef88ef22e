// align workshop --answers, spawned like a script runs it, against `node -e 0` and `align --help`
// in the same run; and in process: building a session's outcome, and saving the draft after an answer.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medianMs, perCallUs, row } from './lib.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const align = join(root, 'bin', 'align.js');
const node = process.execPath;
// A workspace in its own git repository outside the checkout: workshops commit, and bench/data is inside align's repo.
const ws = join(mkdtempSync(join(tmpdir(), 'align-bench-')), 'ws');
mkdirSync(ws, { recursive: true });
process.on('exit', () => rmSync(join(ws, '..'), { recursive: true, force: true }));
const env = { ...process.env, NO_COLOR: '1', ALIGN_NOW: '2026-11-27T10:00:00Z', GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'b@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'b@example.com' };
execFileSync('git', ['init', '-q', ws], { env, stdio: 'ignore' });
execFileSync(node, [align, 'init', ws, '--org', 'Acme Corp', '--sales', 'Dana Kim,Lee Park', '--marketing', 'Sam Ortiz,Ana Ruiz', '--yes'], { env, stdio: 'ignore' });
const answers = (t) => join(root, 'examples', `${t}.answers.yaml`);
const run = (args, runs = 15) => medianMs([node, align, '-C', ws, ...args], { runs, env });

console.log('spawned (median of 15 runs; 2 shared cores, so expect noise)');
const base = medianMs([node, '-e', '0'], { runs: 21 });
console.log(row('node -e 0 (baseline)', base, base));
const help = medianMs([node, align, '--help'], { runs: 21, env });
console.log(row('align --help', help, base));
console.log(row('workshop kickoff --answers --dry-run', run(['workshop', 'kickoff', '--answers', answers('kickoff'), '--dry-run']), base));
console.log(row('workshop lead-definition --answers --dry-run', run(['workshop', 'lead-definition', '--answers', answers('lead-definition'), '--dry-run']), base));
// Each run writes a new session (-2, -3 …) and commits it: the whole path a script takes.
console.log(row('workshop exchange --answers (write + commit)', run(['workshop', 'exchange', '--answers', answers('exchange')], 9), base));

const { buildOutcome } = await import(join(root, 'dist/core/workshop/outcome.js'));
const { listTemplates } = await import(join(root, 'dist/adapters/workspace/templates.js'));
const { DraftWriter } = await import(join(root, 'dist/adapters/workspace/drafts.js'));
const { newState } = await import(join(root, 'dist/core/workshop/state.js'));
const yaml = await import('yaml');
const { readFileSync } = await import('node:fs');
const template = listTemplates(null).find((e) => e.template.id === 'lead-definition').template;
const input = {
  template,
  config: yaml.parse(readFileSync(join(ws, 'align.yaml'), 'utf8')),
  goals: { goals: [] },
  rubric: yaml.parse(readFileSync(join(root, 'templates', 'rubrics', 'bant.yaml'), 'utf8')),
  sessions: [],
  sessionFiles: [],
  today: '2026-11-27',
};
const { template: _t, ...ans } = yaml.parse(readFileSync(answers('lead-definition'), 'utf8'));
const clone = perCallUs(() => structuredClone(input), 500);
const build = perCallUs(() => {
  if (!buildOutcome(input, ans).ok) throw new Error('answers rejected');
}, 500);
console.log('\nin process (median of 7 batches of 500)');
console.log(`${'structuredClone(workshop input) (baseline)'.padEnd(48)} ${clone.toFixed(1).padStart(9)} µs   1.00×`);
console.log(`${'buildOutcome(lead-definition answers)'.padEnd(48)} ${build.toFixed(1).padStart(9)} µs  ${(build / clone).toFixed(2).padStart(6)}×`);
const state = newState('bench', 'lead-definition', new Date());
state.answers = ans;
const plain = join(ws, '.align', 'plain.json');
mkdirSync(join(ws, '.align'), { recursive: true });
const write = perCallUs(() => writeFileSync(plain, JSON.stringify(state)), 200);
const writer = new DraftWriter(ws, state);
const draft = perCallUs(() => writer.now(), 200);
console.log(`${'writeFileSync(draft JSON) (baseline)'.padEnd(48)} ${write.toFixed(1).padStart(9)} µs   1.00×`);
console.log(`${'DraftWriter.now (atomic, fsync; per answer)'.padEnd(48)} ${draft.toFixed(1).padStart(9)} µs  ${(draft / write).toFixed(2).padStart(6)}×`);
