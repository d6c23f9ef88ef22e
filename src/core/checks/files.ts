import type { GoalsFile } from '../schemas/goals.js';
import type { Session } from '../schemas/session.js';
import type { Template } from '../schemas/template.js';
import type { PathProblem } from '../yaml/issues.js';
import { duplicateIds } from './unique.js';

export const checkGoals = (g: GoalsFile): PathProblem[] => duplicateIds(g.goals, ['goals'], 'goal');
export const checkSession = (s: Session): PathProblem[] => duplicateIds(s.actions ?? [], ['actions'], 'action');
export const checkTemplate = (t: Template): PathProblem[] => duplicateIds(t.sections, ['sections'], 'section');
