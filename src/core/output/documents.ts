import type { DocumentKind } from './json.js';

/**
 * Every JSON document align prints, by command: its schema id and where it holds the user's
 * own data. docs/json-output.md describes each; a change here is a change of the format.
 */
export const DOCUMENTS = {
  validate: { schema: 'align.validate/1' },
  templates: { schema: 'align.templates/1' },
  templatesShow: { schema: 'align.templates-show/1' },
  agenda: { schema: 'align.agenda/1' },
  workshop: { schema: 'align.workshop/1' },
  /** Its leads are also the lines of `--format ndjson`, which have no envelope. */
  /** `columns` of a lead (--keep) maps the CSV's own headers to their cells. */
  rubricScore: { schema: 'align.rubric-score/1', userData: ['leads.*.columns'] },
  /** `before` and `after` are values as rubric.yaml holds them. */
  rubricDiff: { schema: 'align.rubric-diff/1', userData: ['changes.*.before', 'changes.*.after'] },
  /** `signed_off_by` is rubric.yaml's `approved_by`: a map from team id to name. */
  rubricLog: { schema: 'align.rubric-log/1', userData: ['versions.*.signed_off_by', 'versions.*.changes.*.before', 'versions.*.changes.*.after'] },
  rubricTest: { schema: 'align.rubric-test/1' },
  export: { schema: 'align.export/1', userData: ['changelog.*.signed_off_by'] },
  /** `sign_off` maps the two teams that sign the rubric off (sales, marketing) to a name or null. */
  status: { schema: 'align.status/1', userData: ['rubric.sign_off'] },
} as const satisfies Record<string, DocumentKind>;
