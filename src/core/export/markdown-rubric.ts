import { cell, md } from './escape.js';
import type { ChangelogEntry, CriterionLine, LeadDefinition } from './model.js';
import { formatNumber, signedPoints } from './plain-condition.js';

const DIMENSION_NAME: Record<string, string> = { fit: 'Fit', engagement: 'Engagement' };

/** The current rubric in plain words: stages, criteria by dimension, gates, SLA, sign-off. */
export function leadDefinitionMarkdown(d: LeadDefinition | null): string[] {
  if (!d) return ['## The lead definition', '', 'There is no rubric.yaml yet: run `align workshop lead-definition` to agree one.', ''];
  const out: string[] = [`## The lead definition${d.name ? `: ${md(d.name)}` : ''}`, ''];
  if (d.description) out.push(md(d.description), '');
  out.push('### Stages', '');
  out.push('A lead gets points for every criterion it meets; its stage is the highest one whose points it reaches. Below the first stage a lead is *unqualified*; a lead that meets a gate is *disqualified*, whatever its points.', '');
  out.push('| Stage | Label | Points needed | Also needs |', '|---|---|--:|---|');
  for (const s of d.stages) {
    const needs = s.requires.map((r) => `${formatNumber(r.points)} ${r.dimension} points`).join(', ');
    out.push(`| ${cell(s.id)} | ${cell(s.label)} | ${formatNumber(s.min)} | ${cell(needs)} |`);
  }
  out.push('');
  for (const dim of d.dimensions) {
    const name = DIMENSION_NAME[dim.id] ?? md(dim.id);
    out.push(`### ${name} criteria${dim.cap !== null ? ` (at most ${formatNumber(dim.cap)} points count)` : ''}`, '');
    out.push(...(dim.criteria.length ? dim.criteria.map((c) => criterionItem(c, signedPoints(c.points ?? 0))) : ['- none']), '');
  }
  if (d.gates.length) out.push('### Gates', '', ...d.gates.map((c) => criterionItem(c, 'disqualified')), '');
  out.push('### Hand-off SLA', '', ...(d.sla.length ? d.sla.map((s) => `- ${md(s)}`) : ['No hand-off SLA agreed yet.']), '');
  out.push('### Sign-off', '', signOffLine(d), '', goldenLine(d), '');
  return out;
}

/** "Employees is at least 200: +15 — 200+ employees. Why: …" */
function criterionItem(c: CriterionLine, gives: string): string {
  const label = c.label ? ` — *${md(c.label)}*` : ` — *${md(c.id)}*`;
  const why = c.why ? ` Why: ${md(c.why)}${/[.!?]$/.test(c.why.trim()) ? '' : '.'}` : '';
  return `- ${md(c.condition)}: **${gives}**${label}.${why}`;
}

function signOffLine(d: LeadDefinition): string {
  const who = d.signOff.map((s) => `${md(s.name)} (${md(s.teamName)})`);
  const signed = who.length ? `Signed off by ${who.join(' and ')}.` : 'Not signed off by anyone yet.';
  const missing = d.missingSignOff.length ? ` **Still needs sign-off from ${d.missingSignOff.join(' and ')}.**` : '';
  return signed + missing;
}

function goldenLine(d: LeadDefinition): string {
  const g = d.golden;
  if (g.total === 0) return 'No golden leads yet: add agreed examples under `tests:` and check them with `align rubric test`.';
  const failed = g.failed.length ? ` **Failing:** ${g.failed.map(md).join('; ')}.` : '';
  return `Golden leads: ${g.passed} of ${g.total} pass (as of ${g.asOf}).${failed}`;
}

/** Each version of rubric.yaml from git, newest first, with what it changed. */
export function changelogMarkdown(entries: ChangelogEntry[] | null): string[] {
  const out = ['## Rubric changelog', ''];
  if (entries === null) return [...out, 'The workspace is not in a git repository, so the rubric has no recorded history.', ''];
  if (entries.length === 0) return [...out, 'No version of rubric.yaml was committed in this period.', ''];
  for (const e of entries) {
    out.push(`### ${e.date.slice(0, 10)} · ${e.commit.slice(0, 7)} · ${md(e.subject)}`, '');
    out.push(`*${md(e.author)}* · ${e.status === 'changed' ? 'changed' : md(e.summary)}`, '');
    if (e.changes.length) {
      out.push('| Change | Before | After |', '|---|---|---|');
      for (const c of e.changes) out.push(`| ${cell(c.what)} | ${cell(c.before)} | ${cell(c.after)} |`);
      out.push('');
    }
  }
  return out;
}
