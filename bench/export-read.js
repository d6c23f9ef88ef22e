// The baseline for `align export`: a bare node script that only reads what the export reads —
// align.yaml, goals.yaml, rubric.yaml and sessions/*.yaml from the working tree, and every
// version of rubric.yaml from git the way align gets them: one `git log` for the commits and
// one `git cat-file --batch` for their blobs. With --log-p it reads the history with a single
// `git log -p` instead. It parses nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = process.argv[2];
const logP = process.argv.includes('--log-p');
let bytes = 0;
for (const f of ['align.yaml', 'goals.yaml', 'rubric.yaml']) bytes += readFileSync(join(root, f)).length;
for (const f of readdirSync(join(root, 'sessions'))) if (f.endsWith('.yaml')) bytes += readFileSync(join(root, 'sessions', f)).length;
const git = (args, input) => spawnSync('git', args, { cwd: root, input, maxBuffer: 1 << 30 }).stdout;
if (logP) bytes += git(['log', '-p', '--format=%H%x1f%aI%x1f%an%x1f%s', '--', 'rubric.yaml']).length;
else {
  const commits = git(['log', '--format=%H', '--', 'rubric.yaml']).toString().trim().split('\n');
  bytes += git(['cat-file', '--batch'], commits.map((c) => `${c}:./rubric.yaml\n`).join('')).length;
}
if (bytes === 0) process.exitCode = 1;
