import { GoalsFileSchema, type GoalsFile } from '../schemas/goals.js';
import { RubricSchema, type Rubric } from '../schemas/rubric.js';
import { SessionSchema, type Session } from '../schemas/session.js';
import { WorkspaceConfigSchema, type WorkspaceConfig } from '../schemas/workspace.js';
import { checkGoals, checkSession } from '../checks/files.js';
import { checkRubric } from '../checks/rubric.js';
import { checkGoalOwners, checkSessionRefs } from '../checks/cross-refs.js';
import { issuesToProblems, type PathProblem } from '../yaml/issues.js';
import type { z } from 'zod';
import { addNewMembers, resolveAttendees } from './kinds/attendees.js';
import { CAPTURE } from './kinds/index.js';
import { sessionName } from './session-file.js';
import { memberTeams } from './fields.js';
import { canonicalPerson } from './people.js';
import { leaveSection, leftProblems, parkTopics, sectionRecord } from './section-left.js';
import { runGolden, settleSignOff, signedInSession, type GoldenRun } from './rubric-check.js';
import type { Acc, Answers, KindContext, WorkshopInput } from './types.js';
import { applyRoom, type RoomRecord } from './room.js';

/** The files a workshop writes, as data; a file is absent when the workshop did not change it. */
export interface Outcome {
  sessionPath: string;
  session: Session;
  goals?: GoalsFile;
  rubric?: Rubric;
  config?: WorkspaceConfig;
  /** Lines per section id, for the summary. */
  captured: Record<string, string[]>;
  /** When the session changed the rubric: its golden leads under the new version, and the teams whose earlier sign-off it cleared. */
  rubricCheck?: { golden: GoldenRun; cleared: string[] };
}

export type Built = { ok: true; outcome: Outcome } | { ok: false; problems: PathProblem[] };

/**
 * Runs every section's capture step over the answers, in the template's order, and builds
 * the outcome files. Problems carry paths into the answers (sections.<id>...), so that the
 * answers file can point at them; an interactive session prevents them at the prompt.
 */
export function buildOutcome(input: WorkshopInput, answers: Answers, room?: RoomRecord): Built {
  const { acc, problems, captured, path, cleared } = runSections(input, answers, undefined, room);
  if (problems.length) return { ok: false, problems };
  const session = acc.session;
  session.changes = {
    ...(acc.changed.goals.size ? { goals: [...acc.changed.goals] } : {}),
    ...(acc.changed.rubric ? { rubric: true } : {}),
    ...(acc.changed.teams ? { teams: true } : {}),
  };
  if (!Object.keys(session.changes).length) delete session.changes;
  const outcome: Outcome = {
    sessionPath: path,
    session,
    ...(acc.changed.goalsFile ? { goals: { goals: acc.goals } } : {}),
    ...(acc.changed.rubric && acc.rubric ? { rubric: acc.rubric } : {}),
    ...(acc.changed.teams ? { config: acc.config } : {}),
    captured,
    ...(acc.changed.rubric && acc.rubric ? { rubricCheck: { golden: runGolden(acc.rubric, acc.session.date, acc.config.defaults?.locale), cleared } } : {}),
  };
  return { ok: true, outcome };
}

/**
 * The workspace as the sections answered so far leave it (the first `upTo` sections, or all):
 * what a prompt shows as the current rubric, goals and members. Sections with problems are skipped.
 * With a room (`--room`), what the facilitator accepted from it is added, and its record kept.
 */
export function runSections(input: WorkshopInput, answers: Answers, upTo = input.template.sections.length, room?: RoomRecord): { acc: Acc; problems: PathProblem[]; captured: Record<string, string[]>; path: string; cleared: string[] } {
  const date = answers.date ?? input.today;
  const { id, path } = sessionName(date, input.template.id, input.sessionFiles, input.sessions.map((s) => s.id));
  const config = structuredClone(input.config);
  const setup = resolveAttendees(answers.attendees ?? [], config, ['attendees']);
  const named = answers.facilitator ?? config.defaults?.facilitator;
  // The facilitator typed in another case is the member or attendee of that name.
  const facilitator = named === undefined ? undefined : canonicalPerson(named, [...memberTeams(config).keys(), ...setup.attendees.map((a) => a.name)]);
  const acc: Acc = {
    session: {
      id,
      template: input.template.id,
      title: input.template.title,
      date,
      ...(facilitator ? { facilitator } : {}),
      ...(setup.attendees.length ? { attendees: setup.attendees } : {}),
      sections: [],
    },
    goals: structuredClone(input.goals?.goals ?? []),
    ...(input.rubric ? { rubric: structuredClone(input.rubric) } : {}),
    config,
    changed: { goals: new Set(), goalsFile: false, rubric: false, teams: false },
  };
  addNewMembers(acc, setup.attendees);
  const problems: PathProblem[] = [...setup.problems];
  const captured: Record<string, string[]> = {};
  for (const section of input.template.sections.slice(0, upTo)) {
    const answer = answers.sections[section.id] ?? {};
    if (answer.status) {
      const found = leftProblems(section, answer);
      problems.push(...found);
      if (!found.length) leaveSection(acc, section, answer, captured);
      continue;
    }
    const ctx: KindContext = { input, section, date, acc };
    const kind = CAPTURE[section.capture];
    const found = kind.check?.(answer as never, ctx) ?? [];
    problems.push(...found);
    if (found.length) continue;
    kind.apply(answer as never, ctx);
    captured[section.id] = [...kind.describe(answer as never, ctx), ...(section.capture === 'notes' ? [] : (answer.notes ?? []).map((n) => `note: ${n}`)), ...parkTopics(acc, section, answer)];
    acc.session.sections!.push(sectionRecord(section, answer));
  }
  if (room) applyRoom(acc, room, captured);
  const cleared = acc.rubric ? settleSignOff(acc.rubric, input.rubric, signedInSession(input, answers)) : [];
  return { acc, problems, captured, path, cleared };
}

export interface OutcomeProblem extends PathProblem {
  file: string;
}

/** The outcome files checked as `align validate` would check them; empty when all are valid. */
export function validateOutcome(o: Outcome, input: WorkshopInput): OutcomeProblem[] {
  const config = o.config ?? input.config;
  const out: OutcomeProblem[] = [];
  const run = <T>(file: string, schema: z.ZodType<T>, data: unknown, checks: ((d: T) => PathProblem[])[]) => {
    const r = schema.safeParse(data);
    if (!r.success) {
      out.push(...issuesToProblems(r.error.issues).map((p) => ({ ...p, file })));
      return;
    }
    for (const c of checks) out.push(...c(r.data).filter((p) => p.severity !== 'warning').map((p) => ({ ...p, file })));
  };
  run(o.sessionPath, SessionSchema, o.session, [checkSession, (s) => checkSessionRefs(s, config)]);
  if (o.goals) run('goals.yaml', GoalsFileSchema, o.goals, [checkGoals, (g) => checkGoalOwners(g, config)]);
  if (o.rubric) run('rubric.yaml', RubricSchema, o.rubric, [checkRubric]);
  if (o.config) run('align.yaml', WorkspaceConfigSchema, o.config, []);
  return out;
}
