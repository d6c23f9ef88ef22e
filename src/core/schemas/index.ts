import type { z } from 'zod';
import { GoalsFileSchema } from './goals.js';
import { RubricSchema } from './rubric.js';
import { SessionSchema } from './session.js';
import { TemplateSchema } from './template.js';
import { WorkspaceConfigSchema } from './workspace.js';

export type FileKind = 'config' | 'goals' | 'rubric' | 'session' | 'template';

/** Every workspace file kind: its schema and the JSON Schema file shipped for editors. */
export const FILE_KINDS: Record<FileKind, { schema: z.ZodType; jsonSchema: string; title: string }> = {
  config: { schema: WorkspaceConfigSchema, jsonSchema: 'align.schema.json', title: 'align.yaml' },
  goals: { schema: GoalsFileSchema, jsonSchema: 'goals.schema.json', title: 'goals.yaml' },
  rubric: { schema: RubricSchema, jsonSchema: 'rubric.schema.json', title: 'rubric.yaml' },
  session: { schema: SessionSchema, jsonSchema: 'session.schema.json', title: 'a session record' },
  template: { schema: TemplateSchema, jsonSchema: 'template.schema.json', title: 'an agenda template' },
};
