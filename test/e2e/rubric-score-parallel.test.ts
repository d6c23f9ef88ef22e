// rubric score and rubric diff --leads on worker threads write byte for byte what they write
// on one thread, in every format: a generated file with a BOM, CRLF, quoted newlines, empty
// and ragged lines, cut into tiny ranges (ALIGN_LEADS_RANGE_BYTES) so that range boundaries
// fall everywhere, quoted fields included. In process; the bundle's worker is spawned once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempRepo, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;

const RUBRIC = `name: Parallel
dimensions:
  fit: { max: 30 }
stages:
  - { id: mql, label: Marketing-qualified, min: 10 }
  - { id: sql, label: Sales-ready, min: 25, require: { fit: 10 } }
criteria:
  - { id: big, when: { field: employees, op: gte, value: 200 }, points: 15, why: Big teams buy }
  - { id: vp, when: { field: title, op: matches, value: "\\\\bvp\\\\b" }, points: 20 }
  - { id: lines, dimension: engagement, when: { field: title, op: contains, value: line }, points: 12 }
  - { id: rival, when: { field: note, op: contains, value: rival }, disqualify: true }
`;

function leads(rows: number): string {
  let seed = 11;
  const r = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const titles = ['VP Sales', '"VP, ""Ops"""', '"multi\nline vp"', '"crlf\r\ninside"', 'plain', '""'];
  let text = '\uFEFFid,employees,title,note,converted\r\n';
  for (let n = 1; n <= rows; n++) {
    const eol = r() < 0.5 ? '\r\n' : '\n';
    const note = r() < 0.05 ? 'rival' : r() < 0.1 ? '"a\nnote"' : 'x';
    text += `L${n},${r() < 0.04 ? 'n/a' : Math.floor(r() * 400)},${titles[Math.floor(r() * titles.length)]},${note},${r() < 0.3 ? 'yes' : 'no'}${eol}`;
    if (r() < 0.05) text += eol;
    if (r() < 0.03) text += `R${n},1${eol}`;
  }
  return text;
}

beforeAll(async () => {
  repo = await tempRepo();
  repo.write('align.yaml', 'organization: Acme Corp\nteams:\n  sales: { name: Sales, members: [Dana Kim] }\n  marketing: { name: Marketing, members: [Sam Ortiz] }\n');
  repo.write('rubric.yaml', RUBRIC);
  await repo.git('add', '.');
  await repo.git('commit', '-q', '-m', 'rubric');
  repo.write('rubric.yaml', RUBRIC.replace('min: 25', 'min: 20'));
  repo.write('leads.csv', leads(200));
});
afterAll(() => repo.cleanup());

const parallel = () => ({ ...repo.env, ALIGN_LEADS_RANGE_BYTES: '97' });

describe('scoring on worker threads', () => {
  it.each([
    ['csv', ['--explain', '--outcome', 'converted']],
    ['json', ['--explain']],
    ['ndjson', ['--outcome', 'converted']],
    ['text', ['--explain']],
  ])('rubric score --format %s %j: the same bytes as one thread', async (format, extra) => {
    const args = ['rubric', 'score', 'leads.csv', '--format', format, ...extra];
    const one = await repo.align([...args, '--jobs', '1'], { stripFinalNewline: false });
    const many = await repo.align([...args, '--jobs', '2'], { env: parallel(), stripFinalNewline: false });
    expect(one.exitCode).toBe(0);
    expect(one.stdout.length).toBeGreaterThan(1000);
    expect(many).toEqual(one);
  });

  // The run's column map, --keep and the id found by its normalised name travel to the workers as data.
  it.each([
    ['csv', ['--keep', 'note,converted']],
    ['json', ['--keep', 'all']],
  ])('rubric score --format %s %j with a --columns map: the same bytes as one thread', async (format, extra) => {
    repo.write('map.yaml', 'employees: [Employees]\ntitle: [Job Title, title]\n');
    repo.write('mapped.csv', leads(120).replace('id,employees,title', 'ID,Employees,Job Title'));
    const args = ['rubric', 'score', 'mapped.csv', '--columns', 'map.yaml', '--format', format, ...extra];
    const one = await repo.align([...args, '--jobs', '1'], { stripFinalNewline: false });
    const many = await repo.align([...args, '--jobs', '2'], { env: parallel(), stripFinalNewline: false });
    expect(one.exitCode).toBe(0);
    expect(one.stdout).toContain(format === 'csv' ? 'ID,' : '"converted"');
    expect(many).toEqual(one);
  });

  it('rubric score --out: the same file, the same messages', async () => {
    const one = await repo.align(['rubric', 'score', 'leads.csv', '--format', 'csv', '--out', 'one.csv', '--jobs', '1']);
    const many = await repo.align(['rubric', 'score', 'leads.csv', '--format', 'csv', '--out', 'many.csv', '--jobs', '2'], { env: parallel() });
    expect(many.exitCode).toBe(0);
    expect(many.stdout).toBe(one.stdout);
    expect(many.stderr.replace('many.csv', 'one.csv')).toBe(one.stderr);
    expect(repo.read('many.csv')).toBe(repo.read('one.csv'));
  });

  it.each(['text', 'md', 'json'])('rubric diff --leads --format %s: the same bytes as one thread', async (format) => {
    const args = ['rubric', 'diff', '--leads', 'leads.csv', '--format', format];
    const one = await repo.align([...args, '--jobs', '1']);
    const many = await repo.align([...args, '--jobs', '2'], { env: parallel() });
    expect(one.exitCode).toBe(0);
    expect(one.stdout).toMatch(/mql|sql/);
    expect(many).toEqual(one);
  });

  // How many rows reach a pipe before a failure depends on where reads end; with --out nothing is written either way.
  it('--strict fails on the same row, with the same message and exit code, writing nothing', async () => {
    const args = ['rubric', 'score', 'leads.csv', '--format', 'csv', '--strict', '--out', 'strict.csv'];
    const one = await repo.align([...args, '--jobs', '1']);
    const many = await repo.align([...args, '--jobs', '2'], { env: parallel() });
    expect(one.exitCode).toBe(2);
    expect(one.stderr).toMatch(/leads\.csv:\d+:1: this row has 2 cells/);
    expect(many).toEqual(one);
    expect(() => repo.read('strict.csv')).toThrow();
  });

  it('--jobs 0 is refused, naming the flag', async () => {
    const r = await repo.align(['rubric', 'score', 'leads.csv', '--jobs', '0']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--jobs');
  });

  it('the bundle finds its worker: the built binary scores on threads as on one', async () => {
    const args = ['rubric', 'score', 'leads.csv', '--format', 'ndjson'];
    const one = await repo.spawn([...args, '--jobs', '1']);
    const many = await repo.spawn([...args, '--jobs', '2'], { env: parallel() });
    expect(one.exitCode).toBe(0);
    expect(many).toEqual(one);
  });
});
