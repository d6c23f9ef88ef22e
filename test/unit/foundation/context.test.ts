import { describe, expect, it } from 'vitest';
import { arch, release } from 'node:os';
import { clockFrom, decideColor } from '../../../src/adapters/context.js';
import { packageInfo } from '../../../src/adapters/package/info.js';
import { reportError } from '../../../src/cli/report.js';
import { InputError, UserError } from '../../../src/core/errors.js';

describe('decideColor', () => {
  it.each([
    ['always', {}, false, true],
    ['never', { FORCE_COLOR: '1' }, true, false],
    ['auto', {}, true, true],
    ['auto', {}, false, false],
    ['auto', { NO_COLOR: '1' }, true, false],
    ['auto', { NO_COLOR: '' }, true, true],
    ['auto', { FORCE_COLOR: '1' }, false, true],
    ['auto', { FORCE_COLOR: '0' }, true, false],
    ['auto', { NO_COLOR: '1', FORCE_COLOR: '1' }, true, false],
    ['auto', { TERM: 'dumb' }, true, false],
  ] as const)('%s with %j on a tty=%s → %s', (mode, env, tty, expected) => {
    expect(decideColor(mode, env, tty)).toBe(expected);
  });
});

describe('clockFrom', () => {
  it('fixes the clock with ALIGN_NOW and rejects nonsense', () => {
    expect(clockFrom({ ALIGN_NOW: '2026-11-27T10:00:00Z' })().toISOString()).toBe('2026-11-27T10:00:00.000Z');
    expect(() => clockFrom({ ALIGN_NOW: 'soon' })).toThrow(/ALIGN_NOW/);
  });

  it('takes a date or an ISO timestamp on a day that exists, and nothing else', () => {
    for (const now of ['2026-11-27', '2028-02-29', '2026-11-27T10:00', '2026-11-27T10:00:00.123Z', '2026-11-27T23:59:59+14:00']) {
      expect(Number.isNaN(clockFrom({ ALIGN_NOW: now })().getTime()), now).toBe(false);
    }
    // Date reads the first four as other days (March 2nd, ...) and "1" or "May 5 2026" as some date; the rest are not the ISO forms docs/flags.md gives.
    for (const now of ['2026-02-30', '2027-02-29', '2026-04-31T10:00:00Z', '2026-11-27T24:00:00Z', '1', 'May 5 2026', '+275760-09-13', '2026-11-27 10:00:00', '2026-11-27T10:00:00+25:00']) {
      expect(() => clockFrom({ ALIGN_NOW: now }), now).toThrow(`ALIGN_NOW is not a real date or ISO timestamp: ${now}`);
    }
  });
});

describe('reportError', () => {
  const capture = (err: unknown, debug = false, argv: string[] = ['validate']) => {
    let text = '';
    const stderr = {
      write: (s: string) => {
        text += s;
        return true;
      },
    };
    const code = reportError(err, { debug, stderr: stderr as never, argv });
    return { code, text };
  };

  it('prints located problems and a hint for bad input, exit 2, no stack', () => {
    const r = capture(new InputError([{ file: 'rubric.yaml', line: 3, col: 5, message: 'bad' }], 'fix it'));
    expect(r).toEqual({ code: 2, text: 'rubric.yaml:3:5: bad\nhint: fix it\n' });
  });

  it('maps usage errors to 2 and failed checks to 1', () => {
    expect(capture(new UserError('wrong')).code).toBe(2);
  });

  it('calls an unexpected error a bug and shows its stack only with --debug', () => {
    const quiet = capture(new TypeError('boom'));
    expect(quiet.text).toMatch(/internal error: boom/);
    expect(quiet.text).toMatch(/This is a bug/);
    expect(quiet.text).not.toMatch(/\n\s+at /);
    expect(quiet.code).not.toBe(0);
    const loud = capture(new TypeError('boom'), true);
    expect(loud.text).toMatch(/\n\s+at /);
  });

  it('gives, for a bug, what a report needs: the versions of align and Node, the OS and the command line, and no invented address', () => {
    const r = capture(new TypeError('boom'), false, ['-C', 'my team', 'rubric', 'score', "--leads=it's.csv"]);
    const lines = r.text.split('\n');
    expect(lines[0]).toBe('align: internal error: boom');
    expect(lines).toContain(`  align: ${packageInfo().version} (${packageInfo().name})`);
    expect(lines).toContain(`  Node.js: ${process.version}`);
    expect(lines).toContain(`  OS: ${process.platform} ${release()} ${arch()}`);
    expect(lines).toContain(`  command: align -C 'my team' rubric score '--leads=it'\\''s.csv'`);
    expect(r.text).not.toMatch(/https?:|www\./);
    expect(capture(new UserError('wrong')).text).not.toMatch(/Node\.js|command:/);
  });

  it('shows what a message quotes escaped, never as terminal commands: problems, messages, hints, bugs', () => {
    const problem = capture(new InputError([{ file: 'x\x1b[2J.yaml', line: 1, col: 2, message: 'unknown key `\x1b]0;PWNED\x07`', hint: 'not \u009b2J' }]));
    expect(problem.text).toBe('x\\x1b[2J.yaml:1:2: unknown key `\\x1b]0;PWNED\\x07`\n  hint: not \\x9b2J\n');
    expect(capture(new UserError('no template "\x1b[2J\r"', 'try \u202ethis')).text).toBe('align: no template "\\x1b[2J\\r"\nhint: try \\u202ethis\n');
    expect(capture(new TypeError('bad \x1b[6n')).text).toMatch(/^align: internal error: bad \\x1b\[6n\n/);
  });

  it('indents the lines of a message of several (git\'s own words), so none passes for a line of align\'s own', () => {
    const r = capture(new UserError('git commit failed:\nhint: run rm -rf\nalign: all good'));
    expect(r.text).toBe('align: git commit failed:\n  hint: run rm -rf\n  align: all good\n');
  });
});
