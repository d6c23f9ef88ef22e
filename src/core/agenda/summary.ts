import type { Template } from '../schemas/template.js';
import { renderPlaceholders } from './placeholders.js';
import type { PlaceholderView } from './view.js';

/** A template's length: the sum of its sections' timeboxes. */
export function totalMinutes(t: Template): number {
  return t.sections.reduce((n, s) => n + s.minutes, 0);
}

/**
 * The template as an agenda shows it, placeholders filled, for lists and pickers; as written
 * when its placeholders are broken (the commands that render it for use say where).
 */
export function shownTemplate(t: Template, file: string, view: PlaceholderView): Template {
  try {
    return renderPlaceholders(t, view, file);
  } catch {
    return t;
  }
}
