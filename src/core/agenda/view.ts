import type { WorkspaceConfig } from '../schemas/workspace.js';

interface TeamView {
  id: string;
  name: string;
  members: string[];
}

/**
 * What a template's `{{placeholders}}` may name. Every key is always present so that
 * a built-in template renders in any workspace (and outside one).
 */
export interface PlaceholderView {
  organization: string;
  facilitator: string;
  date: string;
  /** `sales` and `marketing` are always there; other teams of align.yaml too. */
  teams: Record<string, TeamView>;
}

/** Words used where the workspace says nothing; documented in docs/agenda.md. */
export const FALLBACK = {
  organization: 'your organization',
  facilitator: 'the facilitator',
  teams: { sales: 'Sales', marketing: 'Marketing' } as Record<string, string>,
};

export function placeholderView(config: WorkspaceConfig | null | undefined, opts: { date: string; facilitator?: string }): PlaceholderView {
  const teams: Record<string, TeamView> = {};
  for (const [id, name] of Object.entries(FALLBACK.teams)) teams[id] = { id, name, members: [] };
  for (const [id, team] of Object.entries(config?.teams ?? {})) teams[id] = { id, name: team.name, members: [...team.members] };
  return {
    organization: config?.organization ?? FALLBACK.organization,
    facilitator: opts.facilitator ?? config?.defaults?.facilitator ?? FALLBACK.facilitator,
    date: opts.date,
    teams,
  };
}
