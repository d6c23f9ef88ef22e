// align rubric log over a generated history of 1,000 rubric commits (made with one
// `git fast-import`), against `node -e 0` in the same run, cold (no caches in .git, dropped
// before every run) and warm. Targets: cold within 4×, --format json warm within 3×.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dropCaches, fail, hash, medianMs, QUICK, row } from './lib.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const align = join(root, 'bin', 'align.js');
const node = process.execPath;
const COMMITS = QUICK ? 200 : 1000;
const repo = join(root, 'bench', 'data', `rubric-log-${COMMITS}`);
const CONFIG = 'organization: Bench Corp\nteams:\n  sales: { name: Sales, members: [Dana Kim] }\n  marketing: { name: Marketing, members: [Sam Ortiz] }\n';

/** A BANT-sized rubric (about 70 lines) that changes a little at every version; every 97th is broken. */
function rubric(i) {
  if (i % 97 === 96) return `stages:\n  - { id: mql, min: 30 }\n - { id: sql, min: 60 }\ncriteria: []\n`;
  const signer = ['Dana Kim', 'Lee Park'][i % 2];
  let s = `# yaml-language-server: $schema=https://unpkg.com/align-workshop@0.1.0/schemas/rubric.schema.json\nname: Sales-ready lead (v${i})\n`;
  s += `approved_by: { sales: ${signer}, marketing: Sam Ortiz }\n`;
  s += `dimensions:\n  fit: { max: ${60 + (i % 5)} }\n  engagement: { max: 60 }\n`;
  s += `stages:\n  - { id: mql, label: Marketing-qualified, min: ${30 + (i % 7)} }\n  - { id: sql, label: Sales-ready, min: ${60 + (i % 11)}, require: { fit: 30 } }\n`;
  s += 'criteria:\n';
  const n = 8 + (i % 4);
  for (let k = 0; k < n; k++) {
    s += `  - id: criterion-${k}\n    label: Criterion ${k}\n    dimension: ${k % 2 ? 'engagement' : 'fit'}\n`;
    s += k % 3 === 0
      ? `    when:\n      all:\n        - { field: f${k}, op: gte, value: ${k * 10 + (i % 3)} }\n        - { field: country, op: in, value: [US, CA, GB] }\n`
      : `    when: { field: f${k}, op: eq, value: true }\n`;
    s += `    points: ${5 + ((i + k) % 20)}\n    why: Reason number ${k} agreed in workshop ${Math.floor(i / 10)}\n`;
  }
  s += 'sla:\n  follow_up_hours: 24\n  decision_days: 3\n  rejection_reasons: [no-budget, wrong-persona, not-now]\n';
  return s;
}

function generate() {
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  const git = (args, input) => {
    const r = spawnSync('git', args, { cwd: repo, input, maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  };
  git(['init', '-q', '-b', 'main']);
  const parts = [];
  const blob = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  for (let i = 0; i < COMMITS; i++) {
    const when = 1767225600 + i * 3600;
    const who = ['Dana Kim <dana@example.com>', 'Sam Ortiz <sam@example.com>'][i % 2];
    parts.push(`commit refs/heads/main\ncommitter ${who} ${when} +0000\n${blob(`rubric version ${i + 1}`)}`);
    if (i === 0) parts.push(`M 644 inline align.yaml\n${blob(CONFIG)}`);
    parts.push(`M 644 inline rubric.yaml\n${blob(rubric(i))}\n`);
  }
  git(['fast-import', '--quiet'], parts.join(''));
  git(['checkout', '-q', '-f', 'main']);
  writeFileSync(join(repo, '.git', 'align-bench-complete'), '');
}

const t0 = Date.now();
if (!existsSync(join(repo, '.git', 'align-bench-complete')) || process.env.REGENERATE) generate();
console.log(`history: ${COMMITS} rubric commits in ${repo} (ready in ${Date.now() - t0} ms)`);
const env = { ...process.env, NO_COLOR: '1', ALIGN_NOW: '2026-11-27T10:00:00Z' };
const log = (cold, extra = []) => {
  if (cold) dropCaches(repo);
  const r = spawnSync(node, [align, '-C', repo, 'rubric', 'log', ...extra], { env, maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`align rubric log failed: ${String(r.stderr).slice(0, 2000)}`);
  return r.stdout;
};
// The cache only saves work: a cold log and a warm one must be the same.
for (const extra of [[], ['--format', 'json']]) if (hash(log(true, extra)) !== hash(log(false, extra))) fail(`align rubric log ${extra.join(' ')} writes something else without its cache than with it`);

console.log('spawned (median of 15 runs; 2 cores shared with other work, so expect noise)');
const base = medianMs([node, '-e', '0'], { runs: 21 });
const nodeBase = { label: 'node -e 0', ms: base };
console.log(row(nodeBase.label, base, nodeBase));
console.log(row('git log --format -- rubric.yaml (for scale)', medianMs(['git', '-C', repo, 'log', '--format=%H %aI %an %s', '--', 'rubric.yaml'], { runs: 15 }), nodeBase));
// Cold: the log cache in the git folder removed before every run (untimed), so every version is parsed and compared.
const cold = { runs: 15, env, before: () => dropCaches(repo) };
console.log(row(`align rubric log, cold (${COMMITS} versions)`, medianMs([node, align, '-C', repo, 'rubric', 'log'], cold), nodeBase, 4));
console.log(row(`align rubric log --format json, cold`, medianMs([node, align, '-C', repo, 'rubric', 'log', '--format', 'json'], cold), nodeBase));
console.log(row(`align rubric log, warm`, medianMs([node, align, '-C', repo, 'rubric', 'log'], { runs: 15, env }), nodeBase));
console.log(row(`align rubric log --format json, warm`, medianMs([node, align, '-C', repo, 'rubric', 'log', '--format', 'json'], { runs: 15, env }), nodeBase, 3));
console.log(row('align rubric log --limit 10, cold', medianMs([node, align, '-C', repo, 'rubric', 'log', '--limit', '10'], cold), nodeBase));
