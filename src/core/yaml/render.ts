import { isCollection, isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node } from 'yaml';
import { YAML_OPTIONS } from './locate.js';
import { deepEqual, spliceYaml } from './splice.js';

const MODELINE = /^\s*yaml-language-server:\s*\$schema=/;

export function modeline(schemaUrl: string): string {
  return `# yaml-language-server: $schema=${schemaUrl}`;
}

/** A new YAML file: the schema modeline, then the data. */
export function renderNewYaml(data: unknown, schemaUrl: string, note?: string): string {
  const head = [modeline(schemaUrl), ...(note ? note.split('\n').map((l) => `# ${l}`.trimEnd()) : [])].join('\n');
  return `${head}\n${stringify(data, { lineWidth: 0 })}`;
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
  return hasModeline(out) ? out : `${modeline(schemaUrl)}\n${out}`;
}

function readsAs(text: string, data: unknown): boolean {
  const doc = parseDocument(text, { ...YAML_OPTIONS, keepSourceTokens: false });
  return !doc.errors.length && deepEqual(doc.toJS(), JSON.parse(JSON.stringify(data ?? null)));
}

/** The document rendered again by `yaml`: comments, key order and flow or block style kept, spacing normalised. */
function rendered(text: string, data: unknown): string {
  const doc = parseDocument(text, { ...YAML_OPTIONS, keepSourceTokens: false });
  doc.contents = patchNode(doc, doc.contents as Node | null, data) as typeof doc.contents;
  return doc.toString({ lineWidth: 0 });
}

/** Whether the comment lines that open a file already name a schema. */
function hasModeline(text: string): boolean {
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) return false;
    if (MODELINE.test(line.slice(1))) return true;
  }
  return false;
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
