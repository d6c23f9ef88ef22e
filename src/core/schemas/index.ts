import type { z } from 'zod';
import { AnswersFileSchema } from '../workshop/answers-schema.js';
import { GoalsFileSchema } from './goals.js';
import { RubricSchema } from './rubric.js';
import { SessionSchema } from './session.js';
import { TemplateSchema } from './template.js';
import { WorkspaceConfigSchema } from './workspace.js';

export type FileKind = 'config' | 'goals' | 'rubric' | 'session' | 'template' | 'answers';

/** Every file kind align reads (the workspace's, and answers files): its schema and the JSON Schema file shipped for editors. */
export const FILE_KINDS: Record<FileKind, { schema: z.ZodType; jsonSchema: string; title: string }> = {
  config: { schema: WorkspaceConfigSchema, jsonSchema: 'align.schema.json', title: 'align.yaml' },
  goals: { schema: GoalsFileSchema, jsonSchema: 'goals.schema.json', title: 'goals.yaml' },
  rubric: { schema: RubricSchema, jsonSchema: 'rubric.schema.json', title: 'rubric.yaml' },
  session: { schema: SessionSchema, jsonSchema: 'session.schema.json', title: 'a session record' },
  template: { schema: TemplateSchema, jsonSchema: 'template.schema.json', title: 'an agenda template' },
  answers: { schema: AnswersFileSchema, jsonSchema: 'answers.schema.json', title: 'answers for align workshop --answers' },
};
