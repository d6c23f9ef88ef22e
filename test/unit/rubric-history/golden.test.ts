import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffRubrics } from '../../../src/core/rubric/diff/diff.js';
import { movementTally } from '../../../src/core/rubric/diff/leads.js';
import type { DiffReport } from '../../../src/core/rubric/diff/report.js';
import { renderDiffMarkdown } from '../../../src/core/rubric/diff/render-md.js';
import { renderDiffTable } from '../../../src/core/rubric/diff/render-text.js';
import { BASE, variant } from './fixtures.js';

// Reviewed like code; regenerate deliberately with UPDATE_GOLDEN=1 and read the diff.
const GOLDEN = join(import.meta.dirname, '../../golden/rubric-diff');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  if (!existsSync(file)) throw new Error(`missing golden file ${file}: run with UPDATE_GOLDEN=1 and review it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** One of every kind of change: criteria added, removed and changed, stages, caps, SLA, sign-off, tests. */
const AFTER = variant((r) => {
  r.name = 'Sales-ready lead (2027)';
  r.criteria[0]!.when = { field: 'employees', op: 'between', value: [200, 5000] };
  r.criteria[0]!.points = 20;
  r.criteria[1]!.when = { at_least: 2, of: [{ field: 'title', op: 'matches', value: '\\b(vp|director|head)\\b' }, { field: 'country', op: 'in', value: ['US', 'CA', 'GB'] }, { field: 'seniority', op: 'is_known' }] };
  r.criteria = r.criteria.filter((c) => c.id !== 'demo-request');
  r.criteria.push({ id: 'pricing-views', label: 'Pricing page | twice', dimension: 'engagement', when: { field: 'pricing_page_views', op: 'gte', value: 2 }, points: 15, why: 'people who compare prices are buying' });
  r.stages[1]!.min = 75;
  r.stages[1]!.require = { fit: 30, engagement: 10 };
  r.stages.push({ id: 'hot', label: 'Hot', min: 95 });
  r.dimensions = { fit: { max: 50 }, engagement: { max: 80 } };
  r.sla = { follow_up_hours: 12, decision_days: 3, rejection_reasons: ['no-budget', 'not-now', 'duplicate'] };
  r.approved_by = { sales: 'Lee Park', marketing: 'Sam Ortiz' };
  r.tests![0]!.expect = 'mql';
});

function report(withLeads: boolean): DiffReport {
  const r: DiffReport = { from: 'v1:rubric.yaml', to: 'rubric.yaml (working tree)', changes: diffRubrics(BASE, AFTER) };
  if (withLeads) {
    const t = movementTally(BASE, AFTER);
    const lead = (stage: string, fired: string[]) => ({ stage, fired });
    t.add('L-001', lead('sql', ['company-size', 'decision-maker', 'demo-request']), lead('mql', ['company-size', 'decision-maker']));
    t.add('L-002', lead('mql', ['demo-request']), lead('unqualified', []));
    t.add('L-003', lead('unqualified', []), lead('mql', ['company-size', 'decision-maker', 'pricing-views'])); // 55 either way: mql without pricing-views too
    for (let i = 0; i < 1200; i++) t.add(`L-${i + 4}`, lead('unqualified', []), lead('unqualified', []));
    t.add('L-9999', lead('disqualified', ['competitor']), lead('disqualified', ['competitor']));
    r.leads = t.result();
  }
  return r;
}

describe('golden renderings of a rubric diff', () => {
  it('diff.md', () => golden('diff.md', renderDiffMarkdown(report(false))));
  it('diff-leads.md', () => golden('diff-leads.md', renderDiffMarkdown(report(true))));
  it('diff.txt (terminal table, no colour)', () => golden('diff.txt', renderDiffTable(report(false))));
  it('diff-leads.txt', () => golden('diff-leads.txt', renderDiffTable(report(true))));
  it('diff-80.txt (wrapped to an 80-column terminal)', () => {
    const text = renderDiffTable(report(false), undefined, 80);
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    golden('diff-80.txt', text);
  });
  it('no changes', () => {
    expect(renderDiffMarkdown({ from: 'a', to: 'b', changes: [] })).toBe('## Rubric changes: `a` → `b`\n\nNo semantic changes.\n');
    expect(renderDiffTable({ from: 'a', to: 'b', changes: [] })).toBe('a → b\nno semantic changes\n');
  });
});
