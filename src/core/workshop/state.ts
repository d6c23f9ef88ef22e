import * as z from 'zod';
import type { Template } from '../schemas/template.js';
import type { Answers, SectionAnswer } from './types.js';
import { RoomRecordSchema, type RoomRecord } from './room.js';

/**
 * Where a session is: asking the opening questions, in a section (`back`: edited from the summary),
 * at the rubric's sign-off (asked last, on the final rubric), or at the summary.
 */
export type Position = { step: 'setup'; back?: boolean } | { step: 'section'; index: number; back?: boolean } | { step: 'signoff' } | { step: 'summary' };

/** One answer given at a prompt: the prompt's key and the answer, as the prompt returned it. */
export interface StepAnswer {
  key: string;
  value: unknown;
}

/**
 * The step in progress (setup, a section, the summary): what its answers were when it began,
 * and every answer given in it since, in order. A resume puts `start` back and replays `given`,
 * which brings the step to the exact prompt where it stopped.
 */
interface StepLog {
  /** The step: `setup`, `section:<id>` or `summary`; a log of another step (the template changed meanwhile) is not replayed. */
  at: string;
  start: unknown;
  given: StepAnswer[];
}

/**
 * A workshop in progress, as the draft file keeps it. `step` logs the step being answered so a
 * resume continues at the same prompt; `pending` is where drafts of earlier versions kept the
 * answers of the item being entered, by key (read, no longer written).
 */
export interface WorkshopState {
  version: 1;
  id: string;
  template: string;
  answers: Answers;
  position: Position;
  pending: Record<string, unknown>;
  step?: StepLog;
  /** The `--leads` file given when the workshop started (relative to the workspace when inside it), used again on resume. */
  leads?: string;
  /** Session time spent before this run, and per section, so resumed sessions keep their clock. */
  elapsedMs: number;
  sectionMs: Record<string, number>;
  updated: string;
  /** The text of goals.yaml, rubric.yaml and align.yaml as the session first read them (null: none), the base its changes are merged from. */
  base?: Record<string, string | null>;
  /** With `--room`: who joined the room, what they contributed and how they voted (no token), restored on resume. */
  room?: RoomRecord;
}

/**
 * The parts of a draft the workshop relies on before it asks anything: a draft cut short or
 * from another version is refused here, by name, rather than failing later inside a section.
 */
const DraftSchema = z.looseObject({
  version: z.literal(1),
  // The draft's file name: letters, digits, `.`, `_` and `-`, as align names drafts, never a path.
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/, { message: 'expected a draft id: letters, digits, ".", "_" and "-"' }),
  template: z.string().min(1),
  answers: z.looseObject({ sections: z.record(z.string(), z.record(z.string(), z.unknown())) }),
  position: z.union([
    z.object({ step: z.literal('setup'), back: z.boolean().optional() }),
    z.object({ step: z.literal('section'), index: z.number().int().min(0), back: z.boolean().optional() }),
    z.object({ step: z.literal('signoff') }),
    z.object({ step: z.literal('summary') }),
  ]),
  pending: z.record(z.string(), z.unknown()),
  step: z.object({ at: z.string(), start: z.unknown(), given: z.array(z.object({ key: z.string(), value: z.unknown() })) }).optional(),
  leads: z.string().min(1).optional(),
  elapsedMs: z.number().min(0),
  sectionMs: z.record(z.string(), z.number()),
  updated: z.string(),
  base: z.record(z.string(), z.string().nullable()).optional(),
  room: RoomRecordSchema.optional(),
});

/** A draft file's text as a workshop state, or why it is not one. */
export function readDraftState(text: string): { ok: true; state: WorkshopState } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `not JSON (${(e as Error).message})` };
  }
  const r = DraftSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    return { ok: false, reason: `not a workshop draft: ${issue.path.join('.') || 'the file'}: ${issue.message}` };
  }
  return { ok: true, state: r.data as WorkshopState };
}

export function newState(id: string, template: string, now: Date): WorkshopState {
  return { version: 1, id, template, answers: { sections: {} }, position: { step: 'setup' }, pending: {}, elapsedMs: 0, sectionMs: {}, updated: now.toISOString() };
}

/** The position after the current step: setup, each section in order, then the summary. */
export function nextPosition(p: Position, template: Template): Position {
  if (p.step === 'setup') return template.sections.length ? { step: 'section', index: 0 } : { step: 'summary' };
  if (p.step === 'section' && p.index + 1 < template.sections.length) return { step: 'section', index: p.index + 1 };
  return { step: 'summary' };
}

export function sectionAnswer(state: WorkshopState, id: string): SectionAnswer {
  state.answers.sections[id] ??= {};
  return state.answers.sections[id]!;
}

/** Minutes a section took, rounded up to whole minutes once it has taken any time. */
export function minutesUsed(ms: number): number {
  return ms <= 0 ? 0 : Math.max(1, Math.round(ms / 60_000));
}

export interface Clock {
  elapsedMin: number;
  sectionMin: number;
  leftMin: number;
  over: boolean;
}

/** The section header's clock: session elapsed time and the time left in the section's timebox. */
export function sectionClock(elapsedMs: number, sectionMs: number, plannedMin: number): Clock {
  const sectionMin = Math.floor(sectionMs / 60_000);
  return { elapsedMin: Math.floor(elapsedMs / 60_000), sectionMin, leftMin: plannedMin - sectionMin, over: sectionMs > plannedMin * 60_000 };
}
