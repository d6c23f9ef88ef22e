import { join, resolve } from 'node:path';
import { systemZone, type Context } from '../../adapters/context.js';
import { UserError } from '../../core/errors.js';
import { parseRepeat, parseTime, parseZone, RHYTHMS } from '../../core/agenda/options.js';
import { agendaJson, agendaMarkdown } from '../../core/agenda/output.js';
import { buildAgenda } from '../../core/agenda/build.js';
import { carryParked } from '../../core/agenda/parked.js';
import { openParked } from '../../core/workshop/parked.js';
import { readValidSessions } from '../../adapters/workspace/sessions.js';
import type { TimedAgenda } from '../../core/agenda/timing.js';
import { emit, outTarget, requireFolder, shownPath, type OutTarget } from '../../adapters/files/out.js';
import { targetKind } from '../../adapters/files/target.js';
import { getTemplate, listTemplates, readConfig } from '../../adapters/workspace/templates.js';
import { findWorkspaceRoot } from '../../adapters/workspace/root.js';
import { defineCommand, type OptionsOf } from '../../cli/define.js';
import { choiceFlag, dateFlag, forceFlag, formatFlag, nameFlag, setting, textFlag } from '../../cli/flags.js';
import { AUDIENCES } from '../../core/agenda/audience.js';

const flags = {
  date: dateFlag('--date <date>', 'the day of the meeting', 'today'),
  start: textFlag('--start <HH:MM>', 'start time, 24-hour clock (default: align.yaml defaults.start, else 10:00)'),
  tz: textFlag('--tz <zone>', "IANA time zone of the meeting (default: align.yaml defaults.timezone, else the system's)"),
  facilitator: nameFlag('--facilitator <name>', 'who runs the meeting (default: align.yaml defaults.facilitator)', '"Sam Ortiz"'),
  format: formatFlag(['text', 'json', 'ics']),
  // Attendees by default: an agenda is mostly sent to the teams, and the facilitator's copy is the one asked for by name.
  for: choiceFlag('--for <audience>', "who reads it: attendees (no align internals), or the facilitator (what each section captures, align commands)", AUDIENCES, 'attendees'),
  out: nameFlag('--out <file|dir>', 'write to a file, or into DIR/agendas/<date>-<template>.<ext>; prints the path', 'agenda.md'),
  force: forceFlag(),
  repeat: { ...textFlag('--repeat <rhythm>', 'a repeating meeting (calendar RRULE): weekly, biweekly or monthly'), choices: RHYTHMS },
  count: textFlag('--count <n>', 'with --repeat: how many meetings in all (default: no end)'),
};

type AgendaOptions = OptionsOf<typeof flags>;

export const command = defineCommand({
  path: ['agenda'],
  args: '[template]',
  completes: 'templates',
  description: 'render a timed agenda from a template: Markdown, JSON or a calendar invite (.ics)',
  flags,
  examples: [
    'align agenda kickoff --date 2026-12-03 --start 09:30 --facilitator "Sam Ortiz"',
    'align agenda lead-definition --format json',
    'align agenda lead-definition --for facilitator --out facilitator.md',
    'align agenda sync --format ics --tz Europe/Berlin --repeat biweekly --count 6 --out .',
  ],
  run: ({ args, opts, ctx }) => agenda(args[0], opts, ctx),
});

/** The file extension of each format, for `--out DIR`. */
const EXTENSIONS = { text: 'md', json: 'json', ics: 'ics' } as const;

async function agenda(templateArg: string | undefined, opts: AgendaOptions, ctx: Context): Promise<number> {
  const root = findWorkspaceRoot(ctx.cwd);
  const config = root ? readConfig(root) : null;
  const defaults = config?.defaults ?? {};
  const id = setting(templateArg, defaults.template, undefined);
  if (!id) {
    const known = listTemplates(root).map((e) => e.template.id).join(', ');
    throw new UserError(`which template? known templates: ${known}`, 'for example `align agenda kickoff`; `align templates` describes them');
  }
  const start = parseTime(setting(opts.start, defaults.start, '10:00'));
  const zone = parseZone(setting(opts.tz, defaults.timezone, systemZone(ctx)));
  const facilitator = setting(opts.facilitator, defaults.facilitator, undefined);
  const repeat = parseRepeat(opts.repeat, opts.count);

  const entry = getTemplate(root, id);
  const built = buildAgenda(entry.template, entry.file, config, { date: opts.date, start, zone, ...(facilitator ? { facilitator } : {}), ...(repeat ? { repeat } : {}), audience: opts.for });
  // Topics parked in past sessions go to the section that reviews last time's actions.
  const agenda = root ? carryParked(built, openParked(readValidSessions(root).filter((s) => s.date <= opts.date))) : built;
  // Checked before rendering: a refused --out leaves nothing to undo.
  const out = opts.out === undefined ? undefined : agendaTarget(ctx, opts.out, opts.force, agenda, opts.format);

  const text = await RENDERERS[opts.format](agenda, { organization: config?.organization ?? 'no workspace', date: opts.date, ctx });
  emit(ctx, out, text);
  return 0;
}

const RENDERERS: Record<AgendaOptions['format'], (agenda: TimedAgenda, invite: { organization: string; date: string; ctx: Context }) => string | Promise<string>> = {
  text: (agenda) => agendaMarkdown(agenda),
  json: (agenda) => agendaJson(agenda),
  async ics(agenda, { organization, date, ctx }) {
    // The calendar library is loaded only for invites.
    const { agendaIcs, agendaUid } = await import('../../adapters/calendar/ics.js');
    return agendaIcs(agenda, { uid: agendaUid(organization, agenda.template.id, date), now: ctx.now() }).text;
  },
};

/**
 * `--out FILE`, or `--out DIR` (an existing folder, or a path ending in /): the agenda goes to
 * DIR/agendas/<date>-<template>.<ext>, the workspace's agendas folder, made when missing.
 */
function agendaTarget(ctx: Context, given: string, force: boolean, agenda: TimedAgenda, format: AgendaOptions['format']): OutTarget {
  const isDir = given.endsWith('/') || targetKind(resolve(ctx.cwd, given)) === 'a folder';
  if (!isDir) return outTarget(ctx, given, force);
  requireFolder(ctx, resolve(ctx.cwd, given), given);
  const agendas = resolve(ctx.cwd, given, 'agendas');
  // The facilitator's copy beside the attendees', never in its place.
  const who = agenda.audience === 'facilitator' ? '-facilitator' : '';
  const file = join(given, 'agendas', `${agenda.start.date}-${agenda.template.id}${who}.${EXTENSIONS[format]}`);
  if (targetKind(agendas) !== 'missing') return outTarget(ctx, file, force);
  const path = resolve(ctx.cwd, file);
  return { path, shown: shownPath(ctx, path), force, folder: agendas };
}
