import { goldenVerdict, runGolden } from '../../../core/workshop/rubric-check.js';
import type { PromptContext } from './lists.js';

/**
 * The sign-off, asked last on the final rubric: for each team, one of its members from align.yaml,
 * or nobody yet. Nothing is typed, so only a member can sign; nothing is pre-selected, so a
 * signature is always given in this session, on this version.
 */
export async function signOffPrompt(c: PromptContext, changed: boolean): Promise<void> {
  const a = c.answer as { approved_by?: Record<string, string> };
  const rubric = c.rubricNow();
  const earlier = c.input.rubric?.approved_by ?? {};
  c.print(`The rubric as agreed: ${(rubric?.stages ?? []).map((s) => `${s.id} from ${s.min}`).join(', ')}; ${rubric?.criteria.length ?? 0} criteria; ${rubric ? goldenVerdict(runGolden(rubric, c.date, c.input.config.defaults?.locale)) : ''}`);
  if (changed && Object.keys(earlier).length) {
    c.print(`It changed in this session: the earlier sign-off (${Object.entries(earlier).map(([t, n]) => `${c.acc.config.teams[t]?.name ?? t}: ${n}`).join(', ')}) no longer holds unless they sign again.`);
  }
  const approved: Record<string, string> = {};
  for (const [id, team] of Object.entries(c.acc.config.teams)) {
    const who = await c.ask.select<string>(`approve-${id}`, `Who approves this rubric for ${team.name}?`, [
      { name: changed ? '(nobody signs in this session)' : `(nobody signs again${earlier[id] ? `; ${earlier[id]}'s sign-off stands` : ''})`, value: '' },
      ...team.members.map((m) => ({ name: m, value: m })),
    ]);
    if (who) approved[id] = who;
  }
  if (Object.keys(approved).length) a.approved_by = approved;
  else delete a.approved_by;
  c.ask.done();
}
