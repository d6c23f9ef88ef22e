import type { CommandSpec } from '../registry.js';
import { FORMAT_TEXT_JSON } from './foundation.js';

/** align agenda, align templates. */
export const AGENDA_COMMANDS: CommandSpec[] = [
  {
    usage: 'agenda [template]',
    description: 'render a timed agenda from a template: Markdown, JSON or a calendar invite (.ics)',
    options: [
      { flags: '--date <YYYY-MM-DD>', description: 'the day of the meeting (default: today)' },
      { flags: '--start <HH:MM>', description: 'start time, 24-hour clock (default: align.yaml defaults.start, else 10:00)' },
      { flags: '--tz <zone>', description: 'IANA time zone of the meeting (default: align.yaml defaults.timezone, else the system\'s)' },
      { flags: '--facilitator <name>', description: 'who runs the meeting (default: align.yaml defaults.facilitator)' },
      { flags: '--format <format>', description: 'output format', choices: ['md', 'json', 'ics'], default: 'md' },
      { flags: '--out <file|dir>', description: 'write to a file, or into DIR/agendas/<date>-<template>.<ext>; prints the path' },
      { flags: '--force', description: 'replace a file --out would otherwise refuse to overwrite' },
      { flags: '--repeat <rhythm>', description: 'a repeating meeting (calendar RRULE): weekly, biweekly or monthly' },
      { flags: '--count <n>', description: 'with --repeat: how many meetings in all (default: no end)' },
    ],
    examples: [
      'align agenda kickoff --date 2026-12-03 --start 09:30 --facilitator "Sam Ortiz"',
      'align agenda lead-definition --format json',
      'align agenda sync --format ics --tz Europe/Berlin --repeat biweekly --count 6 --out .',
    ],
    load: () => import('../../commands/agenda/agenda.js'),
  },
  {
    usage: 'templates',
    description: 'list the agenda templates: built-in ones and the workspace\'s templates/',
    options: [FORMAT_TEXT_JSON],
    examples: ['align templates', 'align templates --format json', 'align templates show lead-definition'],
    load: () => import('../../commands/agenda/templates.js'),
  },
  {
    group: 'templates',
    usage: 'show <id>',
    description: 'show one template: its sections, minutes, leads, prompts and what each captures',
    options: [FORMAT_TEXT_JSON],
    examples: ['align templates show kickoff', 'align templates show sync --format json'],
    load: () => import('../../commands/agenda/templates-show.js'),
  },
];
