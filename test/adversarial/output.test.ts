// What align prints and renders, against hostile places to print and hostile text to print.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { marked, type Tokens } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { oneLine } from '../../src/core/export/escape.js';
import { terminalSafe } from '../../src/core/text/terminal.js';
import { pinnedEnv } from '../helpers/env.js';
import { spawnAlign } from '../helpers/pty.js';
import { visibleText, walk } from '../helpers/markdown.js';
import { ALIGN, hashTree, tempRepo, type TempRepo } from '../helpers/workspace.js';
import { hostileTexts, hostileWorkspace, plainTexts, type Texts } from './hostile.js';
import { outWorkspace, WITH_OUT } from '../helpers/out-commands.js';

let repo: TempRepo;
beforeAll(async () => {
  repo = await outWorkspace();
});
afterAll(() => repo?.cleanup());


interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The built binary with its stdout and stderr on the given file descriptors ('pipe' to read
 * them), killed after 20 s so that a hang fails the test instead of stopping the suite.
 */
function spawnOn(args: string[], stdio: { stdout: number | 'pipe'; stderr: number | 'pipe' }): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ALIGN, ...args], { cwd: repo.dir, env: pinnedEnv(repo.env), stdio: ['ignore', stdio.stdout, stdio.stderr] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    child.stderr?.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A descriptor on /dev/full: every write to it fails with ENOSPC. Opened for writing, which changes nothing on the device. */
function withFull<T>(use: (fd: number) => Promise<T>): Promise<T> {
  const fd = openSync('/dev/full', 'w');
  return use(fd).finally(() => closeSync(fd));
}

describe('stdout or stderr that cannot be written', () => {
  // One document printed at once, one streamed row by row, one table, one with a warning on stderr first.
  const PRINTERS: [string, string[]][] = [
    ['export', ['export']],
    ['agenda', ['agenda', 'sync']],
    ['rubric score', ['rubric', 'score', 'leads.csv', '--rubric', 'scoring.yaml', '--format', 'csv']],
    ['status', ['status']],
  ];
  const FULL_STDOUT = 'align: cannot write to standard output (ENOSPC: no space left on device); the output is incomplete\n';

  it.each(PRINTERS)('%s > /dev/full: one line on stderr, exit 74, no stack', async (_name, args) => {
    const r = await withFull((fd) => spawnOn(args, { stdout: fd, stderr: 'pipe' }));
    // rubric score warns about the fixture's skipped rows first.
    expect(r.stderr.endsWith(FULL_STDOUT), r.stderr).toBe(true);
    expect(r.stderr).not.toMatch(/^\s+at |Error:|internal error/m);
    expect(r.code).toBe(74);
  });

  it('2> /dev/full: exit 74 and nothing else, whether the command succeeds or fails', async () => {
    const saved = repo.read('goals.yaml');
    try {
      const ok = await withFull((fd) => spawnOn(['rubric', 'score', 'leads.csv', '--rubric', 'scoring.yaml', '--format', 'csv'], { stdout: 'pipe', stderr: fd }));
      // The rows went out; the skipped rows' problems on stderr could not.
      expect(ok.stdout).toMatch(/^email,fit,engagement,score,stage\n/); // the source's id header
      expect(ok.code).toBe(74);
      repo.write('goals.yaml', 'goals: [\n');
      const bad = await withFull((fd) => spawnOn(['validate'], { stdout: 'pipe', stderr: fd }));
      expect(bad).toEqual({ code: 74, stdout: '', stderr: '' });
    } finally {
      repo.write('goals.yaml', saved);
    }
  });

  it('both on /dev/full: exit 74', async () => {
    const r = await withFull((fd) => spawnOn(['export'], { stdout: fd, stderr: fd }));
    expect(r.code).toBe(74);
  });
});

describe('--out naming align\'s own output', () => {
  const REFUSED = (path: string) => `align: --out ${path} names one of align's own streams, not a file; align changed nothing\nhint: leave out --out to print on stdout (redirect it, \`> FILE\`, to save it)\n`;

  // The machine's own /dev paths are named without --force only: were the refusal ever lost, align
  // would refuse to overwrite them, never replace them. --force is tried on links of the test's own.
  it.each(WITH_OUT)('%s --out /dev/stdout | cat: refused at once, nothing read or written', async (_name, args) => {
    const before = hashTree(repo.dir);
    const r = await spawnOn([...args, '--out', '/dev/stdout'], { stdout: 'pipe', stderr: 'pipe' });
    expect(r).toEqual({ code: 2, stdout: '', stderr: REFUSED('/dev/stdout') });
    expect(hashTree(repo.dir)).toBe(before);
  });

  it.each(['/dev/fd/1', '/proc/self/fd/1', '/dev/stderr'])('--out %s is refused the same way', async (path) => {
    const r = await spawnOn(['export', '--out', path], { stdout: 'pipe', stderr: 'pipe' });
    expect(r).toEqual({ code: 2, stdout: '', stderr: REFUSED(path) });
  });

  it.each(WITH_OUT)('%s --out LINK-TO-STDOUT --force: refused the same way, the link left as it was', async (_name, args) => {
    const dir = join(repo.dir, 'special');
    mkdirSync(dir, { recursive: true });
    if (!existsSync(join(dir, 'stdout'))) symlinkSync('/proc/self/fd/1', join(dir, 'stdout'));
    const r = await spawnOn([...args, '--out', 'special/stdout', '--force'], { stdout: 'pipe', stderr: 'pipe' });
    expect(r).toEqual({ code: 2, stdout: '', stderr: REFUSED('special/stdout') });
    expect(lstatSync(join(dir, 'stdout')).isSymbolicLink()).toBe(true);
  });

  it.each(WITH_OUT.filter(([name]) => name === 'export' || name === 'rubric score'))('%s --out LINK-TO-STDOUT --force > FILE: the file stdout goes to is not replaced behind the shell', async (_name, args) => {
    const file = join(repo.dir, 'special', 'redirected.txt');
    mkdirSync(join(repo.dir, 'special'), { recursive: true });
    writeFileSync(file, 'kept\n');
    const inode = statSync(file).ino;
    const fd = openSync(file, 'a');
    try {
      // As /dev/stdout is, a link to /proc/self/fd/1: of the test's own, so that --force can never reach /dev.
      if (!existsSync(join(repo.dir, 'special', 'stdout'))) symlinkSync('/proc/self/fd/1', join(repo.dir, 'special', 'stdout'));
      const r = await spawnOn([...args, '--out', 'special/stdout', '--force'], { stdout: fd, stderr: 'pipe' });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(REFUSED('special/stdout'));
    } finally {
      closeSync(fd);
    }
    expect(statSync(file).ino).toBe(inode);
    expect(readFileSync(file, 'utf8')).toBe('kept\n');
  });

  it('a link to /proc/self/fd, or to /dev/stdout, in the user\'s folder is refused the same way', async () => {
    const dir = join(repo.dir, 'special');
    mkdirSync(dir, { recursive: true });
    if (!existsSync(join(dir, 'fds'))) symlinkSync('/proc/self/fd', join(dir, 'fds'));
    if (!existsSync(join(dir, 'out.md'))) symlinkSync('/dev/stdout', join(dir, 'out.md'));
    for (const path of ['special/fds/1', 'special/out.md']) {
      const r = await spawnOn(['export', '--out', path, '--force'], { stdout: 'pipe', stderr: 'pipe' });
      expect(r, path).toEqual({ code: 2, stdout: '', stderr: REFUSED(path) });
    }
    expect(lstatSync(join(dir, 'out.md')).isSymbolicLink()).toBe(true);
  });

  it('agenda --out into a folder where no folder can be made (/proc): exit 2, not a bug', async () => {
    const r = await repo.align(['agenda', 'sync', '--out', '/proc/']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^align: --out: cannot make the folder \/proc\/agendas \(\w+\); align wrote nothing\nhint: /);
  });
});

describe('--out through a link to a device or a FIFO', () => {
  // Made in the test's own folder: a null device of our own (mknod) and a FIFO, and links to each.
  function specials(): string {
    const dir = join(repo.dir, 'linked');
    if (existsSync(dir)) return dir;
    mkdirSync(dir);
    execFileSync('mknod', [join(dir, 'null'), 'c', '1', '3'], { env: pinnedEnv() });
    execFileSync('mkfifo', [join(dir, 'fifo')], { env: pinnedEnv() });
    symlinkSync('null', join(dir, 'to-null'));
    symlinkSync(join(dir, 'fifo'), join(dir, 'to-fifo'));
    symlinkSync('to-null', join(dir, 'to-link'));
    return dir;
  }
  const TARGETS = [
    ['to-null', 'a device'],
    ['to-fifo', 'a named pipe (FIFO)'],
    ['to-link', 'a device'],
  ] as const;

  it.each(WITH_OUT)('%s never writes through the link, with or without --force, and leaves link and node as they were', async (_name, args) => {
    const dir = specials();
    for (const [link, kind] of TARGETS) {
      for (const force of [[], ['--force']]) {
        const r = await repo.align([...args, '--out', `linked/${link}`, ...force]);
        expect(r.exitCode, `${link} ${force.join('')}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toBe(`align: --out linked/${link} is ${kind}, not a file; align writes only regular files and changed nothing\nhint: give the path of a file to write`);
        expect(r.stdout).toBe('');
      }
    }
    expect(statSync(join(dir, 'null')).isCharacterDevice()).toBe(true);
    expect(statSync(join(dir, 'fifo')).isFIFO()).toBe(true);
    for (const [link] of TARGETS) expect(lstatSync(join(dir, link)).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['fifo', 'null', 'to-fifo', 'to-link', 'to-null']); // no temp files left
  });
});

describe('the dates an agenda prints', () => {
  it('a template of 99999999999 minutes is refused at its line, never an invite in a year with six digits', async () => {
    repo.write('templates/long.yaml', 'id: long\ntitle: Long\nsections:\n  - { id: a, title: A, minutes: 99999999999, capture: notes }\n');
    try {
      for (const format of ['ics', 'text', 'json']) {
        const r = await repo.align(['agenda', 'long', '--format', format]);
        expect(r.exitCode, format).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/^templates\/long\.yaml:4:33: sections\[0\]\.minutes: expected at most 1440 minutes \(a day\) for a section\nhint: /);
      }
    } finally {
      rmSync(join(repo.dir, 'templates'), { recursive: true });
    }
  });

  it('ALIGN_NOW=2026-02-30 is refused as a usage error, not read as March 2nd', async () => {
    for (const args of [['agenda', 'sync'], ['status']]) {
      const r = await repo.align(args, { env: { ...repo.env, ALIGN_NOW: '2026-02-30' } });
      expect(r).toEqual({ exitCode: 2, stdout: '', stderr: 'align: ALIGN_NOW is not a real date or ISO timestamp: 2026-02-30\nhint: set ALIGN_NOW to an ISO date such as 2026-11-27, or unset it' });
    }
  });
});

/** A character a terminal obeys rather than shows: C0 but tab and line feed, DEL, C1, bidirectional controls, line separators. */
const RAW_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** Fails naming the first character a terminal would obey, with what is around it. */
function expectSafe(text: string, what: string, allowed: RegExp = /(?!)/): void {
  const at = [...text.matchAll(new RegExp(RAW_UNSAFE.source, 'gu'))].find((m) => !allowed.test(m[0]));
  const shown = at ? `U+${at[0].codePointAt(0)!.toString(16).padStart(4, '0')} in ${what}: ${JSON.stringify(text.slice(Math.max(0, at.index - 60), at.index + 20))}` : '';
  expect(shown, what).toBe('');
}

/** The shape of a Markdown document: every token but the words themselves (text and backslash escapes). */
function skeleton(markdown: string): string[] {
  return [...walk(marked.lexer(markdown, { gfm: true }))]
    .filter((t) => t.type !== 'text' && t.type !== 'escape')
    .map((t) => {
      if (t.type === 'heading') return `h${(t as Tokens.Heading).depth}`;
      if (t.type === 'table') return `table ${(t as Tokens.Table).header.length}x${(t as Tokens.Table).rows.length}`;
      if (t.type === 'list') return `list ${(t as Tokens.List).items.length}`;
      return t.type;
    });
}

/** The calendar's one event, read by ical.js (a parser independent of the library that wrote it). */
function icsEvent(text: string): ICAL.Event {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const vtz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
  return new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
}

describe('hostile text in every human-readable output', () => {
  // Three workspaces of generated hostile text (a fixed seed: the same text on every run), and one of plain words.
  const SETS = hostileTexts(3, 20261127);
  let plainRepo: TempRepo;
  beforeAll(async () => {
    plainRepo = await hostileWorkspace(plainTexts());
  });
  afterAll(() => plainRepo?.cleanup());

  /** The human-readable outputs, and the exit code each gives on these workspaces. */
  const TEXT: [string, (x: Texts) => string[], number][] = [
    ['validate', () => ['validate'], 0],
    ['status', () => ['status'], 0],
    ['templates', () => ['templates'], 0],
    ['templates show', () => ['templates', 'show', 'hostile'], 0],
    ['rubric log', () => ['rubric', 'log'], 0],
    ['rubric diff', () => ['rubric', 'diff', 'HEAD~1', 'HEAD', '--leads', 'leads.csv'], 0],
    ['rubric test', () => ['rubric', 'test'], 1],
    ['rubric score', (x) => ['rubric', 'score', 'leads.csv', '--outcome', x.outcome], 0],
    ['rubric score --explain', () => ['rubric', 'score', 'leads.csv', '--explain'], 0],
    ['workshop --dry-run', () => ['workshop', 'hostile', '--answers', 'answers.yaml', '--dry-run'], 0],
    ['export', () => ['export'], 0],
    ['agenda (workspace template)', () => ['agenda', 'hostile'], 0],
    ['agenda (built-in template)', () => ['agenda', 'sync'], 0],
    ['rubric diff --format md', () => ['rubric', 'diff', 'HEAD~1', 'HEAD', '--leads', 'leads.csv', '--format', 'md'], 0],
  ];
  const MARKDOWN = ['export', 'agenda (workspace template)', 'agenda (built-in template)', 'rubric diff --format md'];

  /** Always in what is typed below, whatever was generated: the window title and the screen under attack. */
  const PAYLOAD = '\x1b]0;PWNED\x07\u009b2J';
  /** What is typed on a command line, which can hold anything but a NUL. */
  const typed = (text: string) => `${text.replace(/\0/g, '')}${PAYLOAD}`;
  /** Commands refused for what was typed: the refusal quotes it, safely. */
  const REFUSED: [string, (x: Texts) => { args: string[]; env?: Record<string, string> }][] = [
    ['an unknown template', (x) => ({ args: ['agenda', typed(x.templateTitle)] })],
    ['an unknown option', (x) => ({ args: ['status', `--${typed(x.note)}`] })],
    ['a bad time zone', (x) => ({ args: ['agenda', 'sync', '--tz', typed(x.prompt)] })],
    ['a bad --start', (x) => ({ args: ['agenda', 'sync', '--start', typed(x.purpose)] })],
    ['an unknown session', (x) => ({ args: ['export', '--session', typed(x.decision)] })],
    ['a missing CSV', (x) => ({ args: ['rubric', 'score', `${typed(x.lead1)}.csv`] })],
    ['an unknown revision', (x) => ({ args: ['rubric', 'test', typed(x.subject)] })],
    ['a bad ALIGN_NOW', (x) => ({ args: ['status'], env: { ALIGN_NOW: typed(x.value) } })],
  ];

  it('init in a folder whose name holds escape sequences: the paths it prints are shown escaped', async () => {
    const fresh = await tempRepo();
    try {
      const folder = `acme\x1b]0;PWNED\x07\u009b2J`;
      const r = await fresh.align(['init', folder, '--org', `Acme${folder}`, '--sales', 'Dana', '--marketing', 'Sam', '--yes']);
      expect(r.exitCode, r.stderr).toBe(0);
      expectSafe(r.stdout, 'stdout');
      expectSafe(r.stderr, 'stderr');
      expect(r.stdout).toContain('acme\\x1b]0;PWNED\\x07\\x9b2J/align.yaml');
    } finally {
      fresh.cleanup();
    }
  });

  describe.each(SETS.map((x, i) => [i + 1, x] as const))('generated workspace %i', (_n, x) => {
    let repo: TempRepo;
    const outputs = new Map<string, { stdout: string; stderr: string }>();
    beforeAll(async () => {
      repo = await hostileWorkspace(x);
    });
    afterAll(() => repo?.cleanup());

    it('prints no raw control character anywhere, and every command ends as it should (never a bug)', async () => {
      for (const [name, args, code] of TEXT) {
        const r = await repo.align(args(x));
        expect(r.exitCode, `${name}: ${r.stderr}`).toBe(code);
        expectSafe(r.stdout, `${name} stdout`);
        expectSafe(r.stderr, `${name} stderr`);
        outputs.set(name, r);
      }
    });

    it('shows what was written, made visible: the escape sequences as \\x1b…, not obeyed', async () => {
      // Tables wrap their cells to the terminal's width (80 columns on a pipe); on a wide terminal the title stays on its line.
      const status = (await repo.align(['status'], { terminal: { columns: 1000 } })).stdout;
      expectSafe(status, 'status on a wide terminal');
      expect(status).toContain(terminalSafe(x.actionTitle.trim()).slice(0, 30));
      // git tidies an author's name its own way; the marker at its start is enough to find it.
      expect(outputs.get('rubric log')!.stdout).toMatch(/^[0-9a-f]{7} \d{4}-\d\d-\d\d Q32q/m);
      // Titles are trimmed by the schema, then shown whole.
      expect(outputs.get('templates show')!.stdout).toContain(`hostile: ${terminalSafe(x.templateTitle.trim())}\n`);
      expect(outputs.get('rubric test')!.stdout).toContain(`✗ ${terminalSafe(x.testName)}: expected sql, got mql`);
      // JSON escapes for itself: the text comes back exactly as written (less the whitespace around a title, which the schema trims).
      const doc = JSON.parse((await repo.align(['status', '--format', 'json'])).stdout);
      expect(doc.goals_needing_attention[0].title).toBe(x.goalTitle.trim());
    });

    it('keeps the Markdown\'s shape: no raw HTML, no extra heading, list, table row or link, whatever the text', async () => {
      for (const name of MARKDOWN) {
        const [, args] = TEXT.find(([n]) => n === name)!;
        const md = outputs.get(name)!.stdout;
        const tokens = [...walk(marked.lexer(md, { gfm: true }))];
        expect(tokens.filter((t) => t.type === 'html').map((t) => t.raw), name).toEqual([]);
        expect(tokens.filter((t) => t.type === 'link' || t.type === 'image').map((t) => t.raw), name).toEqual([]);
        const plainMd = (await plainRepo.align(args(plainTexts()))).stdout;
        expect(skeleton(md), name).toEqual(skeleton(plainMd));
      }
    });

    it('the Markdown reads as the words written, on one line each', () => {
      const words = (name: string) => visibleText(marked.lexer(outputs.get(name)!.stdout, { gfm: true }));
      const exported = words('export');
      for (const f of ['org', 'goalTitle', 'decision', 'actionTitle', 'actionNote', 'note', 'sessionTitle', 'sectionTitle', 'prompt', 'purpose', 'description', 'value', 'facilitator'] as const) expect(exported, f).toContain(oneLine(x[f]));
      const agenda = words('agenda (workspace template)');
      for (const f of ['templateTitle', 'sectionTitle', 'purpose', 'prompt', 'lead', 'description', 'facilitator', 'salesName', 'memberA', 'memberC'] as const) expect(agenda, f).toContain(oneLine(x[f]));
      expect(words('agenda (built-in template)')).toContain(oneLine(x.org));
      const diff = words('rubric diff --format md');
      for (const f of ['criterionLabel', 'lead1'] as const) expect(diff, f).toContain(oneLine(x[f]));
    });

    it('the calendar invite parses, holds no control character, and gives back the text on one line', async () => {
      for (const template of ['hostile', 'sync']) {
        const r = await repo.align(['agenda', template, '--format', 'ics', '--tz', 'Europe/Berlin', '--date', '2026-12-08']);
        expect(r.exitCode, r.stderr).toBe(0);
        expectSafe(r.stdout.replace(/\r\n/g, '\n'), `${template}.ics`);
        const event = icsEvent(r.stdout);
        expect(event.startDate.year).toBe(2026);
        const title = oneLine(template === 'hostile' ? x.templateTitle : `${x.salesName.trim()} and ${x.marketingName.trim()} sync`);
        expect(event.summary).toBe(title.includes(oneLine(x.org)) ? title : `${title} (${oneLine(x.org)})`);
        const lines = event.description.split('\n');
        expect(lines[0]).toBe(title);
        expect(lines).toContain(`Facilitator: ${oneLine(x.facilitator)}`);
        expect(lines).toContain(`Teams: ${oneLine(x.salesName)} (${oneLine(x.memberA)}, ${oneLine(x.memberB)}); ${oneLine(x.marketingName)} (${oneLine(x.memberC)})`);
        if (template === 'hostile') for (const f of ['purpose', 'description'] as const) expect(lines).toContain(oneLine(x[f]));
      }
    });


    it.each(REFUSED)('%s: exit 2, the refusal on stderr made safe', async (_name, make) => {
      const { args, env } = make(x);
      const r = await repo.align(args, { env: { ...repo.env, ...env } });
      expect(r.exitCode, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expectSafe(r.stderr, 'stderr');
      // Shown, escaped: by terminalSafe (\x1b), or already by a message that quotes JSON-style (\u001b).
      expect(r.stderr).toMatch(/\\(x1b|u001b)\]0;PWNED\\(x07|u0007)\\x9b2J/);
    });

    it('rubric sql: the rubric\'s name on its comment line, made safe; a field name a terminal would obey is refused, never written raw', async () => {
      const r = await repo.align(['rubric', 'sql']);
      expect([0, 2], r.stderr).toContain(r.exitCode);
      // A line break or a tab in a quoted column name is the column's (a spreadsheet header on two lines); a CR too.
      expectSafe(r.stdout, 'sql', /\r/);
      expectSafe(r.stderr, 'stderr');
      if (r.exitCode === 0) expect(r.stdout.split('\n')[0]).toBe(`-- ${terminalSafe(x.rubricName)} (rubric.yaml), compiled by align for postgres`);
      const saved = repo.read('rubric.yaml');
      try {
        repo.write('rubric.yaml', stringify({ name: `${x.rubricName}${PAYLOAD}`, stages: [{ id: 'mql', min: 1 }], criteria: [{ id: 'c', when: { field: `${x.field}${PAYLOAD}`, op: 'eq', value: 'x' }, points: 1 }] }));
        for (const dialect of ['duckdb', 'postgres', 'snowflake']) {
          const bad = await repo.align(['rubric', 'sql', '--dialect', dialect]);
          expect(bad.exitCode, bad.stderr).toBe(2);
          expect(bad.stderr).toMatch(/holds a control character/);
          expectSafe(bad.stderr, 'stderr');
        }
        const bigquery = await repo.align(['rubric', 'sql', '--dialect', 'bigquery']);
        expect(bigquery.exitCode, bigquery.stderr).toBe(0);
        expectSafe(bigquery.stdout, 'bigquery');
      } finally {
        repo.write('rubric.yaml', saved);
      }
    });

    it('a rubric or a config with a hostile id or key: every problem positioned, made safe, never a bug', async () => {
      const saved = { rubric: repo.read('rubric.yaml'), config: repo.read('align.yaml') };
      try {
        repo.write('rubric.yaml', stringify({ stages: [{ id: `${x.stageLabel}${PAYLOAD}`, min: 1 }], criteria: [{ id: `${x.criterionLabel}${PAYLOAD}`, when: { field: 'a', op: 'eq', value: 1 }, points: 1 }] }));
        repo.write('align.yaml', `${saved.config}${stringify({ [`${x.field}${PAYLOAD}`]: x.value })}`);
        const validate = await repo.align(['validate']);
        expect(validate.exitCode).toBe(1);
        expect(validate.stderr).toMatch(/^rubric\.yaml:\d+:\d+: /m);
        expectSafe(validate.stderr, 'validate');
        for (const args of [['status'], ['export'], ['rubric', 'test'], ['agenda', 'sync']]) {
          const r = await repo.align(args);
          expect(r.exitCode, `${args.join(' ')}: ${r.stderr}`).toBe(2);
          expectSafe(r.stderr, args.join(' '));
        }
      } finally {
        repo.write('rubric.yaml', saved.rubric);
        repo.write('align.yaml', saved.config);
      }
    });
  });
});

describe('hostile names in the workshop on a terminal', { timeout: 120_000 }, () => {
  const PAYLOAD = '\x1b]0;PWNED\x07\u009b2J';
  const SHOWN = '\\x1b]0;PWNED\\x07\\x9b2J';
  let repo: TempRepo;
  afterAll(() => repo?.cleanup());

  it('prompts, choices, section headers and the summary show the names escaped; the terminal is never retitled or cleared', async () => {
    repo = await hostileWorkspace({
      ...plainTexts(),
      salesName: `Sales${PAYLOAD}`, marketingName: 'Marketing', memberA: `Dana${PAYLOAD}`, memberB: 'Lee', memberC: `Sam${PAYLOAD}`,
      templateTitle: `Sync${PAYLOAD}`, sectionTitle: `Evidence${PAYLOAD}`, purpose: `Why${PAYLOAD}`, prompt: `Ask${PAYLOAD}`,
    });
    const s = spawnAlign(['workshop', 'hostile'], { cwd: repo.dir, env: repo.env });
    await s.waitFor(`Sync${SHOWN}`);
    await s.answer('Date of the session', '');
    await s.choose('Facilitator', 'Pat');
    await s.tick('Who is here?', 'a', [`Dana${SHOWN} (Sales${SHOWN})`, `Lee (Sales${SHOWN})`, `Sam${SHOWN} (Marketing)`]);
    await s.answer('Someone else in the room?', '');
    await s.waitFor(`1/3 Evidence${SHOWN}`);
    await s.waitFor(`Why${SHOWN}`);
    await s.waitFor(`• Ask${SHOWN}`);
    await s.answer('Note (empty line to finish)', '');
    await s.answer('Decision (empty line to finish)', '');
    await s.answer('Action (empty line to finish)', '');
    await s.waitFor(`Summary of Sync${SHOWN}`);
    // The summary's table wraps the names at its column: the start of them is enough here.
    await s.waitFor('attendees: Dana\\x1b]0;');
    await s.pick('Write it all down?', 'Stop here and keep the draft');
    expect(await s.exited).toBe(0);
    expect(s.raw()).not.toContain('\x1b]0;PWNED');
    expect(s.raw()).not.toContain('\u009b');
  });
});
