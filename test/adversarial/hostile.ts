import fc from 'fast-check';
import { stringify } from 'yaml';
import { tempRepo, type TempRepo } from '../helpers/workspace.js';

/**
 * Hostile text for every place a workspace, a template, a CSV or git lets people write, and a
 * workspace built from it. The text is generated (fast-check, fixed seed): pieces that attack a
 * terminal (escape sequences, C0 and C1 controls, DEL), Markdown and HTML (headings, lists,
 * tables, links, <img onerror>), the reading order (bidirectional overrides and isolates), and
 * very long text, mixed with any other Unicode.
 */
const PIECES = [
  '\x1b]0;PWNED\x07', // retitles the window
  '\x1b[2J\x1b[H', // clears the screen
  '\x1b[31;5m', // blinking red
  '\x1b[6n', // asks the terminal to answer on stdin
  '\x1bP+q\x1b\\', // a device control string
  '\u009b2J', // CSI as one C1 character
  '\u009d0;PWNED\u009c', // OSC as C1 characters
  '\u0085', // next line
  '\r', '\b', '\x00', '\x7f', '\t', '\v', '\f',
  '\n', '\r\n', '\u2028', '\u2029',
  '\n# Not a heading', '\n## Not a heading either', '\n<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '<b>bold</b>',
  '| a | b |', '\n|---|---|', '`', '```', '**', '_x_', '~~', '[link](javascript:alert(1))', '![img](x.png)', '<http://example.com>',
  'www.example.com', 'a@b.co', '&amp;', '&#x1b;', '\n- item', '\n1. item', '\n> quote', '\n---', '\n    code', '  ', '\\',
  '\u202eevil\u202c', '\u2066isolated\u2069', '\u200f', '\ufeff',
  'Dana Kim', 'Équipe Nord', '営業', '💥', '{{organization}}',
  'x'.repeat(3000),
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  // Any code point but half a surrogate pair, which no file can hold.
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }).map((s) => s.replace(/\p{Cs}/gu, '?')) },
);

const hostileText = fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''));

/** Every place the workspace below puts a text. */
const FIELDS = [
  'org', 'salesName', 'marketingName', 'memberA', 'memberB', 'memberC', 'facilitator',
  'goalTitle', 'goalMetric', 'sessionTitle', 'sessionId', 'decision', 'actionTitle', 'actionId', 'actionNote', 'note',
  'criterionLabel', 'criterionWhy', 'stageLabel', 'testName', 'approver', 'value',
  'templateTitle', 'sectionTitle', 'purpose', 'prompt', 'lead', 'description',
  'field', 'outcome', 'lead1', 'lead2', 'author', 'subject', 'rubricName',
] as const;

export type Texts = Record<(typeof FIELDS)[number], string>;

/**
 * `count` sets of texts, one per field. Each starts with its own marker (`Q7q`), so that texts
 * are never empty, never equal, and can be found again in the output.
 */
export function hostileTexts(count: number, seed: number): Texts[] {
  const all = fc.sample(hostileText, { numRuns: count * FIELDS.length, seed });
  return Array.from({ length: count }, (_, set) => Object.fromEntries(FIELDS.map((f, i) => [f, `Q${i}q${all[set * FIELDS.length + i]}`])) as Texts);
}

/** The same fields with plain words: the shape every output must keep whatever the text. */
export function plainTexts(): Texts {
  return Object.fromEntries(FIELDS.map((f, i) => [f, `Q${i}q plain`])) as Texts;
}

const csvCell = (v: string) => `"${v.replace(/"/g, '""')}"`;

/** git keeps neither a NUL nor, in a name, a line break. */
const gitText = (s: string, oneLine: boolean) => s.replace(oneLine ? /[\0\r\n]/g : /\0/g, ' ');

function rubric(x: Texts, v2: boolean) {
  return {
    name: x.rubricName,
    ...(v2 ? { approved_by: { sales: x.approver } } : {}),
    stages: [{ id: 'mql', min: 10, ...(v2 ? { label: x.stageLabel } : {}) }, { id: 'sql', min: 1000 }],
    criteria: [
      { id: 'size', label: v2 ? x.criterionLabel : 'Size', when: { field: 'employees', op: 'gte', value: 200 }, points: v2 ? 5 : 20, why: v2 ? x.criterionWhy : 'Why' },
      { id: 'signal', when: { field: x.field, op: 'eq', value: x.value }, points: 5, why: x.criterionWhy },
    ],
    tests: [{ name: x.testName, lead: { employees: 500, [x.field]: x.value }, expect: 'sql' }],
  };
}

/**
 * A workspace (in a git repository) holding the texts everywhere: align.yaml, goals, a session,
 * a template, two committed versions of the rubric (by a hostile author, with a hostile subject),
 * a CSV of leads with hostile headers and ids, and an answers file for `workshop --answers`.
 */
export async function hostileWorkspace(x: Texts): Promise<TempRepo> {
  const repo = await tempRepo();
  repo.write('align.yaml', stringify({
    organization: x.org,
    teams: { sales: { name: x.salesName, members: [x.memberA, x.memberB] }, marketing: { name: x.marketingName, members: [x.memberC] } },
    defaults: { facilitator: x.facilitator },
  }));
  repo.write('goals.yaml', stringify({ goals: [{ id: 'pipeline', title: x.goalTitle, metric: x.goalMetric, due: '2026-11-01', owners: ['sales'], status: 'at-risk' }] }));
  repo.write('sessions/2026-11-20-hostile.yaml', stringify({
    id: x.sessionId, template: 'hostile', title: x.sessionTitle, date: '2026-11-20', facilitator: x.facilitator,
    attendees: [{ name: x.memberA, team: 'sales', role: x.prompt }], sections: [{ id: 'a', title: x.sectionTitle, minutes_planned: 30, minutes_used: 35, notes: [x.note] }],
    team_goals: { sales: { goals: [x.purpose], values: [x.description] } }, progress: [{ goal: 'pipeline', value: 5, status: 'at-risk', note: x.value }],
    decisions: [x.decision],
    actions: [{ id: x.actionId, title: x.actionTitle, owner: x.memberB, due: '2026-11-25', status: 'open', note: x.actionNote }],
  }));
  repo.write('templates/hostile.yaml', stringify({
    id: 'hostile', title: x.templateTitle, description: x.description,
    sections: [
      { id: 'a', title: x.sectionTitle, minutes: 30, purpose: x.purpose, prompts: [x.prompt], lead: x.lead, capture: 'notes' },
      { id: 'b', title: 'Decisions', minutes: 15, capture: 'decisions', lead: 'marketing' },
      { id: 'c', title: 'Actions', minutes: 15, capture: 'actions', lead: 'sales' },
    ],
  }));
  repo.write('leads.csv', [['id', x.field, x.outcome, 'employees'], [x.lead1, 'yes', 'yes', '500'], [x.lead2, x.value, 'no', '50']].map((r) => r.map((c) => csvCell(gitText(c, false))).join(',')).join('\n'));
  repo.write('answers.yaml', stringify({
    template: 'hostile', date: '2026-11-27', facilitator: x.facilitator, attendees: [x.memberA, x.memberC],
    sections: { a: { notes: [x.note] }, b: { decisions: [x.decision] }, c: { actions: [{ title: x.actionTitle, owner: x.memberA, due: '2026-12-04' }] } },
  }));
  for (const v2 of [false, true]) {
    repo.write('rubric.yaml', stringify(rubric(x, v2)));
    await repo.git('add', '-A');
    await repo.git('-c', `user.name=${gitText(x.author, true)}`, 'commit', '-q', '-m', gitText(x.subject, false));
  }
  return repo;
}
