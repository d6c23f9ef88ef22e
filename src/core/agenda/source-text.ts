import type { Template } from '../schemas/template.js';

// Templates are plain data (the schema's type), but an error in one should name the line
// of its YAML file; the loader remembers each template's text here, without changing the type.
const texts = new WeakMap<Template, string>();

export function rememberSourceText(template: Template, text: string): void {
  texts.set(template, text);
}

export function sourceTextOf(template: Template): string | undefined {
  return texts.get(template);
}
