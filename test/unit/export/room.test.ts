import { describe, expect, it } from 'vitest';
import { buildExport } from '../../../src/core/export/build.js';
import { exportMarkdown } from '../../../src/core/export/markdown.js';
import type { Session } from '../../../src/core/schemas/session.js';

const session: Session = {
  id: '2026-11-27-kickoff', template: 'kickoff', date: '2026-11-27',
  sections: [{ id: 'day', title: 'A day in the other team', minutes_planned: 15, minutes_used: 15 }, { id: 'ideas', title: 'Ideas' }],
  room: {
    participants: [{ name: 'Dana Kim' }, { name: 'Pat <b>Guest</b>', guest: true }],
    contributions: [
      { section: 'day', author: 'Dana Kim', text: 'They answer chat all day', at: '2026-11-27T10:01:00Z', accepted: 'note' },
      { section: 'ideas', author: 'Pat <b>Guest</b>', text: 'A shared dashboard\nwith *stars*', at: '2026-11-27T10:05:00Z' },
      { section: 'day', author: 'Dana Kim', text: 'Call lists on Mondays', at: '2026-11-27T10:06:00Z', accepted: 'decision' },
    ],
    votes: [{ section: 'ideas', budget: 3, voters: 2, candidates: [{ text: 'Dashboard', votes: 1 }, { text: 'Joint reviews | weekly', votes: 5 }] }],
  },
};

describe('the room in the export', () => {
  const doc = buildExport({ config: { organization: 'Acme', teams: {} }, goals: [], rubric: null, sessions: [session, { id: 'plain', template: 'sync', date: '2026-11-20' }], history: null, today: '2026-11-28' });

  it('as data: participants, contributions with their section’s title, votes most dots first', () => {
    const room = doc.sessions[0]!.room!;
    expect(room.participants).toEqual([{ name: 'Dana Kim', guest: false }, { name: 'Pat <b>Guest</b>', guest: true }]);
    expect(room.contributions.map((c) => [c.sectionTitle, c.author, c.accepted])).toEqual([['A day in the other team', 'Dana Kim', 'note'], ['Ideas', 'Pat <b>Guest</b>', null], ['A day in the other team', 'Dana Kim', 'decision']]);
    expect(room.votes[0]!.candidates).toEqual([{ text: 'Joint reviews | weekly', votes: 5 }, { text: 'Dashboard', votes: 1 }]);
    expect(doc.sessions[1]!.room).toBeNull();
  });

  it('in Markdown: by section, with authors, escaped; each vote as a table', () => {
    const md = exportMarkdown(doc);
    const part = md.slice(md.indexOf('**From the room**'), md.indexOf('### 2026-11-20'));
    expect(part).toBe(
      [
        '**From the room** · 2 participants (1 guest)',
        '',
        '- *A day in the other team*',
        '  - Dana Kim: They answer chat all day (accepted as a note)',
        '  - Dana Kim: Call lists on Mondays (accepted as a decision)',
        '- *Ideas*',
        '  - Pat \\<b\\>Guest\\</b\\>: A shared dashboard with \\*stars\\*',
        '',
        '**Vote in Ideas** · 3 dots each, 2 voters',
        '',
        '| Candidate | Dots |',
        '|---|--:|',
        '| Joint reviews \\| weekly | 5 |',
        '| Dashboard | 1 |',
        '',
        '',
      ].join('\n'),
    );
  });
});
