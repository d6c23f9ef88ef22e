import Mustache from 'mustache';
import { InputError, type Problem } from '../errors.js';
import type { Template } from '../schemas/template.js';
import { formatPath, parseWithPositions } from '../yaml/locate.js';
import { sourceTextOf } from './source-text.js';
import type { PlaceholderView } from './view.js';

export type { PlaceholderView } from './view.js';

type Path = (string | number)[];

/** Every text of a template that may hold placeholders, with its data path. */
function textFields(t: Template): { path: Path; text: string }[] {
  const out: { path: Path; text: string }[] = [{ path: ['title'], text: t.title }];
  if (t.description !== undefined) out.push({ path: ['description'], text: t.description });
  t.sections.forEach((s, i) => {
    out.push({ path: ['sections', i, 'title'], text: s.title });
    if (s.purpose !== undefined) out.push({ path: ['sections', i, 'purpose'], text: s.purpose });
    if (s.lead !== undefined) out.push({ path: ['sections', i, 'lead'], text: s.lead });
    for (const [j, p] of s.prompts.entries()) out.push({ path: ['sections', i, 'prompts', j], text: p });
  });
  return out;
}

/**
 * The template with its placeholders filled in from the view. Logic-less on purpose:
 * only `{{name}}` and `{{a.b.c}}` are allowed, nothing is HTML-escaped (the output is
 * plain text; Markdown output escapes its own way), and a name the view does not have
 * is an error at the template's file and line, never an empty string.
 * `text` is the template's YAML source; by default the one its loader remembered.
 */
export function renderPlaceholders(template: Template, view: PlaceholderView, file: string, text = sourceTextOf(template)): Template {
  const flat = flatten(view);
  const problems: PlaceholderProblem[] = [];
  const rendered = new Map<string, string>();
  for (const field of textFields(template)) {
    const found = checkTokens(field.text, flat);
    if (found.length) problems.push(...found.map((f) => ({ ...f, path: field.path, text: field.text })));
    else rendered.set(JSON.stringify(field.path), Mustache.render(field.text, flat, {}, { escape: String }));
  }
  if (problems.length) throw new InputError(locate(problems, file, text), `placeholders a template may use: ${knownNames(flat).map((n) => `{{${n}}}`).join(', ')}`);
  const get = (path: Path, fallback: string) => rendered.get(JSON.stringify(path)) ?? fallback;
  return {
    ...template,
    title: get(['title'], template.title),
    ...(template.description !== undefined ? { description: get(['description'], template.description) } : {}),
    sections: template.sections.map((s, i) => ({
      ...s,
      title: get(['sections', i, 'title'], s.title),
      ...(s.purpose !== undefined ? { purpose: get(['sections', i, 'purpose'], s.purpose) } : {}),
      ...(s.lead !== undefined ? { lead: get(['sections', i, 'lead'], s.lead) } : {}),
      prompts: s.prompts.map((p, j) => get(['sections', i, 'prompts', j], p)),
    })),
  };
}

interface TokenProblem {
  tag: string; // the placeholder as written, to find it in the file
  at: number; // its offset in the field's text
  message: string;
}
interface PlaceholderProblem extends TokenProblem {
  path: Path;
  text: string;
}

type Flat = Record<string, unknown>;

/** The view with lists written out as text, since a list in a sentence reads "Dana Kim, Lee Park". */
function flatten(value: unknown): Flat {
  if (Array.isArray(value)) return value.join(', ') as unknown as Flat;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, flatten(v)]));
  return value as Flat;
}

function checkTokens(text: string, view: Flat): TokenProblem[] {
  let tokens: unknown[][];
  try {
    tokens = Mustache.parse(text) as unknown[][];
  } catch (e) {
    const at = Number(/at (\d+)/.exec((e as Error).message)?.[1] ?? 0);
    return [{ tag: text.slice(at, at + 2) === '{{' ? '{{' : '', at, message: `broken placeholder: ${(e as Error).message}` }];
  }
  const out: TokenProblem[] = [];
  for (const [type, name, start, end] of tokens as [string, string, number, number][]) {
    const tag = text.slice(start, end);
    if (type === 'text' || type === '!') continue;
    if (type !== 'name' && type !== '&') {
      out.push({ tag, at: start, message: `${tag} is not allowed: templates use plain placeholders such as {{organization}}, without sections, partials or delimiter changes` });
      continue;
    }
    const value = lookup(view, name);
    if (value === undefined || value === null) out.push({ tag, at: start, message: `unknown placeholder ${tag}` });
    else if (typeof value === 'object') out.push({ tag, at: start, message: `${tag} names a group of values, not one: pick one inside it, such as {{${name}.${Object.keys(value)[0] ?? 'name'}}}` });
  }
  return out;
}

function lookup(view: Flat, name: string): unknown {
  let v: unknown = view;
  for (const key of name.split('.')) {
    if (!v || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Flat)[key];
  }
  return v;
}

function knownNames(view: Flat, prefix = ''): string[] {
  return Object.entries(view).flatMap(([k, v]) => (v && typeof v === 'object' ? knownNames(v as Flat, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/** Places each problem at the placeholder in the YAML text, or at its field when the text is unknown. */
function locate(problems: PlaceholderProblem[], file: string, text: string | undefined): Problem[] {
  const parsed = text === undefined ? undefined : parseWithPositions(file, text);
  return problems.map((p) => {
    const where = formatPath(p.path);
    const message = `${where}: ${p.message}`;
    if (!parsed || text === undefined) return { file, message };
    const node = parsed.doc.getIn(p.path, true) as { range?: [number, number, number] } | undefined;
    const range = node?.range;
    if (!range) return { file, message };
    const raw = text.slice(range[0], range[1]);
    const i = p.tag ? raw.indexOf(p.tag) : -1;
    const pos = parsed.lines.linePos(range[0] + Math.max(i, 0));
    return { file, line: pos.line, col: pos.col, message };
  });
}
