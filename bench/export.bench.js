// align export over a generated workspace: 1,000 session files and a rubric with 200
// commits of history (built with one `git fast-import`), against a bare node script that
// only reads the same files (bench/export-read.js) and against yq parsing them, in one run.
// Targets: cold (no align caches in .git) within 3× of the bare read, and at least 2× faster than yq.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dropCaches, fail, has, hash, medianMs, QUICK, row } from './lib.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const align = join(root, 'bin', 'align.js');
const node = process.execPath;
const SESSIONS = QUICK ? 200 : 1000;
const RUBRIC_COMMITS = QUICK ? 50 : 200;
const ws = join(root, 'bench', 'data', `export-${SESSIONS}-${RUBRIC_COMMITS}-v2`);
const PEOPLE = [['Dana Kim', 'sales'], ['Lee Park', 'sales'], ['Sam Ortiz', 'marketing'], ['Ana Ruiz', 'marketing']];
const CONFIG = `organization: Bench Corp\nteams:\n  sales: { name: Sales, members: [Dana Kim, Lee Park] }\n  marketing: { name: Marketing, members: [Sam Ortiz, Ana Ruiz] }\n`;

const day = (i) => {
  const d = new Date(Date.UTC(2022, 0, 1) + i * 86_400_000);
  return d.toISOString().slice(0, 10);
};

function goals() {
  let s = 'goals:\n';
  for (let g = 0; g < 12; g++) {
    s += `  - id: goal-${g}\n    title: Shared goal number ${g}\n    metric: Pipeline from segment ${g} (USD)\n    baseline: ${100000 * (g + 1)}\n    target: ${200000 * (g + 1)}\n    due: 2027-0${1 + (g % 9)}-28\n    owners: [sales, marketing]\n    horizon: ${['now', 'next', 'future'][g % 3]}\n    status: ${['on-track', 'at-risk', 'off-track', 'proposed'][g % 4]}\n    progress:\n`;
    for (let p = 0; p < 6; p++) s += `      - { date: 2026-0${1 + p}-15, value: ${100000 * (g + 1) + p * 12000 * (g + 1)}, note: update ${p} }\n`;
  }
  return s;
}

/**
 * A sync session of about 3 KB, written in the block style `align workshop` writes: notes,
 * two decisions, five actions, and reviews of the previous session's actions.
 */
function session(i) {
  const id = `${day(i)}-sync`;
  let s = `# yaml-language-server: $schema=https://unpkg.com/align-workshop@0.1.0/schemas/session.schema.json\n# one workshop and what it agreed; written by \`align workshop\`\nid: ${id}\ntemplate: sync\ntitle: Sales and Marketing sync ${i}\ndate: ${day(i)}\nfacilitator: Sam Ortiz\nattendees:\n`;
  for (const [name, team] of PEOPLE) s += `  - name: ${name}\n    team: ${team}\n`;
  s += 'sections:\n';
  for (const sec of ['action-review', 'goal-progress', 'lead-feedback', 'revenue-plans', 'actions']) {
    s += `  - id: ${sec}\n    title: Section ${sec}\n    minutes_planned: 15\n    minutes_used: ${10 + (i % 9)}\n    notes:\n`;
    s += `      - Discussed ${sec} in sync ${i}; sales reported that several leads lacked budget information.\n`;
  }
  if (i > 0) {
    s += 'action_reviews:\n';
    for (let k = 1; k <= 4; k++) s += `  - session: ${day(i - 1)}-sync\n    action: a${k}\n    status: ${k % 2 ? 'done' : 'dropped'}\n    note: reviewed\n`;
  }
  s += `decisions:\n  - "Decision ${i}.1: demo requests go straight to sales within the hour"\n  - "Decision ${i}.2: webinar leads stay in nurture until they visit pricing twice"\n`;
  s += 'actions:\n';
  for (let k = 1; k <= 5; k++) {
    const [owner, team] = PEOPLE[(i + k) % 4];
    s += `  - id: a${k}\n    title: Follow up on item ${k} from sync ${i}\n    owner: ${owner}\n    team: ${team}\n    due: ${day(i + 10 + k)}\n    status: open\n`;
  }
  return s;
}

/** A BANT-sized rubric that changes a little at every version. */
function rubric(v) {
  let s = `name: Sales-ready lead (v${v})\napproved_by: { sales: ${['Dana Kim', 'Lee Park'][v % 2]}, marketing: Sam Ortiz }\n`;
  s += `dimensions:\n  fit: { max: ${60 + (v % 5)} }\n  engagement: { max: 60 }\n`;
  s += `stages:\n  - { id: mql, label: Marketing-qualified, min: ${30 + (v % 7)} }\n  - { id: sql, label: Sales-ready, min: ${60 + (v % 11)}, require: { fit: 30 } }\n`;
  s += 'criteria:\n';
  for (let k = 0; k < 8 + (v % 4); k++) {
    s += `  - id: criterion-${k}\n    label: Criterion ${k}\n    dimension: ${k % 2 ? 'engagement' : 'fit'}\n`;
    s += k % 3 === 0 ? `    when:\n      all:\n        - { field: f${k}, op: gte, value: ${k * 10 + (v % 3)} }\n        - { field: country, op: in, value: [US, CA, GB] }\n` : `    when: { field: f${k}, op: eq, value: true }\n`;
    s += `    points: ${5 + ((v + k) % 20)}\n    why: Reason number ${k} agreed in workshop ${Math.floor(v / 10)}\n`;
  }
  s += 'sla:\n  follow_up_hours: 24\n  decision_days: 3\n  rejection_reasons: [no-budget, wrong-persona, not-now]\n';
  s += 'tests:\n  - { name: strong lead, lead: { f0: 100, country: US, f1: true, f2: true, f3: 100, f4: true }, expect: sql }\n';
  return s;
}

function generate() {
  rmSync(ws, { recursive: true, force: true });
  mkdirSync(ws, { recursive: true });
  const git = (args, input) => {
    const r = spawnSync('git', args, { cwd: ws, input, maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  };
  git(['init', '-q', '-b', 'main']);
  const blob = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const parts = [];
  let when = 1640995200;
  const commit = (msg) => {
    when += 3600;
    parts.push(`commit refs/heads/main\ncommitter Dana Kim <dana@example.com> ${when} +0000\n${blob(msg)}`);
  };
  commit('start the workspace');
  parts.push(`M 644 inline align.yaml\n${blob(CONFIG)}M 644 inline goals.yaml\n${blob(goals())}`);
  for (let i = 0; i < SESSIONS; i++) parts.push(`M 644 inline sessions/${day(i)}-sync.yaml\n${blob(session(i))}`);
  parts.push('\n');
  for (let v = 0; v < RUBRIC_COMMITS; v++) {
    commit(`rubric version ${v + 1}`);
    parts.push(`M 644 inline rubric.yaml\n${blob(rubric(v))}\n`);
  }
  git(['fast-import', '--quiet'], parts.join(''));
  git(['checkout', '-q', '-f', 'main']);
  writeFileSync(join(ws, '.git', 'align-bench-complete'), '');
}

const t0 = Date.now();
if (!existsSync(join(ws, '.git', 'align-bench-complete')) || process.env.REGENERATE) generate();
const sessions = readdirSync(join(ws, 'sessions')).length;
console.log(`workspace: ${sessions} sessions, ${RUBRIC_COMMITS} rubric commits in ${ws} (ready in ${Date.now() - t0} ms)`);
console.log('median of repeated spawns; 2 cores shared with other work, so expect noise\n');
const env = { ...process.env, NO_COLOR: '1', ALIGN_NOW: '2026-11-27T10:00:00Z' };
const exportOnce = (cold, format = 'md') => {
  if (cold) dropCaches(ws);
  const r = spawnSync(node, [align, '-C', ws, 'export', '--format', format], { env, maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`align export failed: ${String(r.stderr).slice(0, 2000)}`);
  return r.stdout;
};
// A cold run and a warm one must write the same document: the caches only save work.
const coldOut = exportOnce(true);
const warmOut = exportOnce(false);
if (hash(coldOut) !== hash(warmOut)) fail('align export writes something else without its caches than with them');
if (hash(exportOnce(true, 'json')) !== hash(exportOnce(false, 'json'))) fail('align export --format json writes something else without its caches than with them');
console.log(`export: ${(warmOut.length / 1024).toFixed(0)} KB of Markdown, the same cold and warm\n`);

const name = `${SESSIONS} sessions, ${RUBRIC_COMMITS} versions`;
const read = medianMs([node, join(root, 'bench', 'export-read.js'), ws], { runs: 11 });
const bare = { label: 'bare read: files + git log + cat-file', ms: read };
console.log(row(bare.label, read, bare));
// Cold: no align caches in .git (the first export after a clone), dropped before every run.
const cold = medianMs([node, align, '-C', ws, 'export'], { runs: 11, env, before: () => dropCaches(ws) });
console.log(row(`align export, cold (${name})`, cold, bare, 3));
console.log(row(`align export, warm (${name})`, medianMs([node, align, '-C', ws, 'export'], { runs: 11, env }), bare));
console.log(row('align export --format json, cold', medianMs([node, align, '-C', ws, 'export', '--format', 'json'], { runs: 11, env, before: () => dropCaches(ws) }), bare, 3));
if (has('yq')) {
  // yq parses the working-tree files only: it cannot read the rubric's history, so it does less
  // than align; its output (the files as YAML) is about as large as align's document.
  const files = ['align.yaml', 'goals.yaml', 'rubric.yaml', ...readdirSync(join(ws, 'sessions')).map((f) => join('sessions', f))];
  const yq = medianMs(['yq', '.', ...files], { runs: 5, warmup: 1, cwd: ws });
  const yqBase = { label: 'yq . (the same working-tree files)', ms: yq };
  console.log(row(yqBase.label, yq, yqBase));
  // ≥ 2× faster than yq: align's time at most half of yq's.
  console.log(row(`align export, cold, against yq`, cold, yqBase, 0.5));
} else {
  fail('yq is not installed (apt-get install yq): the export target against yq cannot be checked');
}
