import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError, UserError } from '../../../src/core/errors.js';
import { getTemplate, listTemplates } from '../../../src/adapters/workspace/templates.js';
import { renderPlaceholders } from '../../../src/core/agenda/placeholders.js';
import { placeholderView } from '../../../src/core/agenda/view.js';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function workspace(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'align-templates-'));
  mkdirSync(join(dir, 'templates'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'templates', name), text);
  return dir;
}

const tpl = (id: string, title = 'T') => `id: ${id}\ntitle: ${title}\nsections:\n  - { id: a, title: A, minutes: 30, capture: notes }\n`;

describe('template loading', () => {
  it('adds workspace templates, overrides built-ins by id (not by file name), and ignores other files', () => {
    const root = workspace({ 'my-sync.yaml': tpl('sync', 'Ours'), 'retro.yml': tpl('retro'), 'notes.txt': 'not a template', '.hidden.yaml': 'x: [' });
    const all = listTemplates(root);
    expect(all.map((e) => `${e.template.id}:${e.source}`)).toEqual(['exchange:built-in', 'future:built-in', 'kickoff:built-in', 'lead-definition:built-in', 'retro:workspace', 'sync:workspace']);
    expect(getTemplate(root, 'sync')).toMatchObject({ source: 'workspace', file: join('templates', 'my-sync.yaml'), template: { title: 'Ours' } });
  });

  it('refuses two workspace templates with one id', () => {
    const root = workspace({ 'a.yaml': tpl('sync'), 'b.yaml': tpl('sync') });
    expect(() => listTemplates(root)).toThrow(UserError);
    expect(() => listTemplates(root)).toThrow(/two workspace templates have the id "sync": templates\/a\.yaml and templates\/b\.yaml/);
  });

  it('reports a duplicate section id at its line', () => {
    const root = workspace({ 'x.yaml': 'id: x\ntitle: X\nsections:\n  - { id: a, title: A, minutes: 5, capture: notes }\n  - { id: a, title: B, minutes: 5, capture: notes }\n' });
    try {
      listTemplates(root);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).problems[0]).toMatchObject({ file: join('templates', 'x.yaml'), line: 5 });
    }
  });

  it.each([
    ['99999999999', 4, 33, 'sections[0].minutes: expected at most 1440 minutes (a day) for a section'],
    ['1e300', 4, 33, 'sections[0].minutes: expected at most 1440 minutes (a day) for a section'],
    ['1441', 4, 33, 'sections[0].minutes: expected at most 1440 minutes (a day) for a section'],
    ['-1e300', 4, 33, 'sections[0].minutes: expected a whole number of minutes above 0'],
  ])('a section of %s minutes is refused at its line and column, with one problem', (minutes, line, col, message) => {
    const root = workspace({ 'x.yaml': `id: x\ntitle: X\nsections:\n  - { id: a, title: A, minutes: ${minutes}, capture: notes }\n` });
    expect(() => listTemplates(root)).toThrow(InputError);
    try {
      listTemplates(root);
    } catch (e) {
      expect((e as InputError).problems).toHaveLength(1);
      expect((e as InputError).problems[0]).toMatchObject({ file: join('templates', 'x.yaml'), line, col, message });
    }
  });

  it('a template lasts at most a day in all: 1440 minutes are taken, 1441 refused at the list of sections', () => {
    const sections = (a: number, b: number) => `sections:\n  - { id: a, title: A, minutes: ${a}, capture: notes }\n  - { id: b, title: B, minutes: ${b}, capture: notes }\n`;
    expect(getTemplate(workspace({ 'x.yaml': `id: x\ntitle: X\n${sections(720, 720)}` }), 'x').template.sections).toHaveLength(2);
    try {
      listTemplates(workspace({ 'y.yaml': `id: y\ntitle: Y\n${sections(720, 721)}` }));
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).problems).toHaveLength(1);
      expect((e as InputError).problems[0]).toMatchObject({ file: join('templates', 'y.yaml'), line: 4, col: 3, message: 'sections: the sections add up to 1441 minutes; a workshop lasts at most 1440 minutes (a day)' });
    }
  });

  it('an unknown id is a usage error that lists the known ids', () => {
    expect(() => getTemplate(null, 'nope')).toThrow(/no template "nope"; known templates: exchange, future, kickoff, lead-definition, sync/);
  });

  it('a loaded workspace template remembers its text, so placeholder errors have a line', () => {
    const root = workspace({ 'x.yaml': 'id: x\ntitle: X\nsections:\n  - id: a\n    title: A\n    minutes: 5\n    capture: notes\n    purpose: "for {{nobody}}"\n' });
    const e = getTemplate(root, 'x');
    expect(() => renderPlaceholders(e.template, placeholderView(null, { date: '2026-12-01' }), e.file)).toThrow(/templates\/x\.yaml:8:19: sections\[0\]\.purpose: unknown placeholder \{\{nobody\}\}/);
  });
});
