import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { today, type Context } from '../../adapters/context.js';
import { UserError } from '../../core/errors.js';
import { parseDate, parseRepeat, parseTime, parseZone } from '../../core/agenda/options.js';
import { agendaJson, agendaMarkdown, agendaOutputPath, type AgendaFormat } from '../../core/agenda/output.js';
import { buildAgenda } from '../../core/agenda/build.js';
import type { TimedAgenda } from '../../core/agenda/timing.js';
import { readSnapshot, writeAtomic } from '../../adapters/files/atomic.js';
import { getTemplate, listTemplates, readConfig } from '../../adapters/workspace/templates.js';
import { println } from '../../adapters/terminal/style.js';
import { findWorkspaceRoot } from '../../adapters/workspace/load.js';

interface AgendaOptions {
  date?: string;
  start?: string;
  tz?: string;
  facilitator?: string;
  format: AgendaFormat;
  out?: string;
  force?: boolean;
  repeat?: string;
  count?: string;
}

export async function run(args: string[], raw: Record<string, unknown>, ctx: Context): Promise<number> {
  const opts = raw as unknown as AgendaOptions;
  const root = findWorkspaceRoot(ctx.cwd);
  const config = root ? readConfig(root) : null;
  const defaults = config?.defaults ?? {};
  const id = args[0] ?? defaults.template;
  if (!id) {
    const known = listTemplates(root).map((e) => e.template.id).join(', ');
    throw new UserError(`which template? known templates: ${known}`, 'for example `align agenda kickoff`; `align templates` describes them');
  }
  const date = opts.date !== undefined ? parseDate(opts.date) : today(ctx);
  const start = parseTime(opts.start ?? defaults.start ?? '10:00');
  const zone = parseZone(opts.tz ?? defaults.timezone ?? systemZone());
  const repeat = parseRepeat(opts.repeat, opts.count);

  const entry = getTemplate(root, id);
  const agenda = buildAgenda(entry.template, entry.file, config, { date, start, zone, ...(opts.facilitator ? { facilitator: opts.facilitator } : {}), ...(repeat ? { repeat } : {}) });

  let text: string;
  if (opts.format === 'json') text = agendaJson(agenda);
  else if (opts.format === 'ics') {
    // The calendar library is loaded only for invites.
    const { agendaIcs, agendaUid } = await import('../../adapters/calendar/ics.js');
    const ics = agendaIcs(agenda, { uid: agendaUid(config?.organization ?? 'no workspace', agenda.template.id, date), now: ctx.now() });
    if (ics.warning) println(ctx.stderr, `warning: ${ics.warning}`);
    text = ics.text;
  } else text = agendaMarkdown(agenda);

  if (opts.out === undefined) {
    ctx.stdout.write(text);
    return 0;
  }
  const show = (path: string) => {
    const rel = relative(ctx.cwd, path);
    return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  };
  println(ctx.stdout, show(writeOutput(resolve(ctx.cwd, opts.out), opts.out, agenda, opts, text, show)));
  return 0;
}

function systemZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function writeOutput(abs: string, given: string, agenda: TimedAgenda, opts: AgendaOptions, text: string, show: (p: string) => string): string {
  const isDir = given.endsWith('/') || given.endsWith(sep) || (existsSync(abs) && statSync(abs).isDirectory());
  const path = agendaOutputPath(abs, isDir, agenda, opts.format, join);
  const { bytes, snapshot } = readSnapshot(path);
  if (bytes && !opts.force) {
    throw new UserError(`${show(path)} already exists; align will not overwrite it`, 'pass --force to replace it, or choose another --out');
  }
  mkdirSync(dirname(path), { recursive: true });
  writeAtomic(path, text, opts.force ? snapshot : undefined);
  return path;
}
