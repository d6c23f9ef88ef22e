import type { Problem } from '../../errors.js';
import { checkRubric } from '../../checks/rubric.js';
import { RubricSchema, type Rubric } from '../../schemas/rubric.js';
import { loadYaml } from '../../yaml/load.js';
import { diffRubrics, type RubricChange } from '../diff/diff.js';
import { summarize } from '../diff/text.js';

/** One commit that touched rubric.yaml, with the file's blob id there (null: deleted; undefined: not known). */
export interface FileCommit {
  commit: string;
  date: string;
  author: string;
  subject: string;
  blob?: string | null;
  /** The commit has no parent here: the first commit, or where a shallow clone's history stops. */
  root?: boolean;
}

/** A commit with the file's bytes there (null when the commit deleted it). */
export interface HistoryVersion extends FileCommit {
  bytes: Uint8Array | null;
}

type VersionStatus = 'created' | 'changed' | 'unchanged' | 'removed' | 'broken' | 'history-missing';

export interface LogEntry {
  commit: string;
  date: string;
  author: string;
  subject: string;
  status: VersionStatus;
  /** Changes against the previous readable version. */
  changes: RubricChange[];
  summary: string;
  /** Who signed this version off, by team; null when it has no approved_by. */
  signedOffBy: Record<string, string> | null;
  /** Why a broken version could not be read, located in that version's file. */
  problem?: Problem;
}

/**
 * Every version against the one before it that could be read, oldest first.
 * A version whose YAML is broken is shown as such; the next good one is compared with the last good one.
 */
export function buildLog(versions: HistoryVersion[], path: string, onProgress?: (done: number) => void, base?: Rubric): LogEntry[] {
  let previous: Rubric | undefined = base;
  const out: LogEntry[] = [];
  for (const [i, v] of versions.entries()) {
    const meta = { commit: v.commit, date: v.date, author: v.author, subject: v.subject };
    if (v.bytes === null) {
      out.push({ ...meta, status: 'removed', changes: [], summary: `${path} deleted`, signedOffBy: null });
      previous = undefined;
    } else {
      const loaded = loadYaml(`${v.commit.slice(0, 7)}:${path}`, v.bytes, RubricSchema, checkRubric);
      if (!loaded.ok) {
        const problem = loaded.problems[0]!;
        out.push({ ...meta, status: 'broken', changes: [], summary: `cannot be read: ${problem.message}`, signedOffBy: null, problem });
      } else {
        const rubric = loaded.data;
        const changes = previous ? diffRubrics(previous, rubric) : [];
        const status: VersionStatus = !previous ? 'created' : changes.length ? 'changed' : 'unchanged';
        const summary = status === 'created' ? createdSummary(rubric) : summarize(changes);
        out.push({ ...meta, status, changes, summary, signedOffBy: rubric.approved_by ?? null });
        previous = rubric;
      }
    }
    if (onProgress && (i + 1) % 100 === 0) onProgress(i + 1);
  }
  return out;
}

function createdSummary(r: Rubric): string {
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  return `created: ${n(r.criteria.length, 'criterion').replace('criterions', 'criteria')}, ${n(r.stages.length, 'stage')} (${r.stages.map((s) => s.id).join(', ')})`;
}

/** Reads one version for use as the base of a comparison; undefined when it cannot be read. */
export function readVersion(v: HistoryVersion, path: string): Rubric | undefined {
  if (v.bytes === null) return undefined;
  const loaded = loadYaml(`${v.commit.slice(0, 7)}:${path}`, v.bytes, RubricSchema, checkRubric);
  return loaded.ok ? loaded.data : undefined;
}
