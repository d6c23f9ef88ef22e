import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAgenda } from '../../../src/core/agenda/build.js';
import { agendaJson, agendaMarkdown } from '../../../src/core/agenda/output.js';
import type { WorkspaceConfig } from '../../../src/core/schemas/workspace.js';
import { listTemplates } from '../../../src/adapters/workspace/templates.js';

// Reviewed like code; regenerate deliberately with UPDATE_GOLDEN=1 and read the diff.
const GOLDEN = join(import.meta.dirname, '../../golden/agenda');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const config: WorkspaceConfig = {
  organization: 'Acme Corp',
  teams: {
    sales: { name: 'Sales', members: ['Dana Kim', 'Lee Park'] },
    marketing: { name: 'Marketing', members: ['Sam Ortiz', 'Ana Ruiz'] },
  },
};
const request = { date: '2026-12-03', start: '09:30', zone: 'Europe/Berlin', facilitator: 'Sam Ortiz' };

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE) throw new Error(`missing golden file ${file}: run with UPDATE_GOLDEN=1 and review it`);
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const builtIns = listTemplates(null);

describe('golden agendas for every built-in template', () => {
  it('has the five built-ins', () => {
    expect(builtIns.map((e) => e.template.id)).toEqual(['exchange', 'future', 'kickoff', 'lead-definition', 'sync']);
  });
  for (const entry of builtIns) {
    const agenda = buildAgenda(entry.template, entry.file, config, request);
    it(`${entry.template.id}.md`, () => golden(`${entry.template.id}.md`, agendaMarkdown(agenda)));
    it(`${entry.template.id}.json`, () => golden(`${entry.template.id}.json`, agendaJson(agenda)));
  }
  // The facilitator's copy of the longest built-in: captures, align commands and the break.
  const lead = builtIns.find((e) => e.template.id === 'lead-definition')!;
  const facilitator = buildAgenda(lead.template, lead.file, config, { ...request, audience: 'facilitator' });
  it('lead-definition.facilitator.md', () => golden('lead-definition.facilitator.md', agendaMarkdown(facilitator)));
  it('lead-definition.facilitator.json', () => golden('lead-definition.facilitator.json', agendaJson(facilitator)));
});
