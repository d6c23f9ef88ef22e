import type { Context } from '../../adapters/context.js';
import { today } from '../../adapters/context.js';
import { UserError, formatProblem } from '../../core/errors.js';
import { freeId } from '../../core/workshop/fields.js';
import { buildOutcome, runSections, type Outcome } from '../../core/workshop/outcome.js';
import { minutesUsed, newState, nextPosition, sectionAnswer, sectionClock, type WorkshopState } from '../../core/workshop/state.js';
import { outcomePaths, summaryRows } from '../../core/workshop/summary.js';
import type { SectionAnswer, WorkshopInput } from '../../core/workshop/types.js';
import { draftIds, readDrafts, DraftWriter, DRAFTS_DIR } from '../../adapters/workspace/drafts.js';
import { Asker, isPromptExit } from './prompts/asker.js';
import { PROMPTERS } from './prompts/section.js';
import { menuTarget, nextLines, runSection, sectionMenu, type MenuTarget } from './prompts/section-menu.js';
import { liveClock } from './prompts/clock.js';
import { peopleChoices, pickAttendees, validDate, type PromptContext } from './prompts/lists.js';
import { listTemplates, readConfig } from '../../adapters/workspace/templates.js';
import { placeholderView } from '../../core/agenda/view.js';
import { shownTemplate } from '../../core/agenda/summary.js';
import { println, styles } from '../../adapters/terminal/style.js';
import { finish, type FinishOptions } from './finish.js';
import { readLeads } from '../../adapters/leads/table.js';
import type { LeadTable } from '../../core/workshop/preview.js';
import { samePerson } from '../../core/workshop/people.js';
import { isAbsolute, relative, resolve } from 'node:path';
import { terminalSafe as t } from '../../core/text/terminal.js';
import { loadValidWorkspace, workshopInput } from './load.js';
import { FittedTable } from '../../core/text/table.js';
import { wrapText } from '../../core/text/wrap.js';
import { terminalColumns } from '../../adapters/terminal/width.js';
import { baseTexts, workspaceAt } from '../../adapters/workspace/merge.js';
import { askConflicts } from './prompts/merge.js';
import { signOffPrompt } from './prompts/sign-off.js';
import { goldenFailureLines, goldenVerdict, rubricChanged } from '../../core/workshop/rubric-check.js';
import { boardView, openRoom, type RoomFlags, type WorkshopRoom } from './room.js';
import { roomMenu, type MenuExtra } from './prompts/room-menu.js';
import { memberTeams } from '../../core/workshop/fields.js';

type Options = Omit<FinishOptions, 'draftId'> & { resume: boolean; leads?: string; maxLineBytes: number; room?: RoomFlags };

/** The facilitated session on a terminal: setup, each section, the summary; a draft saved after every answer. */
export async function interactive(root: string, templateArg: string | undefined, opts: Options, ctx: Context): Promise<number> {
  const onDisk = loadValidWorkspace(root);
  // A leads file given now is read before anything is asked: a wrong path fails at once.
  const given = opts.leads ? readLeads(ctx.cwd, opts.leads, opts.maxLineBytes) : undefined;
  const err = styles(ctx).err;
  // Text that quotes the workspace is made safe for the terminal; align's coloured lines are made of safe text already.
  const print = (s: string) => println(ctx.stderr, t(s, 'lines'));
  const printStyled = (s: string) => println(ctx.stderr, s);
  let state: WorkshopState;
  try {
    state = await startOrResume(root, templateArg, opts.resume, ctx);
  } catch (e) {
    if (isPromptExit(e)) return 130; // nothing answered yet, nothing to keep
    throw e;
  }
  const leads = opts.leads ? rememberLeads(state, root, opts.leads, given!, ctx) : rememberedLeads(state, root, opts.maxLineBytes, ctx);
  // The session works on the files as it first read them; what changed on disk since is merged in at confirm.
  state.base ??= baseTexts(onDisk);
  const ws = workspaceAt(onDisk, state.base, `${DRAFTS_DIR}/${state.id}.json`);
  let last = ctx.now().getTime();
  let current: string | undefined;
  const tick = () => {
    const t = ctx.now().getTime();
    state.elapsedMs += t - last;
    if (current) state.sectionMs[current] = (state.sectionMs[current] ?? 0) + (t - last);
    last = t;
  };
  // The one writer of the draft: the answers given here and what the room adds.
  const writer = new DraftWriter(root, state, () => {
    tick();
    state.updated = ctx.now().toISOString();
  });
  let room: WorkshopRoom | undefined;
  const save = () => {
    writer.now();
    room?.refresh();
  };
  let planned = 0; // the current section's timebox, in minutes
  // Read again every second while a prompt waits: the time since the last answer counts too.
  const prefix = () => {
    if (!current) return '';
    const since = Math.max(0, ctx.now().getTime() - last); // a clock set back shows no time gained
    return liveClock((state.sectionMs[current] ?? 0) + since, planned, err);
  };
  let menuAt: MenuTarget | undefined;
  let roomEntries: MenuExtra | undefined;
  const ask = new Asker(ctx, state.pending, save, prefix, sectionMenu(ctx, () => menuAt, save, print, () => roomEntries));
  /**
   * Enters the current step. A step the draft was in when it stopped starts again from its
   * answers as they were when it began (`restore`), and the Asker replays what was given since.
   */
  const enter = <T>(at: string, now: T, restore: (start: T) => void): void => {
    if (state.step?.at === at) {
      restore(structuredClone(state.step.start as T));
      if (state.step.given.length) printStyled(err.dim('(resumed: the answers given so far in this step are kept; it continues where it stopped)'));
    } else state.step = { at, start: structuredClone(now), given: [] };
    ask.begin(state.step.given);
  };
  /** The step is over: its log goes (its answers are in `answers`), before the position moves on. */
  const leave = (): void => {
    delete state.step;
    ask.begin([]);
  };
  const inputFor = (): WorkshopInput =>
    workshopInput(ws, state.template, { date: state.answers.date ?? today(ctx), ...(state.answers.facilitator ? { facilitator: state.answers.facilitator } : {}), today: today(ctx) });
  const context = (input: WorkshopInput, upTo: number, answer: SectionAnswer, editing: boolean): PromptContext => ({
    ask, input, acc: runSections(input, state.answers, upTo).acc, section: input.template.sections[Math.max(0, upTo)]!, answer, print, date: state.answers.date ?? today(ctx), editing, ...(leads ? { leads } : {}),
    width: summaryWidth(ctx),
    rubricNow: () => runSections(input, state.answers).acc.rubric,
    roomNow: () => state.room,
  });
  // The section that records the rubric's sign-off, when the template has one and the workspace a rubric.
  const signOffSection = (input: WorkshopInput) => (input.rubric ? input.template.sections.find((s) => s.capture === 'stages') : undefined);
  const RUBRIC_CAPTURES = new Set(['criteria', 'stages', 'sla']);
  if (!opts.room && state.room?.contributions.length) print(`(this workshop had a live room: its ${state.room.contributions.length} contribution(s) are kept; \`align workshop --resume --room\` serves it again)`);
  // Before the first save: a room that cannot start (its port taken) leaves no draft behind.
  if (opts.room) {
    room = await openRoom(opts.room, state, writer, [...memberTeams(inputFor().config).keys()], boardView(state, inputFor, leads, ctx), ctx);
    roomEntries = roomMenu(ctx, room.handle, room.changed, print);
  }
  try {
    save();
    for (;;) {
      const pos = state.position;
      const input = inputFor();
      if (pos.step === 'setup') {
        printStyled(err.bold(t(input.template.title)));
        const a = state.answers;
        enter('setup', { date: a.date, facilitator: a.facilitator, attendees: a.attendees }, (start) => {
          delete a.date;
          delete a.facilitator;
          delete a.attendees;
          Object.assign(a, start);
        });
        await setup(context(input, 0, state.answers as unknown as SectionAnswer, false), state, today(ctx), Boolean(pos.back));
        leave();
        state.position = pos.back ? { step: 'summary' } : nextPosition(pos, input.template);
        save();
      } else if (pos.step === 'section') {
        const section = input.template.sections[pos.index]!;
        current = section.id;
        planned = section.minutes;
        printHeader(input, pos.index, state, { print, printStyled }, err, summaryWidth(ctx));
        enter(`section:${section.id}`, sectionAnswer(state, section.id), (start) => {
          // Notes and topics added from the section menu are not replayed answers: they stay.
          const now = state.answers.sections[section.id];
          const kept = { ...(now?.parked ? { parked: now.parked } : {}), ...(now?.notes && section.capture !== 'notes' ? { notes: now.notes } : {}) };
          state.answers.sections[section.id] = { ...start, ...kept };
        });
        const answer = sectionAnswer(state, section.id);
        menuAt = menuTarget(section, answer);
        await runSection(() => PROMPTERS[section.capture](context(input, pos.index, answer, Boolean(pos.back))), menuAt, ask);
        menuAt = undefined;
        const used = minutesUsed(state.sectionMs[section.id] ?? 0);
        if (used) answer.minutes_used = used;
        current = undefined;
        leave();
        state.position = pos.back ? { step: 'summary' } : nextPosition(pos, input.template);
        // Sign-off comes last, on the final rubric: after the last section, and again after the rubric is edited from the summary.
        const signs = signOffSection(input);
        if (signs && state.position.step === 'summary' && (!pos.back || RUBRIC_CAPTURES.has(section.capture))) state.position = { step: 'signoff' };
        save();
      } else if (pos.step === 'signoff') {
        const signs = signOffSection(input)!;
        const changed = rubricChanged(input.rubric, runSections(input, state.answers).acc.rubric);
        printStepHeader(printStyled, err, 'Sign-off', 'Does one person from each team approve the rubric as it now stands?');
        const signAnswer = sectionAnswer(state, signs.id);
        enter('signoff', signAnswer.approved_by, (start) => {
          if (start === undefined) delete signAnswer.approved_by;
          else signAnswer.approved_by = start;
        });
        await signOffPrompt({ ...context(input, input.template.sections.length, signAnswer, false), section: signs }, changed);
        leave();
        state.position = { step: 'summary' };
        save();
      } else {
        const built = buildOutcome(input, state.answers, state.room);
        if (!built.ok) {
          for (const p of built.problems) printStyled(err.red(formatProblem({ file: 'answers', message: `${p.path.join('.')}: ${p.message}`, ...(p.hint ? { hint: p.hint } : {}) })));
        } else printSummary(input, built.outcome, { print, printStyled }, ctx);
        enter('summary', null, () => {});
        let choice = await ask.select<string>('summary', built.ok ? 'Write it all down?' : 'Some answers need fixing', [
          ...(built.ok ? [{ name: opts.dryRun ? 'Confirm: show what would be written (dry run)' : opts.commit ? 'Confirm: write the files and commit them' : 'Confirm: write the files', value: 'confirm' }] : []),
          { name: 'Go back and edit a section', value: 'edit' },
          { name: 'Stop here and keep the draft', value: 'pause' },
        ]);
        const golden = built.ok ? built.outcome.rubricCheck?.golden : undefined;
        if (choice === 'confirm' && golden && goldenFailureLines(golden).length) {
          // A rubric that puts a golden lead in the wrong stage is committed only when the facilitator says so.
          choice = await ask.select<string>('golden-warning', `${goldenVerdict(golden)} under this rubric. Commit it anyway?`, [
            { name: 'No, go back and edit a section', value: 'edit' },
            { name: 'Yes, write it with the failing golden leads', value: 'confirm' },
          ]);
        }
        if (choice === 'confirm' && built.ok) {
          leave();
          ask.done();
          let outcome = built.outcome;
          if (room) {
            // The room stops taking contributions before the session is written, so the file holds all it took.
            await room.close();
            room = undefined;
            const last = buildOutcome(input, state.answers, state.room);
            if (last.ok) outcome = last.outcome;
          }
          return await finish(ws, input, outcome, { ...opts, ...(opts.dryRun ? {} : { draftId: state.id }), resolve: askConflicts(ask, { print, printStyled }, err) }, ctx);
        }
        if (choice === 'pause') {
          leave();
          ask.done();
          print(resumeHint(state));
          return 0;
        }
        const index = await ask.select<number>('edit-section', 'Which section?', [
          { name: 'Session details (date, facilitator, attendees)', value: -1 },
          ...input.template.sections.map((s, i) => ({ name: `${s.title} (${s.capture})`, value: i })),
        ]);
        leave();
        const edited = input.template.sections[index];
        // Editing the rubric withdraws this session's sign-off: it is asked again on the edited rubric.
        const signs = signOffSection(input);
        if (edited && signs && RUBRIC_CAPTURES.has(edited.capture)) delete sectionAnswer(state, signs.id).approved_by;
        state.position = edited ? { step: 'section', index, back: true } : { step: 'setup', back: true };
        save();
      }
    }
  } catch (e) {
    if (!isPromptExit(e)) throw e;
    save();
    print('');
    print(`Paused: everything answered so far is saved in ${DRAFTS_DIR}/${state.id}.json.`);
    print(resumeHint(state));
    return 130;
  } finally {
    // The room stops with the workshop, however it ends; what it holds is in the draft (or the session file) already.
    await room?.close();
  }
}

/** Each template by its id and its title as the agenda shows it, placeholders filled from align.yaml. */
function templateChoices(root: string, ctx: Context) {
  const view = placeholderView(readConfig(root), { date: today(ctx) });
  return listTemplates(root).map((e) => {
    const shown = shownTemplate(e.template, e.file, view);
    return { name: t(`${shown.id} — ${shown.title}`), value: shown.id, ...(shown.description !== undefined ? { description: t(shown.description) } : {}) };
  });
}

const resumeHint = (s: WorkshopState) => `Resume with: align workshop --resume   (draft ${s.id}; answers so far: ${Object.keys(s.answers.sections).length} section(s))`;

async function startOrResume(root: string, templateArg: string | undefined, resume: boolean, ctx: Context): Promise<WorkshopState> {
  const { default: select } = await import('@inquirer/select');
  const io = { output: ctx.stderr, clearPromptOnDone: false } as const;
  const { drafts, broken } = readDrafts(root);
  for (const b of broken) println(ctx.stderr, `warning: ${t(b.file)} cannot be resumed (${t(b.reason)}); it is skipped (move it aside to stop this warning)`);
  if (resume) {
    const mine = drafts.filter((d) => !templateArg || d.template === templateArg);
    if (!mine.length) throw new UserError(`no unfinished workshop${templateArg ? ` of ${templateArg}` : ''} to resume in ${DRAFTS_DIR}`, 'start one with `align workshop <template>`');
    if (mine.length === 1) return mine[0]!;
    return select({ message: 'Which workshop do you resume?', choices: mine.map((d) => ({ name: t(`${d.id} (last answer ${d.updated.slice(0, 16).replace('T', ' ')})`), value: d })) }, io);
  }
  const id =
    templateArg ??
    (await select({ message: 'Which workshop?', choices: templateChoices(root, ctx) }, io));
  if (drafts.length) println(ctx.stderr, `(${drafts.length} unfinished workshop${drafts.length > 1 ? 's' : ''} saved; \`align workshop --resume\` continues ${drafts.length > 1 ? 'them' : 'it'})`);
  const draftId = freeId(`${today(ctx)}-${id}`, new Set(draftIds(root)));
  // Fail now, not after the first answer, when the template does not exist.
  listTemplates(root).find((t) => t.template.id === id) ?? (await import('../../adapters/workspace/templates.js')).getTemplate(root, id);
  return newState(draftId, id, ctx.now());
}

async function setup(c: PromptContext, state: WorkshopState, todayDate: string, editing: boolean): Promise<void> {
  const a = state.answers;
  // A resumed setup asks only what is still missing; edited from the summary, it asks all again, each current value the default.
  if (editing || a.date === undefined) a.date = await c.ask.text('date', 'Date of the session (YYYY-MM-DD)', { default: a.date ?? todayDate, required: true, validate: validDate });
  if (editing || a.facilitator === undefined) a.facilitator = await c.ask.suggest('facilitator', 'Facilitator (pick or type a name)', peopleChoices(c.acc), { same: samePerson, ...(a.facilitator ? { default: a.facilitator } : {}) });
  c.ask.done();
  // A template with an attendees section asks who is here there, once.
  if (!c.input.template.sections.some((s) => s.capture === 'attendees')) a.attendees = await pickAttendees(c, 'attendees', a.attendees ?? []);
}

/** The leads file given now: remembered by the draft from here on (said when it replaces the one remembered). */
function rememberLeads(state: WorkshopState, root: string, file: string, table: LeadTable, ctx: Context): LeadTable {
  const abs = resolve(ctx.cwd, file);
  const rel = relative(root, abs);
  const kept = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
  if (state.leads && state.leads !== kept) println(ctx.stderr, t(`--leads ${file}: used from now on instead of ${state.leads}, the leads file this workshop had`));
  state.leads = kept;
  return table;
}

/** The leads file the draft remembers, read again; one that cannot be read is named, and the workshop goes on without live counts. */
function rememberedLeads(state: WorkshopState, root: string, maxLineBytes: number, ctx: Context): LeadTable | undefined {
  if (!state.leads) return undefined;
  try {
    const table = readLeads(root, state.leads, maxLineBytes);
    println(ctx.stderr, t(`leads: ${state.leads}, as this workshop's draft remembers (--leads FILE uses another)`));
    return table;
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    println(ctx.stderr, t(`warning: ${state.leads}, the leads file this workshop started with, cannot be read (${e.message}); no live lead counts (pass --leads FILE to use one)`));
    return undefined;
  }
}

/** How the workshop prints: plain text, made safe on the way; and lines already safe and coloured. */
interface Printer {
  print(text: string): void;
  printStyled(text: string): void;
}

/** The heading of a step that is not a template section (the sign-off). */
function printStepHeader(printStyled: (s: string) => void, err: ReturnType<typeof styles>['err'], title: string, purpose: string): void {
  printStyled('');
  printStyled(err.bold(`── ${title} ──`));
  printStyled(purpose);
}

function printHeader(input: WorkshopInput, index: number, state: WorkshopState, out: Printer, err: ReturnType<typeof styles>['err'], width = 80): void {
  const s = input.template.sections[index]!;
  const clock = sectionClock(state.elapsedMs, state.sectionMs[s.id] ?? 0, s.minutes);
  out.print('');
  out.printStyled(err.bold(`── ${index + 1}/${input.template.sections.length} ${t(s.title)} ──`));
  if (s.purpose) out.printStyled(wrapText(t(s.purpose, 'lines'), width));
  for (const p of s.prompts) out.printStyled(wrapText(t(p, 'lines'), width, '  • '));
  const time = `timebox ${s.minutes} min · session ${clock.elapsedMin} min elapsed · ${clock.over ? `over by ${-clock.leftMin} min` : `${clock.leftMin} min left`}`;
  out.printStyled(clock.over ? err.red.bold(time) : err.dim(time));
  for (const line of nextLines(input.template, index)) out.printStyled(err.dim(line));
}

/** The terminal's width, up to 120 columns: wider lines are hard to read. */
const summaryWidth = (ctx: Context) => Math.min(terminalColumns(ctx.stderr), 120);

/** The summary table, fitted to the terminal: each text made safe before the table measures it, each item on a line of its own. */
function printSummary(input: WorkshopInput, o: Outcome, out: Printer, ctx: Context): void {
  const table = new FittedTable(['section', 'captured'], { width: summaryWidth(ctx), rules: true });
  const names = (o.session.attendees ?? []).map((a) => t(a.name)).join(', ');
  table.push(['session', [`${o.session.date}, facilitator ${o.session.facilitator === undefined ? '-' : t(o.session.facilitator)}`, `attendees: ${names || '-'}`].join('\n')]);
  for (const r of summaryRows(input.template, o)) table.push([t(r.title), r.captured.map((c) => t(c)).join('\n') || '-']);
  if (o.rubricCheck) table.push(['golden leads', [goldenVerdict(o.rubricCheck.golden), ...goldenFailureLines(o.rubricCheck.golden)].map((l) => t(l)).join('\n')]);
  if (o.rubricCheck?.cleared.length) table.push(['sign-off', t(`cleared for ${o.rubricCheck.cleared.map((id) => input.config.teams[id]?.name ?? id).join(', ')}: the rubric changed and they did not sign again`)]);
  out.print('');
  out.print(`Summary of ${input.template.title}`);
  out.printStyled(table.toString());
  out.print(`will write: ${outcomePaths(o).join(', ')}`);
}
