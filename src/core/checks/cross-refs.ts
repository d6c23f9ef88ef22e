import type { GoalsFile } from '../schemas/goals.js';
import type { Session } from '../schemas/session.js';
import type { WorkspaceConfig } from '../schemas/workspace.js';
import type { PathProblem } from '../yaml/issues.js';

/** Goal owners must be teams of align.yaml. */
export function checkGoalOwners(goals: GoalsFile, config: WorkspaceConfig): PathProblem[] {
  const teams = Object.keys(config.teams);
  const out: PathProblem[] = [];
  for (const [i, g] of goals.goals.entries()) {
    for (const [k, o] of (g.owners ?? []).entries()) {
      if (!teams.includes(o)) out.push({ path: ['goals', i, 'owners', k], message: `unknown team "${o}"`, hint: `teams in align.yaml: ${teams.join(', ')}` });
    }
  }
  return out;
}

/** Teams named in a session must exist; action owners should be known members (a warning: people come and go). */
export function checkSessionRefs(session: Session, config: WorkspaceConfig): PathProblem[] {
  return sessionRefsChecker(config)(session);
}

/** checkSessionRefs for many sessions of one align.yaml: its teams and members gathered once, not for every session. */
export function sessionRefsChecker(config: WorkspaceConfig): (session: Session) => PathProblem[] {
  const teams = Object.keys(config.teams);
  const teamMembers = Object.values(config.teams).flatMap((t) => t.members);
  const unknownTeam = (t: string | undefined) => t !== undefined && !teams.includes(t);
  return (session) => {
    const members = new Set(teamMembers);
    for (const a of session.attendees ?? []) members.add(a.name);
    if (session.facilitator) members.add(session.facilitator);
    const out: PathProblem[] = [];
    (session.attendees ?? []).forEach((a, i) => {
      if (unknownTeam(a.team)) out.push({ path: ['attendees', i, 'team'], message: `unknown team "${a.team}"`, hint: `teams in align.yaml: ${teams.join(', ')}` });
    });
    (session.actions ?? []).forEach((a, i) => {
      if (unknownTeam(a.team)) out.push({ path: ['actions', i, 'team'], message: `unknown team "${a.team}"`, hint: `teams in align.yaml: ${teams.join(', ')}` });
      if (a.owner !== undefined && !members.has(a.owner)) {
        out.push({ path: ['actions', i, 'owner'], message: `owner "${a.owner}" is not a member of any team in align.yaml`, hint: 'add them to a team in align.yaml, or check the spelling', severity: 'warning' });
      }
    });
    return out;
  };
}
