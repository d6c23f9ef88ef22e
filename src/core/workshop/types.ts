import type { z } from 'zod';
import type { Goal, GoalsFile } from '../schemas/goals.js';
import type { Rubric } from '../schemas/rubric.js';
import type { Session } from '../schemas/session.js';
import type { Template, TemplateSection } from '../schemas/template.js';
import type { WorkspaceConfig } from '../schemas/workspace.js';
import type { PathProblem } from '../yaml/issues.js';

/** Everything a workshop starts from, as data: the template (placeholders filled) and the workspace. */
export interface WorkshopInput {
  template: Template;
  config: WorkspaceConfig;
  goals?: GoalsFile;
  rubric?: Rubric;
  /** Earlier sessions, for open actions. */
  sessions: Session[];
  /** Session files already in sessions/, to pick a free name. */
  sessionFiles: string[];
  today: string;
}

/** An attendee as written in answers: a member's name, or a name with a team (added to align.yaml). */
export type AttendeeAnswer = string | { name: string; team?: string; role?: string };

/** One section's answers: the kind's own keys plus notes and the minutes it took. */
export type SectionAnswer = Record<string, unknown> & { notes?: string[]; minutes_used?: number; parked?: string[]; status?: 'skipped' | 'parked' };

/** What the room agreed, keyed by section id: the answers file, and the draft's content. */
export interface Answers {
  date?: string;
  facilitator?: string;
  attendees?: AttendeeAnswer[];
  sections: Record<string, SectionAnswer>;
}

/** The outcome under construction, section by section. */
export interface Acc {
  session: Session;
  goals: Goal[];
  rubric?: Rubric;
  config: WorkspaceConfig;
  changed: { goals: Set<string>; goalsFile: boolean; rubric: boolean; teams: boolean };
}

export interface KindContext {
  input: WorkshopInput;
  section: TemplateSection;
  date: string;
  acc: Acc;
}

/** One capture kind: the shape of its answers, what the room may not agree to, and how it changes the outcome. */
export interface CaptureModule<A = Record<string, unknown>> {
  shape: z.ZodRawShape;
  check?(answer: A, ctx: KindContext): PathProblem[];
  apply(answer: A, ctx: KindContext): void;
  /** One line per thing captured, for the summary. */
  describe(answer: A, ctx: KindContext): string[];
}

