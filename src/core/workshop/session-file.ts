/** sessions/<date>-<template>.yaml, or -2, -3 … when that name or id is taken. */
export function sessionName(date: string, template: string, takenFiles: string[], takenIds: string[]): { id: string; path: string } {
  const files = new Set(takenFiles.map((f) => f.replace(/^.*\//, '').replace(/\.ya?ml$/, '')));
  const ids = new Set(takenIds);
  const base = `${date}-${template}`;
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!files.has(id) && !ids.has(id)) return { id, path: `sessions/${id}.yaml` };
  }
}
