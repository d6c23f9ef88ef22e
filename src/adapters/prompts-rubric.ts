import Table from 'cli-table3';
import { OPERATOR_HELP, OPERATORS, isLeaf, type Condition, type Leaf, type Operator } from '../core/schemas/condition.js';
import { StageSchema, type Criterion, type Rubric, type Stage } from '../core/schemas/rubric.js';
import { conditionText, type CriterionAnswer } from '../core/workshop/kinds/criteria.js';
import { freeId, parseNumber, readConditionValue, slugify } from '../core/workshop/fields.js';
import { stageCounts } from '../core/workshop/preview.js';
import { validNumber, validWhole, type PromptContext } from './prompts-lists.js';

function fieldsOf(c: Condition, out: Set<string>): Set<string> {
  if (isLeaf(c)) out.add(c.field);
  else if ('not' in c) fieldsOf(c.not, out);
  else for (const x of 'all' in c ? c.all : 'any' in c ? c.any : c.of) fieldsOf(x, out);
  return out;
}

function criteriaTable(criteria: Criterion[], title: string): string {
  if (!criteria.length) return `${title}: none yet`;
  const t = new Table({ head: ['id', 'points', 'when'], style: { head: [], border: [] }, colWidths: [24, 8, 44], wordWrap: true });
  for (const c of criteria) t.push([c.id, c.disqualify ? 'gate' : String(c.points ?? ''), conditionText(c.when)]);
  return `${title}:\n${t.toString()}`;
}

/** The rubric with this section's criteria answers applied, to show what the room is looking at. */
function draftCriteria(rubric: Rubric | undefined, a: { criteria?: CriterionAnswer[]; remove?: string[] }): Criterion[] {
  const list = (rubric?.criteria ?? []).filter((c) => !(a.remove ?? []).includes(c.id));
  for (const n of a.criteria ?? []) {
    const c = { ...n, id: n.id! } as Criterion;
    const i = list.findIndex((x) => x.id === c.id);
    if (i >= 0) list[i] = c;
    else list.push(c);
  }
  return list;
}

export async function criteriaPrompt(c: PromptContext): Promise<void> {
  const a = c.answer as { criteria?: CriterionAnswer[]; remove?: string[] };
  a.criteria ??= [];
  const dim = c.section.dimension;
  for (;;) {
    const all = draftCriteria(c.acc.rubric, a);
    const shown = all.filter((x) => !dim || (x.dimension ?? 'fit') === dim);
    c.print(criteriaTable(shown, `${dim ? `${dim} criteria` : 'criteria'} in the draft rubric`));
    const what = await c.ask.select<string>('what', 'Add, edit or remove a criterion', [
      { name: 'Add a criterion', value: '+' },
      ...shown.map((x) => ({ name: `Edit: ${x.id}`, value: `e:${x.id}` })),
      ...shown.map((x) => ({ name: `Remove: ${x.id}`, value: `r:${x.id}` })),
      { name: 'Done', value: '' },
    ]);
    if (!what) break;
    if (what.startsWith('r:')) {
      const id = what.slice(2);
      const i = a.criteria.findIndex((x) => x.id === id);
      if (i >= 0) a.criteria.splice(i, 1);
      if (c.acc.rubric?.criteria.some((x) => x.id === id)) a.remove = [...(a.remove ?? []), id];
      c.ask.done();
      continue;
    }
    const editing = what.startsWith('e:') ? all.find((x) => x.id === what.slice(2)) : undefined;
    const taken = new Set(all.map((x) => x.id));
    const next = await criterionForm(c, editing, taken, all);
    const i = a.criteria.findIndex((x) => x.id === next.id);
    if (i >= 0) a.criteria[i] = next;
    else a.criteria.push(next);
    c.ask.done();
  }
  if (!a.criteria.length) delete a.criteria;
  c.ask.done();
}

const SHAPES = [
  { name: 'One condition', value: 'one' },
  { name: 'All of several conditions (all)', value: 'all' },
  { name: 'Any of several conditions (any)', value: 'any' },
  { name: 'At least N of several conditions (at_least)', value: 'at_least' },
];

async function criterionForm(c: PromptContext, base: Criterion | undefined, taken: Set<string>, all: Criterion[]): Promise<CriterionAnswer> {
  const label = await c.ask.text('label', 'Criterion, in words (e.g. "200+ employees")', { default: base?.label ?? '', required: true });
  const id = base?.id ?? freeId(slugify(label), taken);
  const shape = await c.ask.select<string>('shape', 'Its condition', SHAPES);
  const fields = new Set<string>();
  for (const x of all) fieldsOf(x.when, fields);
  const suggestions = [...new Set([...(c.leads?.header ?? []), ...fields])];
  let when: Condition;
  if (shape === 'one') when = await leafForm(c, 'c0', suggestions);
  else {
    const n = shape === 'at_least' ? parseNumber(await c.ask.text('n', 'At least how many of the conditions must hold?', { required: true, validate: (s) => (validWhole(s) ?? (parseNumber(s)! < 1 ? 'at least 1' : undefined)) })) ?? 1 : 0;
    const list: Condition[] = [];
    for (let i = 0; ; i++) {
      c.print(`condition ${i + 1} of the group:`);
      list.push(await leafForm(c, `c${i}`, suggestions));
      const more = await c.ask.confirm(`more-${i}`, 'Another condition in this group?', list.length < Math.max(2, n));
      if (!more) break;
    }
    when = shape === 'all' ? { all: list } : shape === 'any' ? { any: list } : { at_least: n, of: list };
  }
  const gate = await c.ask.confirm('gate', 'Is it a gate that disqualifies the lead whatever its score?', base?.disqualify ?? false);
  const points = gate ? '' : await c.ask.text('points', 'Points', { default: base?.points !== undefined ? String(base.points) : '', required: true, validate: validNumber });
  const why = await c.ask.text('why', 'Why does it matter? (shown when a score is explained; empty for none)', { default: base?.why ?? '' });
  return {
    id,
    label,
    ...(c.section.dimension ? { dimension: c.section.dimension } : base?.dimension ? { dimension: base.dimension } : {}),
    when,
    ...(gate ? { disqualify: true } : { points: parseNumber(points)! }),
    ...(why ? { why } : {}),
  };
}

const VALUE_HINT: Partial<Record<Operator, string>> = {
  in: 'values separated by commas, e.g. US, CA, GB',
  not_in: 'values separated by commas',
  between: 'two bounds separated by a comma, e.g. 10, 50',
  within_last: 'a period such as 14d, 8w or 3m',
  before: 'a date YYYY-MM-DD',
  after: 'a date YYYY-MM-DD',
  matches: 'a regular expression',
};

async function leafForm(c: PromptContext, key: string, suggestions: string[]): Promise<Leaf> {
  const field = await c.ask.suggest(`${key}-field`, 'Field (the CSV column; type a new one or pick)', suggestions.map((s) => ({ name: s, value: s })));
  const op = (await c.ask.suggest(`${key}-op`, 'Operator', OPERATORS.map((o) => ({ name: `${o} — ${OPERATOR_HELP[o]}`, value: o })), {
    validate: (s) => ((OPERATORS as readonly string[]).includes(s) ? undefined : `not an operator; one of ${OPERATORS.join(', ')}`),
  })) as Operator;
  if (op === 'is_known' || op === 'is_unknown') return { field, op };
  const text = await c.ask.text(`${key}-value`, `Value (${VALUE_HINT[op] ?? 'a number, true/false, a date or text'})`, { required: true, validate: (s) => readConditionValue(op, s).problem });
  return { field, op, value: readConditionValue(op, text).value! };
}

export async function stagesPrompt(c: PromptContext): Promise<void> {
  const a = c.answer as { stages?: Stage[]; approved_by?: Record<string, string> };
  const stages = (a.stages ?? c.acc.rubric?.stages ?? []).map((s) => ({ ...s }));
  const showCounts = () => {
    if (!c.leads || !c.acc.rubric) return;
    try {
      const counts = stageCounts({ ...c.acc.rubric, stages }, c.leads, c.date);
      c.print(`leads per stage under the draft rubric (${c.leads.rows.length} leads): ${counts.map((x) => `${x.stage} ${x.count}`).join(' · ')}`);
    } catch (e) {
      // A criterion on a field the CSV lacks must not end the session.
      c.print(`no live counts: ${(e as Error).message}`);
    }
  };
  const t = new Table({ head: ['stage', 'label', 'min', 'requires'], style: { head: [], border: [] } });
  for (const s of stages) t.push([s.id, s.label ?? '', String(s.min), Object.entries(s.require ?? {}).map(([d, n]) => `${n} ${d}`).join(', ')]);
  c.print(t.toString());
  showCounts();
  for (let i = 0; ; i++) {
    if (i >= stages.length) {
      const more = await c.ask.confirm(`add-${i}`, `Add a stage above ${stages.at(-1)?.id ?? 'unqualified'}?`, stages.length === 0);
      if (!more) break;
      const sid = await c.ask.text(`id-${i}`, 'Stage id (e.g. sql)', { required: true, validate: (s) => StageSchema.shape.id.safeParse(s.trim()).error?.issues[0]?.message ?? (stages.some((x) => x.id === s.trim()) ? 'already a stage' : undefined) });
      const label = await c.ask.text(`label-${i}`, 'Label (empty for none)');
      stages.push({ id: sid, ...(label ? { label } : {}), min: 0 });
    }
    const s = stages[i]!;
    const prev = stages[i - 1];
    const min = await c.ask.text(`min-${s.id}`, `${s.id}${s.label ? ` (${s.label})` : ''}: minimum score`, {
      default: i < (c.acc.rubric?.stages.length ?? 0) || s.min ? String(s.min) : '',
      required: true,
      validate: (x) => validNumber(x) ?? (prev && parseNumber(x)! <= prev.min ? `must be above ${prev.id}'s ${prev.min}` : undefined),
    });
    s.min = parseNumber(min)!;
    const require: Stage['require'] = {};
    for (const d of ['fit', 'engagement'] as const) {
      const r = await c.ask.text(`req-${d}-${s.id}`, `${s.id}: ${d} points it also needs (empty for none)`, { default: s.require?.[d] !== undefined ? String(s.require[d]) : '', validate: validNumber });
      if (r) require[d] = parseNumber(r)!;
    }
    if (Object.keys(require).length) s.require = require;
    else delete s.require;
    a.stages = stages;
    c.ask.done();
    showCounts();
  }
  a.stages = stages;
  const approved = { ...(a.approved_by ?? {}) };
  for (const [id, team] of Object.entries(c.acc.config.teams)) {
    const who = await c.ask.text(`approve-${id}`, `Who approves the rubric for ${team.name}? (empty to skip)`, { default: approved[id] ?? '' });
    if (who) approved[id] = who;
  }
  if (Object.keys(approved).length) a.approved_by = approved;
  c.ask.done();
}

export async function slaPrompt(c: PromptContext): Promise<void> {
  const cur = { ...c.acc.rubric?.sla, ...(c.answer as Record<string, unknown>) } as Record<string, unknown>;
  const d = (k: string) => (cur[k] === undefined ? '' : Array.isArray(cur[k]) ? (cur[k] as string[]).join(', ') : String(cur[k]));
  const positive = (s: string) => validNumber(s) ?? (parseNumber(s)! <= 0 ? 'must be above 0' : undefined);
  const hours = await c.ask.text('follow_up_hours', 'Follow-up: sales contacts a sales-ready lead within how many hours?', { default: d('follow_up_hours'), validate: positive });
  const days = await c.ask.text('decision_days', 'Decision: sales accepts or rejects it within how many days?', { default: d('decision_days'), validate: positive });
  const attempts = await c.ask.text('attempts', 'Attempts before a lead is recycled', { default: d('attempts_before_recycle'), validate: validWhole });
  const recycle = await c.ask.text('recycle_to', 'Where do rejected leads go?', { default: d('recycle_to') });
  const reasons = await c.ask.text('reasons', 'Rejection reasons a seller may pick (comma-separated)', { default: d('rejection_reasons') });
  const out: Record<string, unknown> = { ...(c.answer.notes ? { notes: c.answer.notes } : {}) };
  if (hours) out.follow_up_hours = parseNumber(hours);
  if (days) out.decision_days = parseNumber(days);
  if (attempts) out.attempts_before_recycle = parseNumber(attempts);
  if (recycle) out.recycle_to = recycle;
  const list = reasons.split(',').map((s) => s.trim()).filter(Boolean);
  if (list.length) out.rejection_reasons = list;
  for (const k of Object.keys(c.answer)) delete c.answer[k];
  Object.assign(c.answer, out);
  c.ask.done();
}
