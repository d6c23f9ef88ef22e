import { describe, expect, it } from 'vitest';
import { readBoolean } from '../../../src/core/rubric/engine/read.js';

describe('readBoolean', () => {
  it.each([
    ['true', true], ['  TRUE        ', true], ['\tyes\t\t\t\t\t\t\t\t\t\t', true], ['No', false], [' 0 ', false],
    ['truely', undefined], ['', undefined], ['  ', undefined], ['y', undefined], ['true false', undefined],
  ] as const)('%j reads as %s', (cell, expected) => {
    expect(readBoolean(cell)).toBe(expected);
  });
});
