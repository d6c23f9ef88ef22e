import type { OpenParked } from '../workshop/parked.js';
import { cell } from './escape.js';

/** Parked topics still open: what the room put aside, where, for the next sync. Nothing when there are none. */
export function parkedMarkdown(parked: OpenParked[]): string[] {
  if (!parked.length) return [];
  const out = ['## Parked topics', '', 'Put aside in a session, carried to the next sync until a review closes them.', '', '| Topic | Parked in | Section |', '|---|---|---|'];
  for (const p of parked) out.push(`| ${cell(p.wholeSection ? `${p.topic} (the whole section)` : p.topic)} | ${cell(`${p.session} (${p.date})`)} | ${cell(p.sectionTitle)} |`);
  out.push('');
  return out;
}
