import type { WorkspaceConfig } from '../schemas/workspace.js';

export interface InitAnswers {
  organization: string;
  sales: string[];
  marketing: string[];
}

/** The starting align.yaml for an organisation and its two teams. */
export function initialConfig(a: InitAnswers): WorkspaceConfig {
  return {
    organization: a.organization,
    teams: {
      sales: { name: 'Sales', members: a.sales },
      marketing: { name: 'Marketing', members: a.marketing },
    },
  };
}

/** Comma-separated names to a clean list: trimmed, no blanks, no repeats. */
export function splitMembers(text: string | undefined): string[] {
  if (!text) return [];
  return [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
}

const GITIGNORE_LINE = '.align/';

/** .gitignore text with align's drafts folder ignored, or null when it already is. */
export function gitignoreWithDrafts(existing: string | null): string | null {
  if (existing === null) return `# align keeps drafts of workshops in progress here\n${GITIGNORE_LINE}\n`;
  const lines = existing.split(/\r?\n/).map((l) => l.trim());
  if (lines.includes(GITIGNORE_LINE) || lines.includes('.align') || lines.includes('/.align/')) return null;
  return `${existing}${existing.endsWith('\n') || existing === '' ? '' : '\n'}${GITIGNORE_LINE}\n`;
}
