import type { CaptureKind } from '../../../core/schemas/template.js';
import type { PromptContext } from './lists.js';
import { actionReviewPrompt, actionsPrompt, attendeesPrompt, decisionsPrompt, goalProgressPrompt, notesPrompt, sharedGoalsPrompt, teamGoalsPrompt } from './kinds.js';
import { criteriaPrompt } from './criteria.js';
import { slaPrompt, stagesPrompt } from './rubric.js';

/** The prompts of each capture kind; they fill the section's answers as the answers file would. */
export const PROMPTERS: Record<CaptureKind, (c: PromptContext) => Promise<void>> = {
  notes: notesPrompt,
  attendees: attendeesPrompt,
  'team-goals': teamGoalsPrompt,
  'shared-goals': sharedGoalsPrompt,
  'goal-progress': goalProgressPrompt,
  criteria: criteriaPrompt,
  stages: stagesPrompt,
  sla: slaPrompt,
  decisions: decisionsPrompt,
  actions: actionsPrompt,
  'action-review': actionReviewPrompt,
};
