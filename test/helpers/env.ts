/**
 * The language and zone every process a test starts runs with: git's and PostgreSQL's messages,
 * and any date a tool prints, must not depend on the machine the tests run on.
 */
export const PINNED_ENV = { LC_ALL: 'C', LANGUAGE: '', TZ: 'UTC' } as const;

/** This process's environment with the language and zone pinned, for a spawn that takes a whole environment. */
export function pinnedEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...PINNED_ENV, ...extra };
}
