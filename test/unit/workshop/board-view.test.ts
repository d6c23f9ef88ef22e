import { describe, expect, it } from 'vitest';
import type { Context } from '../../../src/adapters/context.js';
import { boardView } from '../../../src/commands/workshop/room.js';
import { newState } from '../../../src/core/workshop/state.js';
import { input } from './fixtures.js';

const ctx = { now: () => new Date('2026-11-27T10:00:00Z') } as Context;
// Scored by the fixture's rubric: size (employees ≥ 200) 20 points, demo 40; mql from 30, sql from 60.
const leads = { header: ['employees', 'demo'], rows: [['500', 'true'], ['10', 'true'], ['10', 'false'], ['300', 'false']], truncated: false };

describe('the board as the workshop feeds it', () => {
  const given = input([{ id: 'fit', capture: 'criteria', minutes: 25 }, { id: 'thresholds', capture: 'stages', minutes: 20 }]);

  it('with --leads: leads per stage under the rubric as the answers so far leave it, counted again when it changes', () => {
    const state = newState('d1', 'test', ctx.now());
    state.position = { step: 'section', index: 1 };
    state.sectionMs = { thresholds: 5 * 60_000 };
    const view = boardView(state, () => given, leads, ctx);
    expect(view().stages).toEqual([{ stage: 'disqualified', count: 0 }, { stage: 'unqualified', count: 2 }, { stage: 'mql', count: 1 }, { stage: 'sql', count: 1 }]);
    expect(view().current).toEqual({ section: 'thresholds', endsAt: '2026-11-27T10:15:00.000Z' });
    // The room lowers sql to 40: the lead with a demo and 10 employees is now sql too.
    state.answers.sections.thresholds = { stages: [{ id: 'mql', min: 30 }, { id: 'sql', min: 40 }] };
    expect(view().stages).toEqual([{ stage: 'disqualified', count: 0 }, { stage: 'unqualified', count: 2 }, { stage: 'mql', count: 0 }, { stage: 'sql', count: 2 }]);
    expect(view().capture).toEqual([{ kind: 'threshold', text: 'mql from 30' }, { kind: 'threshold', text: 'sql from 40' }]);
  });

  it('without --leads, no counts; what the room accepted is in the capture', () => {
    const state = newState('d1', 'test', ctx.now());
    state.position = { step: 'section', index: 0 };
    state.room = { participants: [], contributions: [{ id: 'c1', section: 'fit', author: 'Dana Kim', text: 'Job title is VP', at: '2026-11-27T10:00:00Z', accepted: { as: 'criterion' } }], votes: [] };
    const v = boardView(state, () => given, undefined, ctx)();
    expect(v).not.toHaveProperty('stages');
    expect(v.capture).toEqual([{ kind: 'criterion to define', text: 'Job title is VP' }]);
  });
});
