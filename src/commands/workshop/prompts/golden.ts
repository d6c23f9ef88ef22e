import type { Scalar } from '../../../core/schemas/common.js';
import { DISQUALIFIED, UNQUALIFIED, type GoldenLead, type Stage } from '../../../core/schemas/rubric.js';
import { readScalar } from '../../../core/workshop/fields.js';
import { goldenFailureLines, goldenVerdict, runGolden } from '../../../core/workshop/rubric-check.js';
import type { PromptContext } from './lists.js';

/** Runs the draft rubric's golden leads right after a change, and says which now fail. */
export function showGolden(c: PromptContext): void {
  const rubric = c.rubricNow();
  if (!rubric?.tests?.length) return;
  const run = runGolden(rubric, c.date, c.input.config.defaults?.locale);
  c.print(`golden leads: ${goldenVerdict(run)}`);
  for (const line of goldenFailureLines(run)) c.print(`  ${line}`);
}

/**
 * New golden leads: a real lead the room names, its field values one by one, and the stage it
 * must land in; each is appended to the rubric's `tests:` and run at once with the others.
 */
export async function goldenLeadsPrompt(c: PromptContext, a: { tests?: GoldenLead[] }, stages: Stage[], fields: string[]): Promise<void> {
  const list = [...(a.tests ?? [])];
  for (let i = list.length; ; i++) {
    const more = await c.ask.confirm(`golden-${i}`, 'Add a golden lead (a real lead that must always land in the stage you agree)?', false);
    if (!more) break;
    const name = await c.ask.text(`golden-name-${i}`, 'Which lead? A name the room will recognise', { required: true });
    if (fields.length) c.print(`fields the criteria read: ${fields.join(', ')}`);
    const lead: Record<string, Scalar> = {};
    for (let j = 0; ; j++) {
      const field = await c.ask.text(`golden-field-${i}-${j}`, `${name}: field (empty line when its values are in)`, { validate: (s) => (s.trim() in lead ? 'that field is already given' : undefined) });
      if (!field) break;
      lead[field] = readScalar(await c.ask.text(`golden-value-${i}-${j}`, `${name}: ${field} =`, { required: true }));
    }
    const expect = await c.ask.select<string>(`golden-expect-${i}`, `Which stage must ${name} land in?`, [UNQUALIFIED, ...stages.map((s) => s.id), DISQUALIFIED].map((id) => ({ name: id, value: id })));
    list.push({ name, lead, expect });
    a.tests = list;
    c.ask.done();
    showGolden(c);
  }
}
