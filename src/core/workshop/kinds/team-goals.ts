import * as z from 'zod';
import type { WorkspaceConfig } from '../../schemas/workspace.js';
import type { TemplateSection } from '../../schemas/template.js';
import { teamIds } from '../fields.js';
import { TextList } from './common.js';
import type { CaptureModule } from '../types.js';

type TeamGoals = Record<string, { goals?: string[]; values?: string[] }>;
interface TeamGoalsAnswer {
  teams?: TeamGoals;
}

/** The teams a section asks about: the team that leads it, or every team when no one team does. */
export function sectionTeams(section: TemplateSection, config: WorkspaceConfig): string[] {
  const ids = teamIds(config);
  return section.lead && ids.includes(section.lead) ? [section.lead] : ids;
}

/** Each team's own goals and values, in its own words; kept on the team in align.yaml too. */
export const teamGoals: CaptureModule<TeamGoalsAnswer> = {
  shape: {
    teams: z
      .record(z.string(), z.strictObject({ goals: TextList.optional().describe("the team's goals"), values: TextList.optional().describe("the team's values") }))
      .optional()
      .describe("each team's goals and values, by team id"),
  },
  check(a, { acc, section }) {
    const known = teamIds(acc.config);
    return Object.keys(a.teams ?? {})
      .filter((t) => !known.includes(t))
      .map((t) => ({ path: ['sections', section.id, 'teams', t], atKey: true, message: `unknown team "${t}"`, hint: `teams in align.yaml: ${known.join(', ')}` }));
  },
  apply(a, { acc }) {
    for (const [id, tg] of Object.entries(a.teams ?? {})) {
      const entry = { ...(tg.goals?.length ? { goals: tg.goals } : {}), ...(tg.values?.length ? { values: tg.values } : {}) };
      acc.session.team_goals = { ...acc.session.team_goals, [id]: entry };
      const team = acc.config.teams[id]!;
      // An empty list clears the team's list rather than writing `values: []`.
      for (const key of ['goals', 'values'] as const) {
        if (tg[key] === undefined) continue;
        if (tg[key].length) team[key] = tg[key];
        else delete team[key];
      }
      acc.changed.teams = true;
    }
  },
  describe: (a) =>
    Object.entries(a.teams ?? {}).flatMap(([t, tg]) => [...(tg.goals ?? []).map((g) => `${t} goal: ${g}`), ...(tg.values ?? []).map((v) => `${t} value: ${v}`)]),
};
