import checkbox from '@inquirer/checkbox';
import input from '@inquirer/input';
import select from '@inquirer/select';
import type { Context } from '../../../adapters/context.js';
import type { RoomHandle } from '../../../adapters/room/types.js';
import type { AcceptedAs, Contribution, Vote } from '../../../core/room/model.js';
import type { TemplateSection } from '../../../core/schemas/template.js';
import { terminalSafe as t } from '../../../core/text/terminal.js';
import { tally } from '../../../core/workshop/room.js';
import { parseNumber } from '../../../core/workshop/fields.js';
import { ROOM_LIMITS } from '../../../core/room/limits.js';

/** Entries a section menu adds, and what each does when picked. */
export interface MenuExtra {
  choices(section: TemplateSection): { name: string; value: string }[];
  /** Runs the entry picked; false when it is not one of these. */
  run(value: string, section: TemplateSection): Promise<boolean>;
}

const AS: { name: string; value: AcceptedAs }[] = [
  { name: 'a note of this section', value: 'note' },
  { name: 'a decision', value: 'decision' },
  { name: 'an action', value: 'action' },
  { name: 'a criterion to define (offered when criteria are added)', value: 'criterion' },
];

/** A contribution as a line of a list: who, and the start of what they wrote, on one line. */
function contributionLine(c: Pick<Contribution, 'author' | 'text'>, max = 70): string {
  const text = c.text.replace(/\s+/g, ' ').trim();
  return t(`${c.author}: ${text.length > max ? `${text.slice(0, max - 1)}…` : text}`);
}

/** A vote's tally, most dots first, as lines. */
function tallyLines(v: Vote): string[] {
  return tally(v)
    .sort((a, b) => b.votes - a.votes)
    .map((c) => t(`  ${String(c.votes).padStart(3)}  ${c.text.replace(/\s+/g, ' ').trim()}`));
}

/**
 * The room's entries in the section menu: accept a contribution into the capture (as a note,
 * a decision, an action or a criterion to define), open a vote on the section's contributions
 * with a budget of dots, and close it to see the tally. `changed` saves the draft and refreshes the board.
 */
export function roomMenu(ctx: Context, room: RoomHandle, changed: () => void, print: (s: string) => void): MenuExtra {
  const io = { output: ctx.stderr, clearPromptOnDone: false } as const;
  const ofSection = (section: TemplateSection) => room.snapshot().contributions.filter((c) => c.section === section.id);
  const openVote = () => room.snapshot().votes.find((v) => v.open);
  return {
    choices(section) {
      const all = ofSection(section);
      const waiting = all.filter((c) => !c.accepted).length;
      const open = openVote();
      return [
        ...(waiting ? [{ name: `Room: accept a contribution into the capture (${waiting} not accepted)`, value: 'room-accept' }] : []),
        ...(open ? [{ name: `Room: close the vote and show the tally`, value: 'room-close' }] : all.length ? [{ name: 'Room: open a vote on this section\'s contributions', value: 'room-vote' }] : []),
      ];
    },
    async run(value, section) {
      if (value === 'room-accept') {
        const waiting = ofSection(section).filter((c) => !c.accepted);
        const id = await select<string>({ message: 'Which contribution?', choices: [...waiting.map((c) => ({ name: contributionLine(c), value: c.id })), { name: 'Back to the question', value: '' }], pageSize: 12 }, io);
        if (!id) return true;
        const as = await select<AcceptedAs | ''>({ message: 'Accept it as', choices: [...AS, { name: 'Back to the question', value: '' as const }] }, io);
        if (!as) return true;
        room.accept(id, as);
        changed();
        const c = waiting.find((x) => x.id === id)!;
        print(`accepted as ${AS.find((a) => a.value === as)!.name.replace(/ \(.*\)$/, '')}: ${c.text}`);
        return true;
      }
      if (value === 'room-vote') {
        const all = ofSection(section);
        const picked = await checkbox<string>({ message: 'Which contributions go to the vote? (space toggles)', choices: all.map((c) => ({ name: contributionLine(c), value: c.id, checked: true })), pageSize: 12, validate: (ticked) => (ticked.length === 0 ? 'pick at least one' : ticked.length > ROOM_LIMITS.candidates ? `at most ${ROOM_LIMITS.candidates} in one vote` : true) }, io);
        const dots = (s: string) => parseNumber(s) ?? Number.NaN;
        const budget = dots(await input({ message: 'Dots per participant', default: '3', validate: (s) => (Number.isInteger(dots(s)) && dots(s) >= 1 && dots(s) <= ROOM_LIMITS.budget ? true : `a whole number from 1 to ${ROOM_LIMITS.budget}`) }, io));
        const vote = room.openVote(all.filter((c) => picked.includes(c.id)).map((c) => ({ id: c.id, text: c.text })), budget);
        changed();
        print(`voting is open: ${vote.candidates.length} candidate${vote.candidates.length === 1 ? '' : 's'}, ${budget} dot${budget === 1 ? '' : 's'} each (Ctrl-O closes it)`);
        return true;
      }
      if (value === 'room-close') {
        const vote = room.closeVote();
        changed();
        if (vote) print(['voting closed; the tally:', ...tallyLines(vote)].join('\n'));
        return true;
      }
      return false;
    },
  };
}
