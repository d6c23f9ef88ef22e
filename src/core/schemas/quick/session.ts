import { ACTION_STATUSES, type Session } from '../session.js';
import { PARKED_CLOSINGS, SECTION_LEFT } from '../parked.js';
import { bool, isoDate, list, num, oneOf, strict, text, toZod, type Quick } from './check.js';

// The quick check of SessionSchema (session.ts and parked.ts), key for key in its order.
const str = text();
const id = text({ min: 1 });
const nonEmpty = text({ trim: true, min: 1 });
const minutes = num({ min: 0 });
const status = oneOf(ACTION_STATUSES);

const attendee = strict({ name: [nonEmpty], team: [str, 'optional'], role: [str, 'optional'] });

const action = strict({
  id: [id],
  title: [nonEmpty],
  owner: [str, 'optional'],
  team: [str, 'optional'],
  due: [isoDate, 'optional'],
  status: [status, 'optional'],
  note: [str, 'optional'],
});

const section = strict({
  id: [id],
  title: [str, 'optional'],
  minutes_planned: [minutes, 'optional'],
  minutes_used: [minutes, 'optional'],
  notes: [list(str), 'optional'],
  status: [oneOf(SECTION_LEFT), 'optional'],
});

const progress = strict({ goal: [id], value: [num(), 'optional'], status: [str, 'optional'], note: [str, 'optional'] });

const actionReview = strict({
  session: [str, 'optional'],
  action: [id],
  status: [status],
  note: [str, 'optional'],
  due: [isoDate, 'optional'],
});

const parked = strict({ topic: [nonEmpty], section: [str, 'optional'], whole_section: [bool, 'optional'] });
const parkedReview = strict({ session: [id], topic: [nonEmpty], status: [oneOf(PARKED_CLOSINGS)], note: [str, 'optional'] });

export const quickSession: Quick<Session> = strict<Session>({
  id: [id],
  template: [id],
  title: [str, 'optional'],
  date: [isoDate],
  start: [str, 'optional'],
  facilitator: [str, 'optional'],
  attendees: [list(attendee), 'optional'],
  sections: [list(section), 'optional'],
  // A record: zod's order of its keys is left to zod.
  team_goals: [toZod, 'optional'],
  progress: [list(progress), 'optional'],
  decisions: [list(str), 'optional'],
  actions: [list(action), 'optional'],
  action_reviews: [list(actionReview), 'optional'],
  parked: [list(parked), 'optional'],
  parked_reviews: [list(parkedReview), 'optional'],
  changes: [strict({ goals: [list(str), 'optional'], rubric: [bool, 'optional'], teams: [bool, 'optional'] }), 'optional'],
});
