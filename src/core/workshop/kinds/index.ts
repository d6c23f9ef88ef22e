import type { CaptureKind } from '../../schemas/template.js';
import type { CaptureModule } from '../types.js';
import { actionReview } from './action-review.js';
import { actions } from './actions.js';
import { attendees } from './attendees.js';
import { criteria } from './criteria.js';
import { decisions } from './decisions.js';
import { goalProgress } from './goal-progress.js';
import { notes } from './notes.js';
import { sharedGoals } from './shared-goals.js';
import { sla } from './sla.js';
import { stages } from './stages.js';
import { teamGoals } from './team-goals.js';

/** The capture step each template section names. */
export const CAPTURE: Record<CaptureKind, CaptureModule<never>> = {
  notes,
  attendees,
  'team-goals': teamGoals,
  'shared-goals': sharedGoals,
  'goal-progress': goalProgress,
  criteria,
  stages,
  sla,
  decisions,
  actions,
  'action-review': actionReview,
} as Record<CaptureKind, CaptureModule<never>>;
