// A `matches` condition can never hang align: patterns that can take exponential time are
// refused by every command that reads the rubric, quickly; ordinary patterns pass; and the
// patterns the check lets through match fast on any short value.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regexHazard } from '../../src/core/regex/hazard.js';
import { ORDINARY } from '../fixtures/regex/ordinary.js';
import { hashTree, tempRepo, type TempRepo } from '../helpers/workspace.js';

/** The five patterns, each of which hung scoring on a 51-character value. */
const FIVE = ['^(a+)+$', '^(a|a)*$', '^(a*)*$', '^(a+)+\\1$', '^(?=(a+)+$)'];
const VALUE = `${'a'.repeat(50)}!`;

const CONFIG = 'organization: Acme Corp\nteams:\n  sales: { name: Sales, members: [Dana Kim] }\n  marketing: { name: Marketing, members: [Sam Ortiz] }\n';
/** YAML double-quoted text. */
const quoted = (s: string) => JSON.stringify(s);

/** A rubric with one `matches` criterion per pattern (criterion i on line 6 + 3i), and a golden lead with the long value. */
function rubric(patterns: string[]): string {
  const criteria = patterns.map((p, i) => `  - id: c${i}\n    when: { field: title, op: matches, value: ${quoted(p)} }\n    points: 10\n`).join('');
  return `name: Sales-ready lead\nstages:\n  - { id: mql, min: 10 }\ncriteria:\n${criteria}tests:\n  - { name: long title, lead: { title: ${quoted(VALUE)} }, expect: unqualified }\n`;
}
const lineOf = (i: number) => 6 + 3 * i;

describe('the five patterns of the issue', () => {
  let repo: TempRepo;
  beforeAll(async () => {
    repo = await tempRepo();
    repo.write('align.yaml', CONFIG);
    repo.write('rubric.yaml', rubric(['^vp']));
    repo.write('leads.csv', `id,title\n1,${VALUE}\n2,VP Sales\n`);
    await repo.git('add', '.');
    await repo.git('commit', '-qm', 'a rubric that scores');
    // Loads the in-process program once, so that the timings below are of the commands.
    expect((await repo.align(['validate'])).exitCode).toBe(0);
    repo.write('rubric.yaml', rubric(FIVE));
  });
  afterAll(() => repo?.cleanup());

  /** The five, each at its line, and no stack trace. */
  const refusesAll = (r: { stdout: string; stderr: string }) => {
    // `rubric test` prints its findings with its report, on stdout.
    const said = r.stdout + r.stderr;
    for (const [i, p] of FIVE.entries()) {
      expect(said).toContain(`rubric.yaml:${lineOf(i)}:`);
      expect(said).toContain(`/${p}/ can take exponential time`);
    }
    expect(said).not.toMatch(/\n\s+at .+:\d+:\d+/);
  };

  // Each of these ran the patterns before the check: spawned, so that a hang is a failed test and not a stuck run.
  it.each([
    [['rubric', 'score', 'leads.csv'], 2],
    [['rubric', 'test'], 1],
    [['rubric', 'diff', '--leads', 'leads.csv'], 2],
    [['export', '--leads', 'leads.csv'], 2],
    [['status'], 2],
  ] as const)('align %j refuses all five at their line, and finishes', async (args, code) => {
    const before = hashTree(repo.dir);
    const r = await repo.spawn([...args], { timeout: 20_000 });
    expect(r.exitCode, r.stderr).toBe(code);
    refusesAll(r);
    expect(hashTree(repo.dir)).toBe(before);
  });

  it.each([
    [['rubric', 'sql'], 2],
    [['validate'], 1],
  ] as const)('align %j, which never runs them, refuses all five at their line too', async (args, code) => {
    const r = await repo.align([...args]);
    expect(r.exitCode, r.stderr).toBe(code);
    refusesAll(r);
  });

  it.each(FIVE)('/%s/ alone: refused by validate before anything runs it, at its line and column, with a hint', async (p) => {
    repo.write('rubric.yaml', rubric([p]));
    const r = await repo.align(['validate']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`rubric.yaml:6:47: criteria[0].when.value: the regular expression /${p}/ can take exponential time: \`(a`);
    expect(r.stderr).toContain('hint: let each piece of text match one way only');
  });

  it('the workshop refuses one in an answers file, at its line, and writes nothing', async () => {
    repo.write('rubric.yaml', rubric(['^vp']));
    repo.write(
      'answers.yaml',
      `template: lead-definition\nfacilitator: Sam Ortiz\nattendees: [Dana Kim, Sam Ortiz]\nsections:\n  fit:\n    criteria:\n      - label: Leader\n        when: { field: title, op: matches, value: ${quoted(FIVE[1]!)} }\n        points: 20\n`,
    );
    const before = hashTree(repo.dir);
    const r = await repo.align(['workshop', 'lead-definition', '--answers', 'answers.yaml']);
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^answers\.yaml:8:\d+: .*can take exponential time/m);
    expect(hashTree(repo.dir)).toBe(before);
  });
});

/** Sub-patterns that match some `a`s, non-empty. */
const atom = fc.constantFrom('a', '\\w', '[a-z]', '[^!]', '.', '(?:a|b)');
const unbounded = fc.constantFrom('+', '*', '{1,}', '{2,}', '+?', '*?');
/** Two sub-patterns that can match the same text. */
const overlapping = fc.constantFrom(['a', 'a'], ['a', '\\w'], ['\\w', '\\d'], ['\\w', '[a-z]'], ['.', 'a'], ['a', 'A'], ['a+', 'a'], ['ab', 'a?b']);

const dangerous = fc.oneof(
  // nested quantifiers: (a+)+, (a*)*, (\w+x?)*
  fc.tuple(atom, unbounded, unbounded, fc.constantFrom('', 'x?', '\\s?', '-?')).map(([a, q1, q2, opt]) => `(${a}${q1}${opt})${q2}`),
  // overlapping alternations: (a|a)*, (\w|\d)+
  fc.tuple(overlapping, unbounded).map(([[x, y], q]) => `(?:${x}|${y})${q}`),
);
/** Where the dangerous part sits: plain, anchored, in a lookaround, with a back-reference, after other text. */
const placed = fc.tuple(dangerous, fc.constantFrom('^X$', 'X$', '^(?=X$)', '(?!X$)', '(?<=^X)!', '^(X)\\1$', '^(b)X\\1!', 'title: X!')).map(([d, where]) => where.replace('X', d));

describe('generated variants', () => {
  it('are refused by the check, naming a part of the pattern (its work is bounded by its budget, not by a clock)', () => {
    fc.assert(
      fc.property(placed, (source) => {
        new RegExp(source, 'i'); // every variant is a valid JavaScript pattern
        const hazard = regexHazard(source);
        expect(hazard?.message, source).toMatch(/can take exponential time: `.+` \(from character \d+\)/);
      }),
      { numRuns: 400 },
    );
  });

  it('are refused by validate as schema problems', async () => {
    const repo = await tempRepo();
    try {
      repo.write('align.yaml', CONFIG);
      const samples = fc.sample(placed, { numRuns: 12, seed: 42 });
      repo.write('rubric.yaml', rubric(samples));
      const r = await repo.align(['validate']);
      expect(r.exitCode).toBe(1);
      for (const i of samples.keys()) expect(r.stderr).toMatch(new RegExp(`^rubric\\.yaml:${lineOf(i)}:47: .*can take exponential time`, 'm'));
    } finally {
      repo.cleanup();
    }
  });
});


describe('ordinary patterns', () => {
  it.each(ORDINARY)('/%s/ passes the check', (source) => {
    expect(regexHazard(source)).toBeUndefined();
  });

  it('all of them at once: the rubric validates and scores', async () => {
    const repo = await tempRepo();
    try {
      repo.write('align.yaml', CONFIG);
      repo.write('rubric.yaml', rubric(ORDINARY).replace(/tests:[\s\S]*$/, ''));
      repo.write('leads.csv', 'id,title\n1,VP Sales\n2,Marketing Director\n');
      expect((await repo.align(['validate'])).exitCode).toBe(0);
      const r = await repo.align(['rubric', 'score', 'leads.csv', '--format', 'csv', '--explain']);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stdout.split('\n')[1]).toMatch(/^1,.*c0;c1;.*c6;/);
    } finally {
      repo.cleanup();
    }
  });
});

/** Small random patterns over a few characters, the shapes the check has to judge. */
const smallRegex: fc.Arbitrary<string> = fc.letrec<{ re: string }>((tie) => ({
  re: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('a', 'b', ' ', '\\w', '\\s', '\\d', '.', '[ab]', '[^b]', 'a?'),
    fc.tuple(tie('re'), tie('re')).map(([x, y]) => x + y),
    fc.tuple(tie('re'), tie('re')).map(([x, y]) => `(?:${x}|${y})`),
    fc.tuple(tie('re'), fc.constantFrom('*', '+', '?', '{2}', '{1,3}', '{0,4}', '{2,}', '+?')).map(([x, q]) => `(?:${x})${q}`),
    tie('re').map((x) => `(${x})`),
    tie('re').map((x) => `(?=${x})`),
  ),
})).re;

/** Values up to 60 characters, many of them runs of one piece ending in a character that breaks the match. */
const value = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', ' ', '1', '!'), maxLength: 60 }),
  fc.tuple(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '1'), minLength: 1, maxLength: 3 }), fc.constantFrom('!', 'b', '')).map(([piece, end]) => `${piece.repeat(60)}`.slice(0, 59) + end),
);

describe('what the check lets through matches fast', () => {
  it('random small patterns it accepts match every value of up to 60 characters in milliseconds (refused ones take minutes)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(smallRegex, fc.array(value, { minLength: 8, maxLength: 8 }), (body, values) => {
        const source = `^${body}$`;
        if (regexHazard(source)) return;
        accepted++;
        const re = new RegExp(source, 'i');
        for (const v of values) {
          // The fastest of three runs, so that a pause of the machine is not taken for the pattern.
          const ms = Math.min(...[0, 1, 2].map(() => {
            const started = performance.now();
            re.test(v);
            return performance.now() - started;
          }));
          expect(ms, `/${source}/ on ${JSON.stringify(v)}`).toBeLessThan(50);
        }
      }),
      { numRuns: 1_000 },
    );
    expect(accepted).toBeGreaterThan(600);
  });
});
