import { describe, expect, it } from 'vitest';
import { buildExport, type ExportInput } from '../../../src/core/export/build.js';
import { exportMarkdown } from '../../../src/core/export/markdown.js';
import type { Session } from '../../../src/core/schemas/session.js';

const config = {
  organization: 'Acme Corp',
  teams: { sales: { name: 'Sales', members: ['Dana Kim'] }, marketing: { name: 'Marketing', members: ['Sam Ortiz'] } },
};

const sessions: Session[] = [
  {
    id: 's1', template: 'kickoff', date: '2026-10-01',
    actions: [
      { id: 'a1', title: 'Book the room', owner: 'Dana Kim', team: 'sales' },
      { id: 'a2', title: 'Send the deck', owner: 'Sam Ortiz', note: 'PDF, not slides' },
      { id: 'a3', title: 'Pick a venue', team: 'marketing' },
      { id: 'a4', title: 'Order lunch', team: 'marketing', status: 'done' },
    ],
  },
  {
    id: 's2', template: 'sync', date: '2026-11-01', start: '10:00',
    attendees: [{ name: 'Dana Kim', team: 'sales', role: 'VP Sales' }, { name: 'Pat Lee', role: 'guest speaker' }],
    sections: [
      { id: 'review', title: 'Last time', minutes_planned: 10, minutes_used: 10 },
      { id: 'feedback', title: 'Lead feedback', minutes_planned: 15, minutes_used: 22, notes: ['too many students'] },
      { id: 'plans', title: 'Plans', minutes_planned: 10 },
      { id: 'extra', notes: ['asked for a dashboard'] },
      { id: 'quick', title: 'Quick one', minutes_planned: 10, minutes_used: 1 },
    ],
    // A team align.yaml no longer has comes after the known ones, named by its id.
    team_goals: { partners: { goals: ['co-sell'] }, marketing: { values: ['test and learn'] }, sales: { goals: ['close Q4'], values: ['speed'] } },
    progress: [{ goal: 'g1', value: 150, status: 'on-track', note: 'two deals' }, { goal: 'gone', note: 'goal since removed' }],
    // No `session:`: the review is about the earliest session with that action id, as openActions reads it.
    action_reviews: [{ action: 'a1', status: 'done', note: 'booked for Tuesday' }],
    changes: { goals: ['g1'], rubric: true },
  },
];

const input: ExportInput = {
  config,
  goals: [{ id: 'g1', title: 'Pipeline', baseline: 100, target: 200 }],
  rubric: null,
  sessions,
  history: null,
  today: '2026-11-20',
};

describe('the story of a session', () => {
  const doc = buildExport(input);
  const sync = doc.sessions[0]!;

  it('holds every field of the session file, resolved for readers', () => {
    expect(sync.start).toBe('10:00');
    expect(sync.attendees.map((t) => [t.teamName, t.people])).toEqual([
      ['Sales', [{ name: 'Dana Kim', role: 'VP Sales' }]],
      ['Other', [{ name: 'Pat Lee', role: 'guest speaker' }]],
    ]);
    expect(sync.teamGoals).toEqual([
      { team: 'sales', teamName: 'Sales', goals: ['close Q4'], values: ['speed'] },
      { team: 'marketing', teamName: 'Marketing', goals: [], values: ['test and learn'] },
      { team: 'partners', teamName: 'partners', goals: ['co-sell'], values: [] },
    ]);
    expect(sync.progress).toEqual([
      { goal: 'g1', goalTitle: 'Pipeline', value: 150, status: 'on-track', note: 'two deals' },
      { goal: 'gone', goalTitle: null, value: null, status: null, note: 'goal since removed' },
    ]);
    expect(sync.actionReviews).toEqual([{ session: 's1', action: 'a1', title: 'Book the room', owner: 'Dana Kim', status: 'done', note: 'booked for Tuesday' }]);
    expect(sync.changes).toEqual({ goals: [{ id: 'g1', title: 'Pipeline' }], rubric: true, teams: false });
    expect(doc.sessions[1]!.closedActions).toEqual([
      { id: 'a1', title: 'Book the room', owner: 'Dana Kim', team: 'sales', teamName: 'Sales', due: null, status: 'done', note: null },
      { id: 'a4', title: 'Order lunch', owner: null, team: 'marketing', teamName: 'Marketing', due: null, status: 'done', note: null },
    ]);
    expect(doc.openActions.flatMap((g) => g.actions).map((a) => [a.id, a.note, a.teamName])).toEqual([['a2', 'PDF, not slides', null], ['a3', null, 'Marketing']]);
  });

  it('is told in Markdown, section by section', () => {
    const md = exportMarkdown(doc);
    const part = md.slice(md.indexOf('### 2026-11-01'), md.indexOf('### 2026-10-01'));
    expect(part).toBe(
      [
        '### 2026-11-01 · s2',
        '',
        '**Template:** sync · **Session:** s2 · **Started:** 10:00',
        '',
        '**Attendees**',
        '',
        '- Sales: Dana Kim (VP Sales)',
        '- Other: Pat Lee (guest speaker)',
        '',
        '**Each team in its own words**',
        '',
        '- **Sales**',
        '  - Goal: close Q4',
        '  - Value: speed',
        '- **Marketing**',
        '  - Value: test and learn',
        '- **partners**',
        '  - Goal: co-sell',
        '',
        '**Progress on shared goals**',
        '',
        '| Shared goal | Value reported | Status | Note |',
        '|---|--:|---|---|',
        '| Pipeline | 150 | on-track | two deals |',
        '| gone | — | — | goal since removed |',
        '',
        '**Earlier actions reviewed**',
        '',
        '| Action | Owner | Set in session | Now | Note |',
        '|---|---|---|---|---|',
        '| Book the room | Dana Kim | s1 | done | booked for Tuesday |',
        '',
        '**The agenda as it ran**',
        '',
        '- **Last time** · 10 of 10 minutes',
        '- **Lead feedback** · 22 of 15 minutes (7 over)',
        '  - too many students',
        '- **extra**',
        '  - asked for a dashboard',
        '- **Quick one** · 1 of 10 minutes',
        '',
        '**Changed in this session:** the shared goal *Pipeline*; the lead definition (rubric.yaml).',
        '',
        '',
      ].join('\n'),
    );
    expect(md).toContain('| — | Send the deck — PDF, not slides | s1 | open, no due date |');
    // An action no one owns is the team's: said where the owner would be.
    expect(md).toContain('| — | Pick a venue (for Marketing) | s1 | open, no due date |');
    expect(md).toContain('| Order lunch | Marketing (team) | — | done | — |');
  });

  it('says nothing of a story a session file does not hold', () => {
    const md = exportMarkdown(doc);
    const kickoff = md.slice(md.indexOf('### 2026-10-01'), md.indexOf('## Rubric changelog'));
    for (const heading of ['Each team', 'Progress on', 'Earlier actions', 'The agenda as it ran', 'Changed in this session', 'Started']) expect(kickoff).not.toContain(heading);
  });
});
