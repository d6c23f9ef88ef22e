import { InputError, UserError } from '../../core/errors.js';
import { readInputFile } from '../../adapters/files/read.js';
import { placeholderView } from '../../core/agenda/view.js';
import { renderPlaceholders } from '../../core/agenda/placeholders.js';
import { answersSchema, AnswersHeadSchema } from '../../core/workshop/answers-schema.js';
import type { Answers, WorkshopInput } from '../../core/workshop/types.js';
import { MAX_FILE_BYTES } from '../../core/yaml/limits.js';
import { loadYaml, locateInText } from '../../core/yaml/load.js';
import type { PathProblem } from '../../core/yaml/issues.js';
import { getTemplate, type TemplateEntry } from '../../adapters/workspace/templates.js';
import { loadWorkspace, type Workspace } from '../../adapters/workspace/load.js';
import { answersExamplesHint } from '../../adapters/package/info.js';

/** The workspace, which must be valid before a workshop changes it. */
export function loadValidWorkspace(root: string): Workspace {
  const ws = loadWorkspace(root);
  if (ws.problems.length) throw new InputError(ws.problems, 'fix these first (`align validate` lists them); the workshop writes into these files');
  if (!ws.config) throw new UserError('align.yaml is missing', 'run `align init`');
  return ws;
}

/** The workshop's starting data, the template's placeholders filled for this date and facilitator. */
export function workshopInput(ws: Workspace, templateId: string, opts: { date: string; facilitator?: string; today: string }, known?: TemplateEntry): WorkshopInput {
  const entry = known ?? getTemplate(ws.root, templateId);
  const config = ws.config!.data;
  const template = renderPlaceholders(entry.template, placeholderView(config, { date: opts.date, ...(opts.facilitator ? { facilitator: opts.facilitator } : {}) }), entry.file);
  return {
    template,
    config,
    ...(ws.goals ? { goals: ws.goals.data } : {}),
    ...(ws.rubric ? { rubric: ws.rubric.data } : {}),
    sessions: ws.sessions.map((s) => s.data),
    sessionFiles: ws.files.filter((f) => f.startsWith('sessions/')),
    today: opts.today,
  };
}

export interface AnswersFile {
  file: string;
  text: string;
  answers: Answers;
  template: TemplateEntry;
  /** The revision the answers were taken against (`base:`), if the file names one. */
  base?: string;
}

/** Reads an answers file: the `template` key first (it decides the shape), then the whole file checked against it. */
export function readAnswersFile(cwd: string, file: string, templateArg: string | undefined, root: string): AnswersFile {
  const bytes = readInputFile(cwd, file, 'the answers file', 'check the path; it is relative to the folder you run align in', { workspace: root, maxBytes: MAX_FILE_BYTES });
  const head = loadYaml(file, bytes, AnswersHeadSchema);
  if (!head.ok) throw new InputError(head.problems, answersExamplesHint());
  const id = templateArg ?? head.data.template;
  if (!id) throw new UserError(`no template given: name it (align workshop <template> --answers ${file}) or write \`template: <id>\` in the file`, 'run `align templates` to list them');
  const template = getTemplate(root, id);
  const loaded = loadYaml(file, bytes, answersSchema(template.template));
  if (!loaded.ok) throw new InputError(loaded.problems, answersExamplesHint());
  const { template: _t, base, ...answers } = loaded.data;
  return { file, text: loaded.text, answers, template, ...(base ? { base } : {}) };
}

/** Problems found while building the outcome, placed in the answers file. */
export function answersError(a: AnswersFile, problems: PathProblem[]): InputError {
  return new InputError(locateInText(a.file, a.text, problems), 'fix the answers file and run the workshop again; nothing was written');
}
