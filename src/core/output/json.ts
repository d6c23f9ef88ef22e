/**
 * The one convention of every JSON document align prints (docs/json-output.md): the first key
 * is `schema`, `align.<command>/<major>`; every key is snake_case, all the way down, except
 * inside the values a document declares as the user's own data (a map keyed by team id, a
 * value copied from rubric.yaml), which are written as they are.
 *
 * Models inside align keep their camelCase fields; the keys are converted here, at the output
 * boundary, and checked: a key that is still not snake_case is a bug in align, not output.
 */

/** What a document is: its schema id, and where in it the user's own data sits. */
export interface DocumentKind {
  /** `align.<command>/<major>`: a new major when a key is removed or renamed or changes meaning. */
  readonly schema: string;
  /**
   * Paths whose values are the user's own data: keys joined by dots, `*` for any list index
   * or key (`versions.*.signed_off_by`). Written as they are, their keys neither converted nor checked.
   */
  readonly userData?: readonly string[];
}

/** A key of the format. */
const OUTPUT_KEY = /^[a-z][a-z0-9_]*$/;

/** `fireRate` → `fire_rate`; a key that is snake_case already stays as it is. */
export function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Output keys by the key as written, each converted and checked once. */
const KEYS = new Map<string, string>();

/**
 * `value` with every key snake_case, except below the user-data paths; throws on a key that
 * is still not one. Objects and lists that need no change are returned as they are, not copied
 * (a lead record is converted once per lead). `at` is where `value` sits in its document.
 */
export function outputKeys(value: unknown, userData: readonly string[] = [], at: readonly string[] = []): unknown {
  const patterns = userData.map((p) => p.split('.'));
  const path = [...at];
  const isUserData = () => patterns.some((p) => p.length === path.length && p.every((s, i) => s === '*' || s === path[i]));
  const outputKey = (k: string): string => {
    let key = KEYS.get(k);
    if (key === undefined) {
      key = snakeCase(k);
      if (!OUTPUT_KEY.test(key)) throw new Error(`JSON output: the key ${JSON.stringify(k)} at ${[...path, k].join('.')} is not snake_case`);
      KEYS.set(k, key);
    }
    return key;
  };
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (patterns.length && isUserData()) return v;
    if (Array.isArray(v)) {
      path.push('*');
      let out: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const x = walk(v[i]);
        if (out) out.push(x);
        else if (x !== v[i]) {
          out = v.slice(0, i);
          out.push(x);
        }
      }
      path.pop();
      return out ?? v;
    }
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj);
    let out: Record<string, unknown> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const key = outputKey(k);
      path.push(key);
      const x = walk(obj[k]);
      path.pop();
      if (!out && (key !== k || x !== obj[k])) {
        out = {};
        for (let j = 0; j < i; j++) out[keys[j]!] = obj[keys[j]!];
      }
      if (out) out[key] = x;
    }
    return out ?? v;
  };
  return walk(value);
}

function body(kind: DocumentKind, value: object): Record<string, unknown> {
  const converted = outputKeys(value, kind.userData) as Record<string, unknown>;
  if ('schema' in converted) throw new Error(`JSON output: ${kind.schema} has its own "schema" key`);
  return converted;
}

/** The house indentation: two spaces. */
function indented(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** A whole document: `schema` first, then the body's keys; two-space indentation and a final newline. */
export function jsonDocument(kind: DocumentKind, value: object): string {
  return `${indented({ schema: kind.schema, ...body(kind, value) })}\n`;
}

/** One item of a document's list on one line: a lead of `rubric score` (also a line of its ndjson), a version of `rubric log`. */
export function jsonRecord(kind: DocumentKind, list: string, item: object): string {
  return JSON.stringify(outputKeys(item, kind.userData, [list, '*']));
}

/**
 * A writer of list items of one fixed shape, for lists that stream by the million (the leads
 * of `rubric score`): the keys are checked once here, then each item is written from its
 * values in that order, with no walk and no object per item. A value that is an object or a
 * list is written as it is, keys and all (the caller knows them), or given as JsonText.
 */
export function recordWriter(keys: readonly string[]): (values: readonly unknown[]) => string {
  const bad = keys.find((k) => !OUTPUT_KEY.test(k));
  if (bad !== undefined) throw new Error(`JSON output: the key ${JSON.stringify(bad)} is not snake_case`);
  const prefixes = keys.map((k, i) => `${i ? ',' : '{'}${JSON.stringify(k)}:`);
  return (values) => {
    let out = '';
    for (let i = 0; i < prefixes.length; i++) out += prefixes[i] + jsonValue(values[i]);
    return `${out}}`;
  };
}

/** A value already written as JSON (kept in a cache), put in a record as it is. */
export class JsonText {
  constructor(readonly text: string) {}
}

/** JSON.stringify for one value of a record, with finite numbers (most of a lead) and JsonText written directly. */
function jsonValue(v: unknown): string {
  if (typeof v === 'number' && Number.isFinite(v)) return `${v}`;
  return v instanceof JsonText ? v.text : JSON.stringify(v);
}

/** An object's members as they sit at the top of an indented document: `  "key": value` lines, no braces. */
function members(value: Record<string, unknown>): string {
  return Object.keys(value).length === 0 ? '' : indented(value).slice(2, -2);
}

/**
 * A document whose one long list is written an item at a time, one compact item per line, so
 * it streams and greps; the keys before the list are known at the start, the keys after it at
 * the end. The same document as jsonDocument would give, laid out otherwise.
 */
export function listDocument(kind: DocumentKind, head: object, list: string) {
  let items = 0;
  const name = snakeCase(list);
  return {
    /** `{`, the schema, the head's keys and the opening of the list. */
    open(): string {
      return `{\n${members({ schema: kind.schema, ...body(kind, head) })},\n  ${JSON.stringify(snakeCase(list))}: [`;
    },
    item(value: object): string {
      return this.record(jsonRecord(kind, name, value));
    },
    /** An item already written as one line of JSON (see recordWriter). */
    record(json: string): string {
      return `${items++ ? ',' : ''}\n    ${json}`;
    },
    /** The end of the list, the tail's keys and `}`. */
    close(tail: object = {}): string {
      const rest = members(body(kind, tail));
      return `${items ? '\n  ' : ''}]${rest ? `,\n${rest}` : ''}\n}\n`;
    },
  };
}

/** A listDocument whose items are all known: head, items, tail. */
export function jsonListDocument(kind: DocumentKind, head: object, list: string, items: readonly object[], tail?: object): string {
  const doc = listDocument(kind, head, list);
  return doc.open() + items.map((i) => doc.item(i)).join('') + doc.close(tail);
}
