// The baseline for `align validate`: a bare node script that only reads the same files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2];
let bytes = 0;
for (const f of ['align.yaml', 'goals.yaml', 'rubric.yaml']) bytes += readFileSync(join(root, f)).length;
for (const f of readdirSync(join(root, 'sessions'))) if (f.endsWith('.yaml')) bytes += readFileSync(join(root, 'sessions', f)).length;
if (bytes === 0) process.exitCode = 1;
