import { describe, expect, it } from 'vitest';
import type { Session } from '../../../src/core/schemas/session.js';
import { openActions } from '../../../src/core/workshop/open-actions.js';

const session = (id: string, extra: Partial<Session>): Session => ({ id, template: 'sync', date: id.slice(0, 10), ...extra });
const action = (id: string, status = 'open', due?: string) => ({ id, title: `Action ${id}`, status, ...(due ? { due } : {}) }) as NonNullable<Session['actions']>[number];
const opened = (sessions: Session[]) => openActions(sessions).map((o) => `${o.session}/${o.action.id}`);

describe('openActions: what a later review does to an action', () => {
  it('a review closes the action it names; one with no session closes the earliest action of that id', () => {
    const sessions = [
      session('2026-01-01-a', { actions: [action('a1'), action('a2'), action('a3')] }),
      session('2026-01-08-b', { actions: [action('a1')], action_reviews: [{ session: '2026-01-01-a', action: 'a2', status: 'done' }, { action: 'a1', status: 'dropped' }] }),
    ];
    expect(opened(sessions)).toEqual(['2026-01-01-a/a3', '2026-01-08-b/a1']);
  });

  it('a review read before the action it names (an earlier date) changes nothing', () => {
    const sessions = [
      session('2026-01-01-a', { action_reviews: [{ session: '2026-01-08-b', action: 'a1', status: 'done' }] }),
      session('2026-01-08-b', { actions: [action('a1')] }),
    ];
    expect(opened(sessions)).toEqual(['2026-01-08-b/a1']);
  });

  it('a reopened action is open again; a review of an action nobody set is ignored', () => {
    const sessions = [
      session('2026-01-01-a', { actions: [action('a1', 'done')] }),
      session('2026-01-08-b', { action_reviews: [{ session: '2026-01-01-a', action: 'a1', status: 'open', due: '2026-02-01' }, { session: '2026-01-01-a', action: 'zz', status: 'done' }] }),
    ];
    const open = openActions(sessions);
    expect(open.map((o) => [o.session, o.action.id, o.action.due, o.rescheduled.length])).toEqual([['2026-01-01-a', 'a1', '2026-02-01', 1]]);
  });

  it('the same id twice in a session: the later one is the one reviewed, and a review closes both', () => {
    const twice = [session('2026-01-01-a', { actions: [action('a1', 'open', '2026-01-05'), action('a1', 'open', '2026-01-06')] })];
    expect(openActions([...twice, session('2026-01-08-b', { action_reviews: [{ session: '2026-01-01-a', action: 'a1', status: 'open', due: '2026-01-20' }] })]).map((o) => o.action.due)).toEqual(['2026-01-05', '2026-01-20']);
    expect(opened([...twice, session('2026-01-08-b', { action_reviews: [{ session: '2026-01-01-a', action: 'a1', status: 'done' }] })])).toEqual([]);
  });
});
