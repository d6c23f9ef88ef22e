import { SlaSchema, type Sla } from '../../schemas/rubric.js';
import type { CaptureModule } from '../types.js';

/** The hand-off SLA: the keys of rubric.yaml's `sla`, merged over what it holds. */
export const sla: CaptureModule<Sla> = {
  shape: SlaSchema.shape,
  check: (a, { acc, section }) =>
    !acc.rubric && Object.keys(slaOf(a)).length ? [{ path: ['sections', section.id], message: 'the workspace has no rubric.yaml to change', hint: 'write rubric.yaml first' }] : [],
  apply(a, { acc }) {
    const given = slaOf(a);
    if (!acc.rubric || !Object.keys(given).length) return;
    acc.rubric.sla = { ...acc.rubric.sla, ...given };
    acc.changed.rubric = true;
  },
  describe(a) {
    const s = slaOf(a);
    const out: string[] = [];
    if (s.follow_up_hours !== undefined) out.push(`follow up within ${s.follow_up_hours} hours`);
    if (s.decision_days !== undefined) out.push(`accept or reject within ${s.decision_days} days`);
    if (s.attempts_before_recycle !== undefined) out.push(`${s.attempts_before_recycle} attempts before recycling`);
    if (s.recycle_to) out.push(`rejected leads go to ${s.recycle_to}`);
    if (s.rejection_reasons?.length) out.push(`rejection reasons: ${s.rejection_reasons.join(', ')}`);
    return out.map((l) => `sla: ${l}`);
  },
};

function slaOf(a: Sla & { notes?: unknown; minutes_used?: unknown }): Sla {
  const { notes: _n, minutes_used: _m, ...rest } = a;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Sla;
}
