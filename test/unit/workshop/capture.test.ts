import { describe, expect, it } from 'vitest';
import type { Session } from '../../../src/core/schemas/session.js';
import { openActions } from '../../../src/core/workshop/open-actions.js';
import { openParked } from '../../../src/core/workshop/parked.js';
import { dueWithHistory } from '../../../src/core/workshop/reschedule-text.js';

const kickoff: Session = {
  id: '2026-11-27-kickoff', template: 'kickoff', date: '2026-11-27',
  sections: [{ id: 'friction', title: 'Where we get in each other’s way' }],
  actions: [{ id: 'a1', title: 'Send the deals', due: '2026-12-02', status: 'open' }, { id: 'a2', title: 'Undated', status: 'open' }],
  parked: [{ topic: 'Event budget', section: 'friction' }, { topic: 'Friction', section: 'friction', whole_section: true }],
};
const sync = (id: string, date: string, extra: Partial<Session>): Session => ({ id, template: 'sync', date, ...extra });

describe('reschedules', () => {
  it('the latest new date is the due date; each move is kept with the session that made it', () => {
    const sessions = [
      sync('2026-12-08-sync', '2026-12-08', { action_reviews: [{ session: kickoff.id, action: 'a1', status: 'open', due: '2026-12-22' }] }),
      kickoff,
      sync('2026-12-01-sync', '2026-12-01', { action_reviews: [{ session: kickoff.id, action: 'a1', status: 'open', due: '2026-12-15' }, { session: kickoff.id, action: 'a2', status: 'open', due: '2026-12-10' }] }),
    ];
    const open = openActions(sessions);
    expect(open.map((o) => [o.action.id, o.action.due, o.rescheduled])).toEqual([
      ['a1', '2026-12-22', [{ session: '2026-12-01-sync', from: '2026-12-02', to: '2026-12-15' }, { session: '2026-12-08-sync', from: '2026-12-15', to: '2026-12-22' }]],
      ['a2', '2026-12-10', [{ session: '2026-12-01-sync', from: null, to: '2026-12-10' }]],
    ]);
    expect(kickoff.actions![0]!.due).toBe('2026-12-02'); // the session read is not changed
  });

  it.each([
    [[], '2026-12-02'],
    [[{ session: 's1', from: '2026-12-02', to: '2026-12-15' }], '2026-12-15 (was 2026-12-02; moved in s1)'],
    [[{ session: 's1', from: null, to: '2026-12-15' }], '2026-12-15 (was no date; moved in s1)'],
    [[{ session: 's1', from: '2026-12-02', to: '2026-12-15' }, { session: 's2', from: '2026-12-15', to: '2026-12-22' }], '2026-12-22 (was 2026-12-02; moved to 2026-12-15 in s1, to 2026-12-22 in s2)'],
  ])('says the due date with its history: %j', (moves, text) => expect(dueWithHistory(moves.at(-1)?.to ?? '2026-12-02', moves)).toBe(text));
});

describe('parked topics', () => {
  it('stay open until a later review closes them, oldest first, with their section', () => {
    expect(openParked([kickoff]).map((p) => [p.topic, p.sectionTitle, p.wholeSection])).toEqual([
      ['Event budget', 'Where we get in each other’s way', false],
      ['Friction', 'Where we get in each other’s way', true],
    ]);
    const closing = sync('2026-12-01-sync', '2026-12-01', { parked: [{ topic: 'Hiring' }], parked_reviews: [{ session: kickoff.id, topic: 'Event budget', status: 'discussed' }] });
    expect(openParked([closing, kickoff]).map((p) => `${p.session}: ${p.topic}`)).toEqual(['2026-11-27-kickoff: Friction', '2026-12-01-sync: Hiring']);
  });
});
