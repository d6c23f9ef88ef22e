import type { TimedAgenda } from './timing.js';
import { agendaMarkdown } from './markdown.js';
import { jsonDocument } from '../output/json.js';
import { DOCUMENTS } from '../output/documents.js';

export type AgendaFormat = 'md' | 'json' | 'ics';

/** Where `--out` writes: a file as given, or agendas/<date>-<template>.<ext> inside a folder. */
export function agendaOutputPath(out: string, isDir: boolean, agenda: TimedAgenda, format: AgendaFormat, join: (...p: string[]) => string): string {
  return isDir ? join(out, 'agendas', `${agenda.start.date}-${agenda.template.id}.${format}`) : out;
}

/** The agenda as one JSON document: the same data the Markdown shows. */
export function agendaJson(agenda: TimedAgenda): string {
  return jsonDocument(DOCUMENTS.agenda, agenda);
}

export { agendaMarkdown };
