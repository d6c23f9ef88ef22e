import { resolve } from 'node:path';
import type { Context } from '../../adapters/context.js';
import { today } from '../../adapters/context.js';
import { UserError } from '../../core/errors.js';
import { isRealDate } from '../../core/schemas/common.js';
import { compileRubricSql } from '../../core/sql/compile.js';
import { DIALECTS, type DialectName } from '../../core/sql/quote.js';
import { writeAtomic } from '../../adapters/files/atomic.js';
import { readRubric } from '../../adapters/workspace/rubric-source.js';
import { println } from '../../adapters/terminal/style.js';
import { findWorkspaceRoot, requireWorkspaceRoot } from '../../adapters/workspace/load.js';

interface SqlFlags {
  dialect: string;
  table: string;
  idColumn: string;
  asOf?: string;
  view?: string;
  rubric?: string;
  out?: string;
}

/** Compiles the rubric to SQL: on stdout, or into a new file with --out (its path printed). */
export async function run(_args: string[], raw: Record<string, unknown>, ctx: Context): Promise<number> {
  const flags = raw as unknown as SqlFlags;
  if (!(DIALECTS as readonly string[]).includes(flags.dialect)) {
    throw new UserError(`unknown dialect "${flags.dialect}"`, `use one of ${DIALECTS.join(', ')}`);
  }
  const asOf = flags.asOf ?? today(ctx);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !isRealDate(asOf)) {
    throw new UserError(`--as-of ${asOf} is not a date`, 'write the scoring date as YYYY-MM-DD, e.g. --as-of 2026-11-27');
  }
  const root = flags.rubric === undefined ? requireWorkspaceRoot(ctx.cwd) : (findWorkspaceRoot(ctx.cwd) ?? ctx.cwd);
  const { rubric, label } = await readRubric(flags.rubric, ctx.cwd, root);
  const sql = compileRubricSql(rubric, {
    dialect: flags.dialect as DialectName,
    table: flags.table,
    idColumn: flags.idColumn,
    asOf,
    view: flags.view,
    source: label,
  });
  if (flags.out === undefined) {
    ctx.stdout.write(sql);
    return 0;
  }
  const path = resolve(ctx.cwd, flags.out);
  writeAtomic(path, sql);
  println(ctx.stdout, flags.out);
  return 0;
}
