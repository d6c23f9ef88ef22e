import { ACTION_STATUSES } from '../../../core/schemas/session.js';
import type { PromptContext } from './lists.js';
import { validDate } from './lists.js';

type Status = (typeof ACTION_STATUSES)[number];
const RESCHEDULE = 'reschedule';

/** Done, still open, still open with a new due date, or dropped; a new date is on or after the session. */
export async function reviewStatus(c: PromptContext, key: string, due: string | undefined, prev?: { status: Status; due?: string }): Promise<{ status: Status; due?: string }> {
  const choices = [
    { name: 'open', value: 'open' },
    { name: 'open, with a new due date', value: RESCHEDULE },
    ...ACTION_STATUSES.filter((s) => s !== 'open').map((s) => ({ name: s, value: s })),
  ];
  const picked = await c.ask.select<string>(`status-${key}`, 'Done, still open, or dropped?', choices, { default: prev?.due ? RESCHEDULE : (prev?.status ?? 'open') });
  if (picked !== RESCHEDULE) return { status: picked as Status };
  const next = await c.ask.text(`due-${key}`, `New due date YYYY-MM-DD${due ? ` (was ${due})` : ''}`, {
    default: prev?.due ?? '',
    required: true,
    validate: (s) => validDate(s) ?? (s.trim() < c.date ? `the new due date is before the session (${c.date})` : undefined),
  });
  return { status: 'open', due: next };
}
