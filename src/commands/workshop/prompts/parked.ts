import { openParked } from '../../../core/workshop/parked.js';
import type { ParkedAnswer } from '../../../core/workshop/kinds/parked-review.js';
import type { PromptContext } from './lists.js';

/** Each topic parked in an earlier session: discussed now, still parked, or dropped. */
export async function parkedTopicsPrompt(c: PromptContext): Promise<void> {
  const topics = ((c.answer.topics as ParkedAnswer[] | undefined) ?? []).slice();
  for (const p of openParked(c.input.sessions).filter((x) => x.date <= c.date)) {
    const key = `${p.session}-${p.topic}`;
    const prev = topics.find((x) => x.topic === p.topic && x.session === p.session);
    c.print(`Parked in ${p.session}${p.sectionTitle ? ` (${p.sectionTitle})` : ''}: ${p.topic}`);
    const status = await c.ask.select<string>(`topic-${key}`, 'Discussed today, still parked, or dropped?', [
      { name: 'still parked', value: '' },
      { name: 'discussed', value: 'discussed' },
      { name: 'dropped', value: 'dropped' },
    ], { default: prev?.status ?? '' });
    const i = topics.findIndex((x) => x.topic === p.topic && x.session === p.session);
    if (i >= 0) topics.splice(i, 1);
    if (status) topics.push({ topic: p.topic, session: p.session, status: status as ParkedAnswer['status'] });
    c.answer.topics = topics;
    c.ask.done();
  }
}
