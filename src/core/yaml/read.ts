import type { Problem } from '../errors.js';
import { tooDeep } from './data-depth.js';
import { decodeYamlBytes } from './decode.js';
import { BAIL, fastParse } from './fast-parse.js';
import type { PathProblem } from './issues.js';
import { limitProblem } from './limits.js';
import { locateProblems, MAX_ALIASES, parseWithPositions, type ParsedDocument } from './locate.js';

/**
 * Data-path problems placed in the file. `ok: false` when the full parse, made on first need for a
 * file the fast reader took, finds a syntax problem that reader let through: that is then the answer.
 */
type Placed = { ok: true; problems: Problem[] } | { ok: false; problems: Problem[] };

/** Text read as data, or why it could not be. */
export type YamlRead = { ok: true; text: string; value: unknown; locate: (found: PathProblem[]) => Placed } | { ok: false; problems: Problem[] };

/**
 * The one YAML pipeline every workspace file goes through: bytes are decoded, the fast subset
 * reader takes clean files, and anything else is parsed once by `yaml` (YAML 1.2 core schema,
 * strict, unique keys, aliases limited), whose document also gives positions. Both paths resolve
 * scalars alike, so the data does not depend on the path. A file that reads as nothing is refused,
 * and so is one past a limit of limits.ts, at the place it passes it: the fast reader leaves such
 * a file to the full parse, which stops there (bounded.ts).
 */
export function readYaml(file: string, bytes: Uint8Array): YamlRead {
  const decoded = decodeYamlBytes(file, bytes);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  return readYamlText(file, decoded.text);
}

export function readYamlText(file: string, text: string): YamlRead {
  const quick = fastParse(text);
  if (quick !== BAIL) {
    if (quick === null) return { ok: false, problems: [emptyFile(file)] };
    let parsed: ParsedDocument | undefined;
    // Clean files are only parsed with positions when there is a problem to place.
    const locate = (found: PathProblem[]): Placed => {
      if (found.length === 0) return { ok: true, problems: [] };
      parsed ??= parseWithPositions(file, text);
      if (parsed.problems.length) return { ok: false, problems: parsed.problems };
      return { ok: true, problems: locateProblems(file, parsed, found) };
    };
    return { ok: true, text, value: quick, locate };
  }
  const parsed = parseWithPositions(file, text);
  if (parsed.problems.length) return { ok: false, problems: parsed.problems };
  let value: unknown;
  try {
    value = parsed.doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    // `yaml` throws a ReferenceError for an alias that expands too much; anything else is no input's fault.
    if (!(e instanceof ReferenceError)) throw e;
    return {
      ok: false,
      problems: [{ file, line: 1, col: 1, message: `YAML aliases expand too much: ${e.message}`, hint: `aliases may expand at most ${MAX_ALIASES} times; write the values out` }],
    };
  }
  if (value === null || value === undefined) return { ok: false, problems: [emptyFile(file)] };
  const deep = tooDeep(value);
  if (deep) {
    const at = locateProblems(file, parsed, [{ path: deep, message: '' }])[0]!;
    return { ok: false, problems: [limitProblem(file, 'depth', { line: at.line ?? 1, col: at.col ?? 1 })] };
  }
  return { ok: true, text, value, locate: (found) => ({ ok: true, problems: locateProblems(file, parsed, found) }) };
}

function emptyFile(file: string): Problem {
  return { file, line: 1, col: 1, message: 'file is empty', hint: 'restore it from git (`git checkout -- FILE`) or write its content' };
}
