import { afterEach, describe, expect, it } from 'vitest';
import { hashTree, tempRepo, type TempRepo } from '../helpers/workspace.js';

const CONFIG = 'organization: Acme Corp\nteams:\n  sales: { name: Sales, members: [Dana Kim] }\n  marketing: { name: Marketing, members: [Sam Ortiz] }\n';

// A workspace's own weekly sync: shorter, with a section of its own.
const SYNC = `id: sync
title: "{{organization}} weekly pipeline call"
sections:
  - id: pipeline
    title: Pipeline walk-through
    minutes: 20
    lead: sales
    capture: notes
    prompts: ["Which {{teams.marketing.name}} leads moved this week?"]
  - id: actions
    title: Actions
    minutes: 10
    capture: actions
`;

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

describe('align templates', () => {
  it('lists the five built-ins outside a workspace', async () => {
    repo = await tempRepo();
    const r = await repo.align(['templates', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout) as { templates: { id: string; minutes: number; sections: number; source: string; title: string }[] };
    expect(doc.templates.map((t) => t.id)).toEqual(['exchange', 'future', 'kickoff', 'lead-definition', 'sync']);
    for (const t of doc.templates) {
      expect(t.source).toBe('built-in');
      expect(t.minutes).toBeGreaterThanOrEqual(60);
      expect(t.title).not.toContain('{{');
    }
    const text = await repo.align(['templates']);
    expect(text.stdout.split('\n')[0]).toMatch(/^ID\s+TITLE\s+MINUTES\s+SECTIONS\s+SOURCE$/);
    expect(text.stdout).toMatch(/^lead-definition\s+What is a sales-ready lead at your organization\?\s+120\s+7\s+built-in$/m);
  });

  it('shows one template as written, placeholders and all', async () => {
    repo = await tempRepo();
    const r = await repo.align(['templates', 'show', 'lead-definition', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout) as { source: string; minutes: number; template: { title: string; sections: { id: string; capture: string; dimension?: string }[] } };
    expect(doc.source).toBe('built-in');
    expect(doc.template.title).toContain('{{organization}}');
    expect(doc.template.sections.filter((s) => s.capture === 'criteria').map((s) => s.dimension)).toEqual(['fit', 'engagement']);
    expect(doc.minutes).toBe(120);
    const text = await repo.align(['templates', 'show', 'sync']);
    expect(text.stdout).toMatch(/^goal-progress {2}Progress on shared goals {2}\[15 min, lead: both, captures: goal-progress\]$/m);
  });

  it('a workspace template overrides the built-in with the same id', async () => {
    repo = await tempRepo();
    repo.write('align.yaml', CONFIG);
    repo.write('templates/weekly.yaml', SYNC);
    const list = JSON.parse((await repo.align(['templates', '--format', 'json'])).stdout) as { templates: { id: string; source: string; file: string; title: string; minutes: number }[] };
    expect(list.templates.find((t) => t.id === 'sync')).toEqual({ id: 'sync', title: 'Acme Corp weekly pipeline call', minutes: 30, sections: 2, source: 'workspace', file: 'templates/weekly.yaml' });
    expect(list.templates).toHaveLength(5);

    const md = await repo.align(['agenda', 'sync', '--date', '2026-12-02', '--start', '08:00', '--tz', 'UTC']);
    expect(md.exitCode).toBe(0);
    expect(md.stdout).toMatch(/^# Acme Corp weekly pipeline call$/m);
    expect(md.stdout).toContain('| 08:00–08:20 | Pipeline walk-through | Sales | 20 |');
    expect(md.stdout).toContain('- Which Marketing leads moved this week?');
    expect(md.stdout).not.toContain('Lead feedback'); // the built-in's section
  });

  it('an unknown id lists the known ones', async () => {
    repo = await tempRepo();
    const r = await repo.align(['templates', 'show', 'retro']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('align: no template "retro"; known templates: exchange, future, kickoff, lead-definition, sync');
    expect(r.stderr).toMatch(/hint: /);
  });

  it('an invalid workspace template is reported at its file, line and column, and nothing changes', async () => {
    repo = await tempRepo();
    repo.write('align.yaml', CONFIG);
    repo.write('templates/sync.yaml', 'id: sync\ntitle: Sync\nsections:\n  - id: review\n    title: Review\n    minutes: -5\n    capture: slides\n');
    const before = hashTree(repo.dir);
    for (const args of [['templates'], ['agenda', 'kickoff']]) {
      const r = await repo.align(args);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/^templates\/sync\.yaml:6:14: sections\[0\]\.minutes: /m);
      expect(r.stderr).toMatch(/^templates\/sync\.yaml:7:14: sections\[0\]\.capture: expected one of notes, attendees, /m);
      expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
      expect(r.stdout).toBe('');
    }
    expect(hashTree(repo.dir)).toBe(before);
  });
});
