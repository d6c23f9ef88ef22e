import input from '@inquirer/input';
import select from '@inquirer/select';
import type { Context } from '../../../adapters/context.js';
import type { TemplateSection, Template } from '../../../core/schemas/template.js';
import type { SectionAnswer } from '../../../core/workshop/types.js';
import { terminalSafe as t } from '../../../core/text/terminal.js';
import type { Asker, SectionMenu } from './asker.js';
import type { MenuExtra } from './room-menu.js';

/** Leaving a section from its menu: skipped (nothing captured) or parked whole for the next sync. */
class LeaveSection extends Error {
  constructor(readonly how: 'skipped' | 'parked') {
    super(`section ${how}`);
    this.name = 'LeaveSection';
  }
}

/** The section being run: its answer, and the notes and parked topics a capture step must not drop. */
export interface MenuTarget {
  section: TemplateSection;
  answer: SectionAnswer;
  kept: { notes: string[]; parked: string[] };
}

export function menuTarget(section: TemplateSection, answer: SectionAnswer): MenuTarget {
  return { section, answer, kept: { notes: [...(answer.notes ?? [])], parked: [...(answer.parked ?? [])] } };
}

/** What the section header says comes after this section, and how to reach the menu. */
export function nextLines(template: Template, index: number): string[] {
  const next = template.sections[index + 1];
  return [
    next ? `next: ${index + 2}/${template.sections.length} ${t(next.title)} (${next.minutes} min)` : 'next: the summary',
    'Ctrl-O at any question: add a note, park a topic, skip or park this section',
  ];
}

/** The menu Ctrl-O opens in a section; a note or a parked topic is saved with the draft at once. `extra` adds entries (the room's). */
export function sectionMenu(ctx: Context, current: () => MenuTarget | undefined, save: () => void, print: (s: string) => void, extra?: () => MenuExtra | undefined): SectionMenu {
  const io = { output: ctx.stderr, clearPromptOnDone: false } as const;
  return {
    enabled: () => current() !== undefined,
    async open() {
      const c = current();
      if (!c) return;
      const choice = await select<string>(
        {
          message: `Section menu: ${t(c.section.title)}`,
          choices: [
            ...(extra?.()?.choices(c.section) ?? []),
            ...(c.section.capture === 'notes' ? [] : [{ name: 'Add a note to this section', value: 'note' }]),
            { name: 'Park a topic for the next sync', value: 'park' },
            { name: 'Skip this section (nothing captured)', value: 'skip' },
            { name: 'Park this section for the next sync', value: 'park-section' },
            { name: 'Back to the question', value: 'back' },
          ],
        },
        io,
      );
      if (await extra?.()?.run(choice, c.section)) return;
      if (choice === 'skip') throw new LeaveSection('skipped');
      if (choice === 'park-section') throw new LeaveSection('parked');
      if (choice === 'back') return;
      const note = choice === 'note';
      const text = (await input({ message: note ? 'Note for this section (empty to cancel)' : 'Topic to park for the next sync (empty to cancel)' }, io)).trim();
      if (!text) return;
      const key = note ? 'notes' : 'parked';
      c.kept[key].push(text);
      c.answer[key] = [...(c.answer[key] ?? []), text];
      save();
      print(note ? `noted in ${c.section.title}` : `parked: ${text}`);
    },
  };
}

/**
 * Runs a section's capture step with its menu. Left from the menu, the section keeps only its
 * notes, parked topics and time, and says how it was left; otherwise a note or a topic added from
 * the menu is kept even when the capture step rewrote its answer.
 */
export async function runSection(run: () => Promise<void>, target: MenuTarget, ask: Asker): Promise<void> {
  const { answer, kept, section } = target;
  delete answer.status; // run again (edited from the summary): no longer skipped
  try {
    await run();
  } catch (e) {
    if (!(e instanceof LeaveSection)) throw e;
    ask.done();
    for (const k of Object.keys(answer)) delete answer[k];
    Object.assign(answer, { status: e.how, ...(kept.notes.length ? { notes: kept.notes } : {}), ...(kept.parked.length ? { parked: kept.parked } : {}) });
    return;
  }
  if (answer.parked === undefined && kept.parked.length) answer.parked = kept.parked;
  if (section.capture !== 'notes' && answer.notes === undefined && kept.notes.length) answer.notes = kept.notes;
}
