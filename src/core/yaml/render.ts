import { isCollection, isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node } from 'yaml';
import { YAML_OPTIONS } from './locate.js';
import { deepEqual, spliceYaml } from './splice.js';
import { WRITE_OPTIONS, WRITE_VERSION } from './write-options.js';

const MODELINE = /^\s*yaml-language-server:\s*\$schema=/;

/** The comment that tells editors (yaml-language-server) which JSON Schema a file follows: a URL, or a path relative to the file. */
export function modeline(schemaUrl: string): string {
  return `# yaml-language-server: $schema=${schemaUrl}`;
}

/** A new YAML file: the schema modeline, then the data. */
export function renderNewYaml(data: unknown, schemaUrl: string, note?: string): string {
  const head = [modeline(schemaUrl), ...(note ? note.split('\n').map((l) => `# ${l}`.trimEnd()) : [])].join('\n');
  return `${head}\n${stringify(data, WRITE_OPTIONS)}`;
}

/**
 * Applies new data to an existing YAML text, touching only what changed: the text of
 * everything else, its comments, spacing and style, stays byte for byte (splice.ts). List items that have
 * an `id` are matched by id, others by position.
 */
export function patchYaml(text: string, data: unknown, schemaUrl: string): string {
  const spliced = spliceYaml(text, data);
  // The splice is checked by reading it back; a shape it cannot edit in place is rendered by `yaml`.
  const out = spliced !== null && readsAs(spliced, data) ? spliced : rendered(text, data);
  return withModeline(out, schemaUrl);
}

function readsAs(text: string, data: unknown): boolean {
  const doc = parseDocument(text, { ...YAML_OPTIONS, keepSourceTokens: false });
  return !doc.errors.length && deepEqual(doc.toJS(), JSON.parse(JSON.stringify(data ?? null)));
}

/** The document rendered again by `yaml`: comments, key order and flow or block style kept, spacing normalised. */
function rendered(text: string, data: unknown): string {
  const doc = parseDocument(text, { ...YAML_OPTIONS, keepSourceTokens: false });
  doc.contents = patchNode(doc, doc.contents as Node | null, data) as typeof doc.contents;
  doc.setSchema(WRITE_VERSION);
  return doc.toString(WRITE_OPTIONS);
}

/**
 * The text with the modeline for `schema`: added when the comment lines that open it name no
 * schema; put in place of one that names the same schema file elsewhere (an older align's
 * address); left alone when it names another schema, which the person chose.
 */
function withModeline(text: string, schema: string): string {
  const lines = text.split('\n');
  const file = schema.slice(schema.lastIndexOf('/') + 1);
  for (const [i, line] of lines.entries()) {
    if (!line.startsWith('#')) break;
    if (!MODELINE.test(line.slice(1))) continue;
    const named = line.slice(line.indexOf('$schema=') + '$schema='.length).trim();
    if (named === schema || !named.endsWith(`/schemas/${file}`)) return text;
    lines[i] = modeline(schema);
    return lines.join('\n');
  }
  return `${modeline(schema)}\n${text}`;
}

function patchNode(doc: Document, node: Node | null | undefined, value: unknown): unknown {
  if (value === undefined) return undefined;
  // A starter's `goals: []` that now gets content is written out in block style.
  if (isCollection(node) && node.flow && node.items.length === 0 && !isEmpty(value)) return doc.createNode(value);
  if (isPlainObject(value) && isMap(node)) {
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const old = node.get(k, true) as Node | undefined;
      if (old === undefined) node.set(k, doc.createNode(v));
      else node.set(k, patchNode(doc, old, v));
    }
    for (const pair of [...node.items]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (!(key in value) || (value as Record<string, unknown>)[key] === undefined) node.delete(pair.key);
    }
    return node;
  }
  if (Array.isArray(value) && isSeq(node)) {
    const byId = new Map<string, Node>();
    for (const item of node.items) {
      if (isMap(item)) {
        const id = item.get('id');
        if (typeof id === 'string') byId.set(id, item as Node);
      }
    }
    node.items = value.map((v, i) => {
      const old = isPlainObject(v) && typeof v.id === 'string' ? byId.get(v.id) : byId.size === 0 ? (node.items[i] as Node | undefined) : undefined;
      return (old ? patchNode(doc, old, v) : doc.createNode(v)) as Node;
    });
    return node;
  }
  if (isScalar(node) && (value === null || typeof value !== 'object')) {
    if (node.value !== value) node.value = value;
    return node;
  }
  return doc.createNode(value);
}

function isEmpty(v: unknown): boolean {
  if (Array.isArray(v)) return v.length === 0;
  return isPlainObject(v) ? Object.keys(v).length === 0 : true;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
