import { cell, md } from './escape.js';
import type { RoomStory, SessionView } from './model.js';
import { formatNumber } from './plain-condition.js';

/**
 * The parts of a session's story told after its decisions: each team's goals and values in its
 * own words, the progress reported on shared goals, and the earlier actions reviewed.
 * Every piece of user text goes through md() or cell().
 */
export function sessionOutcomesMarkdown(s: SessionView): string[] {
  const out: string[] = [];
  if (s.teamGoals.length) {
    out.push('**Each team in its own words**', '');
    for (const t of s.teamGoals) {
      out.push(`- **${md(t.teamName)}**`);
      for (const g of t.goals) out.push(`  - Goal: ${md(g)}`);
      for (const v of t.values) out.push(`  - Value: ${md(v)}`);
    }
    out.push('');
  }
  if (s.progress.length) {
    out.push('**Progress on shared goals**', '', '| Shared goal | Value reported | Status | Note |', '|---|--:|---|---|');
    for (const p of s.progress) {
      out.push(`| ${cell(p.goalTitle ?? p.goal)} | ${p.value === null ? '—' : formatNumber(p.value)} | ${cell(p.status)} | ${cell(p.note)} |`);
    }
    out.push('');
  }
  if (s.actionReviews.length) {
    out.push('**Earlier actions reviewed**', '', '| Action | Owner | Set in session | Now | Note |', '|---|---|---|---|---|');
    for (const r of s.actionReviews) {
      out.push(`| ${cell(r.title ?? r.action)} | ${cell(r.owner)} | ${cell(r.session)} | ${cell(r.status)} | ${cell(r.note)} |`);
    }
    out.push('');
  }
  return out;
}

/** The record of the meeting, told last: each section with its time and notes, then what the session changed. */
export function sessionRecordMarkdown(s: SessionView): string[] {
  const out: string[] = [];
  // Sections nobody noted anything in and whose time was not taken say nothing the agenda did not.
  const told = s.sections.filter((x) => x.notes.length || x.minutesUsed !== null);
  if (told.length) {
    out.push('**The agenda as it ran**', '');
    for (const x of told) {
      const time = minutes(x.minutesPlanned, x.minutesUsed);
      out.push(`- **${md(x.title ?? x.id)}**${time ? ` · ${time}` : ''}`);
      for (const n of x.notes) out.push(`  - ${md(n)}`);
    }
    out.push('');
  }
  const changed = [
    s.changes.goals.length ? `${s.changes.goals.length === 1 ? 'the shared goal' : 'the shared goals'} ${and(s.changes.goals.map((g) => `*${md(g.title ?? g.id)}*`))}` : null,
    s.changes.rubric ? 'the lead definition (rubric.yaml)' : null,
    s.changes.teams ? 'the teams and their members (align.yaml)' : null,
  ].filter((x) => x !== null);
  if (changed.length) out.push(`**Changed in this session:** ${changed.join('; ')}.`, '');
  if (s.room) out.push(...roomMarkdown(s.room));
  return out;
}

/** What the room added: its contributions by section, each with its author (and what it was accepted as), then each vote's tally. */
function roomMarkdown(r: RoomStory): string[] {
  const out: string[] = [];
  const guests = r.participants.filter((p) => p.guest).length;
  const who = r.participants.length ? ` · ${r.participants.length} participant${r.participants.length === 1 ? '' : 's'}${guests ? ` (${guests} guest${guests === 1 ? '' : 's'})` : ''}` : '';
  if (r.contributions.length) {
    out.push(`**From the room**${who}`, '');
    // By section, in the order the sections were first contributed to; each in the order it arrived.
    const bySection = new Map<string, RoomStory['contributions']>();
    for (const c of r.contributions) {
      const list = bySection.get(c.section) ?? [];
      list.push(c);
      bySection.set(c.section, list);
    }
    for (const list of bySection.values()) {
      out.push(`- *${md(list[0]!.sectionTitle ?? list[0]!.section)}*`);
      for (const c of list) out.push(`  - ${md(c.author)}: ${md(c.text)}${c.accepted ? ` (accepted as ${ACCEPTED_WORDS[c.accepted] ?? md(c.accepted)})` : ''}`);
    }
    out.push('');
  }
  for (const v of r.votes) {
    out.push(`**Vote in ${md(v.sectionTitle ?? v.section)}** · ${v.budget} dot${v.budget === 1 ? '' : 's'} each, ${v.voters} voter${v.voters === 1 ? '' : 's'}`, '', '| Candidate | Dots |', '|---|--:|');
    for (const c of v.candidates) out.push(`| ${cell(c.text)} | ${c.votes} |`);
    out.push('');
  }
  return out;
}

const ACCEPTED_WORDS: Record<string, string> = { note: 'a note', decision: 'a decision', action: 'an action', criterion: 'a criterion to define' };

function and(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "12 of 15 minutes", "24 of 20 minutes (4 over)", "15 minutes planned", "12 minutes". */
function minutes(planned: number | null, used: number | null): string {
  const unit = (n: number) => `${formatNumber(n)} minute${n === 1 ? '' : 's'}`;
  if (planned !== null && used !== null) return `${formatNumber(used)} of ${unit(planned)}${used > planned ? ` (${formatNumber(used - planned)} over)` : ''}`;
  if (planned !== null) return `${unit(planned)} planned`;
  if (used !== null) return unit(used);
  return '';
}
