import { FittedTable } from '../../../core/text/table.js';
import { OPERATOR_HELP, OPERATORS, isLeaf, type Condition, type Leaf, type Operator } from '../../../core/schemas/condition.js';
import type { Criterion, Rubric } from '../../../core/schemas/rubric.js';
import { conditionText, type CriterionAnswer } from '../../../core/workshop/kinds/criteria.js';
import { freeId, parseNumber, readConditionValue, slugify } from '../../../core/workshop/fields.js';
import { validNumber, validWhole, type PromptContext } from './lists.js';
import { terminalSafe } from '../../../core/text/terminal.js';
import { showGolden } from './golden.js';
import { criteriaToDefine } from '../../../core/workshop/room.js';

/** Every field a condition reads. */
export function fieldsOf(c: Condition, out: Set<string>): Set<string> {
  if (isLeaf(c)) out.add(c.field);
  else if ('not' in c) fieldsOf(c.not, out);
  else for (const x of 'all' in c ? c.all : 'any' in c ? c.any : c.of) fieldsOf(x, out);
  return out;
}

function criteriaTable(criteria: Criterion[], title: string, width: number): string {
  if (!criteria.length) return `${title}: none yet`;
  const t = new FittedTable(['id', 'points', 'when'], { width, rules: true });
  // Measured by the table, so made safe before it (c.print would be too late for the layout).
  for (const c of criteria) t.push([terminalSafe(c.id), c.disqualify ? 'gate' : String(c.points ?? ''), terminalSafe(conditionText(c.when))]);
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
    c.print(criteriaTable(shown, `${dim ? `${dim} criteria` : 'criteria'} in the draft rubric`, c.width));
    const toDefine = criteriaToDefine(c.roomNow?.(), all.map((x) => x.label ?? x.id));
    if (toDefine.length) c.print(`the room asked to define: ${toDefine.join('; ')}`);
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
      showGolden(c);
      continue;
    }
    const editing = what.startsWith('e:') ? all.find((x) => x.id === what.slice(2)) : undefined;
    const taken = new Set(all.map((x) => x.id));
    const next = await criterionForm(c, editing, taken, all, editing ? undefined : toDefine[0]);
    const i = a.criteria.findIndex((x) => x.id === next.id);
    if (i >= 0) a.criteria[i] = next;
    else a.criteria.push(next);
    c.ask.done();
    showGolden(c);
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

/** The shape a condition is edited in: one leaf, or a group of leaves; anything deeper is kept as it is or replaced. */
function shapeOf(w: Condition): string {
  if (isLeaf(w)) return 'one';
  if ('all' in w) return w.all.every(isLeaf) ? 'all' : 'keep';
  if ('any' in w) return w.any.every(isLeaf) ? 'any' : 'keep';
  if ('of' in w) return w.of.every(isLeaf) ? 'at_least' : 'keep';
  return 'keep';
}

/** The leaves of a condition the form can offer as defaults, in order. */
function leavesOf(w: Condition | undefined): Leaf[] {
  if (!w) return [];
  if (isLeaf(w)) return [w];
  const list = 'all' in w ? w.all : 'any' in w ? w.any : 'of' in w ? w.of : [];
  return list.every(isLeaf) ? (list as Leaf[]) : [];
}

/** Adds a criterion, or edits one: every current value (label, condition, gate, points, why) is the default, so Enter keeps it. */
async function criterionForm(c: PromptContext, base: Criterion | undefined, taken: Set<string>, all: Criterion[], suggested?: string): Promise<CriterionAnswer> {
  const label = await c.ask.text('label', 'Criterion, in words (e.g. "200+ employees")', { default: base?.label ?? suggested ?? '', required: true });
  const id = base?.id ?? freeId(slugify(label), taken);
  const baseShape = base ? shapeOf(base.when) : undefined;
  const shapes = baseShape === 'keep' && base ? [{ name: `Keep the condition as it is: ${conditionText(base.when)}`, value: 'keep' }, ...SHAPES] : SHAPES;
  const shape = await c.ask.select<string>('shape', 'Its condition', shapes, baseShape ? { default: baseShape } : {});
  const fields = new Set<string>();
  for (const x of all) fieldsOf(x.when, fields);
  const suggestions = [...new Set([...(c.leads?.header ?? []), ...fields])];
  const before = leavesOf(base?.when);
  let when: Condition;
  if (shape === 'keep' && base) when = base.when;
  else if (shape === 'one') when = await leafForm(c, 'c0', suggestions, before[0]);
  else {
    const baseN = base && 'at_least' in base.when ? String(base.when.at_least) : '';
    const n = shape === 'at_least' ? parseNumber(await c.ask.text('n', 'At least how many of the conditions must hold?', { default: baseN, required: true, validate: (s) => (validWhole(s) ?? (parseNumber(s)! < 1 ? 'at least 1' : undefined)) })) ?? 1 : 0;
    const list: Condition[] = [];
    for (let i = 0; ; i++) {
      c.print(`condition ${i + 1} of the group:`);
      list.push(await leafForm(c, `c${i}`, suggestions, before[i]));
      const more = await c.ask.confirm(`more-${i}`, 'Another condition in this group?', i + 1 < before.length || list.length < Math.max(2, n));
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

/** A value as it is typed at the prompt: lists comma-separated, as readConditionValue reads them. */
const typedValue = (v: Leaf['value']): string => (v === undefined ? '' : Array.isArray(v) ? v.map(String).join(', ') : String(v));

async function leafForm(c: PromptContext, key: string, suggestions: string[], base?: Leaf): Promise<Leaf> {
  const field = await c.ask.suggest(`${key}-field`, 'Field (the CSV column; type a new one or pick)', suggestions.map((s) => ({ name: s, value: s })), base ? { default: base.field } : {});
  const op = (await c.ask.suggest(`${key}-op`, 'Operator', OPERATORS.map((o) => ({ name: `${o} — ${OPERATOR_HELP[o]}`, value: o })), {
    validate: (s) => ((OPERATORS as readonly string[]).includes(s) ? undefined : `not an operator; one of ${OPERATORS.join(', ')}`),
    ...(base ? { default: base.op } : {}),
  })) as Operator;
  if (op === 'is_known' || op === 'is_unknown') return { field, op };
  // The current value is the default only while the operator is the one it was written for.
  const current = base && base.op === op ? typedValue(base.value) : '';
  const text = await c.ask.text(`${key}-value`, `Value (${VALUE_HINT[op] ?? 'a number, true/false, a date or text'})`, { default: current, required: true, validate: (s) => readConditionValue(op, s).problem });
  return { field, op, value: readConditionValue(op, text).value! };
}
