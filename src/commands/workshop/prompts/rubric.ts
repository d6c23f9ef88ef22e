import { FittedTable } from '../../../core/text/table.js';
import { StageSchema, type GoldenLead, type Stage } from '../../../core/schemas/rubric.js';
import { parseNumber } from '../../../core/workshop/fields.js';
import { stageCounts } from '../../../core/workshop/preview.js';
import { validNumber, validWhole, type PromptContext } from './lists.js';
import { terminalSafe } from '../../../core/text/terminal.js';
import { fieldsOf } from './criteria.js';
import { goldenLeadsPrompt, showGolden } from './golden.js';
import { grouped } from '../../../core/text/numbers.js';

export async function stagesPrompt(c: PromptContext): Promise<void> {
  const a = c.answer as { stages?: Stage[]; tests?: GoldenLead[] };
  const stages = (a.stages ?? c.acc.rubric?.stages ?? []).map((s) => ({ ...s }));
  const showCounts = () => {
    if (!c.leads || !c.acc.rubric) return;
    try {
      const counts = stageCounts({ ...c.acc.rubric, stages }, c.leads, c.date, c.input.config.defaults?.locale);
      const leads = `${c.leads.truncated ? 'the first ' : ''}${grouped(c.leads.rows.length)} leads${c.leads.truncated ? ' of the file' : ''}`;
      c.print(`leads per stage under the draft rubric (${leads}): ${counts.map((x) => `${x.stage} ${x.count}`).join(' · ')}`);
    } catch (e) {
      // A criterion on a field the CSV lacks must not end the session.
      c.print(`no live counts: ${(e as Error).message}`);
    }
  };
  const t = new FittedTable(['stage', 'label', 'min', 'requires'], { width: c.width, rules: true });
  // Measured by the table, so made safe before it.
  for (const s of stages) t.push([terminalSafe(s.id), terminalSafe(s.label ?? ''), String(s.min), Object.entries(s.require ?? {}).map(([d, n]) => `${n} ${d}`).join(', ')]);
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
    showGolden(c);
  }
  a.stages = stages;
  // The room picks golden leads here; the sign-off comes last, on the final rubric (sign-off.ts).
  const fields = new Set<string>(c.leads?.header ?? []);
  for (const x of c.rubricNow()?.criteria ?? []) fieldsOf(x.when, fields);
  await goldenLeadsPrompt(c, a, stages, [...fields]);
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
