import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnAlign } from '../helpers/pty.js';
import { screenOf } from '../helpers/screen.js';
import { tempRepo, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;

beforeAll(async () => {
  repo = await tempRepo();
  repo.write('rubric.yaml', 'stages: [{ id: mql, min: 10 }]\ncriteria: [{ id: size, when: { field: employees, op: gte, value: 200 }, points: 10 }]\n');
  let csv = 'id,employees\n';
  for (let i = 1; i <= 50_000; i++) csv += `L${i},${(i * 37) % 1000}\n`;
  repo.write('leads.csv', csv);
});
afterAll(() => repo.cleanup());

it('shows a progress bar on a terminal, and none when stderr is not one', async () => {
  const s = spawnAlign(['rubric', 'score', 'leads.csv', '--rubric', 'rubric.yaml', '--format', 'csv', '--out', 'scored.csv'], { cwd: repo.dir, env: repo.env });
  expect(await s.exited).toBe(0);
  const out = s.output();
  expect(out).toMatch(/scoring leads\.csv \[[#-]+\]\s+\d+%\s+[\d,]+ leads/);
  expect(out).toContain('wrote 50000 scored leads to scored.csv');

  const piped = await repo.align(['rubric', 'score', 'leads.csv', '--rubric', 'rubric.yaml', '--format', 'csv', '--out', 'again.csv']);
  expect(piped.exitCode).toBe(0);
  expect(piped.stderr).toBe('wrote 50000 scored leads to again.csv');
});

it('stops quietly when the reader goes away (| head)', async () => {
  const { execa } = await import('execa');
  const { ALIGN } = await import('../helpers/workspace.js');
  const child = execa('node', [ALIGN, 'rubric', 'score', 'leads.csv', '--rubric', 'rubric.yaml', '--format', 'csv'], { cwd: repo.dir, env: repo.env, reject: false, buffer: { stdout: false } });
  child.stdout!.once('data', () => child.stdout!.destroy());
  const r = await child;
  expect(r.stderr).not.toMatch(/internal error|EPIPE/);
  expect(r.exitCode).toBe(0);
});

it('in a terminal of 60 columns the bar stays on one line, gives way to messages, and is gone when scoring ends', async () => {
  const file = 'leads-exported-from-the-crm-for-the-november-review.csv';
  repo.write(file, 'id,employees\nA1,500\nA2,30,extra\nA3,20\n');
  const r = await repo.align(['rubric', 'score', file, '--rubric', 'rubric.yaml', '--format', 'csv', '--out', 'scored-60.csv'], { terminal: { columns: 60 }, stripFinalNewline: false });
  expect(r.exitCode, r.stderr).toBe(0);
  expect(r.stderr).toMatch(/\r[^\r\n]*scoring[^\r\n]*\[[#-]+\]/); // it was drawn
  for (const bar of r.stderr.match(/\r[^\r\n\x1b]*\x1b\[K/g) ?? []) expect(bar.length - 4).toBeLessThan(60);
  const screen = screenOf(r.stderr, 60).filter((l) => l !== '');
  expect(screen.filter((l) => /scoring|\[[#-]+\]/.test(l))).toEqual([]);
  expect(screen[0]).toMatch(/^leads-exported-from-the-crm-for-the-november-review\.csv:3/);
  expect(screen.at(-1)).toBe('wrote 2 scored leads to scored-60.csv');
});
