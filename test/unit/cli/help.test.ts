import { describe, expect, it } from 'vitest';
import { commandsFor, helpAsFlag } from '../../../src/cli/registry.js';

describe('helpAsFlag: align help <words> is align <words> --help', () => {
  it.each([
    [['help', 'rubric', 'score'], ['rubric', 'score', '--help']],
    [['help', 'rubric'], ['rubric', '--help']],
    [['help'], ['--help']],
    [['-C', 'ws', 'help', 'templates', 'show'], ['-C', 'ws', 'templates', 'show', '--help']],
    [['--color', 'never', 'help', 'export'], ['--color', 'never', 'export', '--help']],
    [['help', 'rubric', 'score', '--help'], ['rubric', 'score', '--help']],
    // Not a request for help: left as it is.
    [['rubric', 'score', 'help'], ['rubric', 'score', 'help']],
    [['-C', 'help', 'validate'], ['-C', 'help', 'validate']],
    [['validate'], ['validate']],
  ])('%j → %j', (given, want) => {
    expect(helpAsFlag(given)).toEqual(want);
  });

  it('loads only the command asked about', () => {
    expect(commandsFor(helpAsFlag(['help', 'rubric', 'score'])).map((c) => c.path.join(' '))).toEqual(['rubric score']);
  });
});
