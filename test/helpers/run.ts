import { Writable } from 'node:stream';
import { buildProgram } from '../../src/cli/program.js';

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written to it, as a pipe would (not a terminal). */
class Capture extends Writable {
  private chunks: Buffer[] = [];
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    done();
  }
  /** The text; by default less one final newline, as execa gives a spawned process's output. */
  text(strip = true): string {
    const text = Buffer.concat(this.chunks).toString('utf8');
    return strip ? text.replace(/\r?\n$/, '') : text;
  }
}

/** Streams that say they are a terminal of this width (stdin stays a pipe: no prompts). */
export interface Terminal {
  columns: number;
}

/**
 * Runs align in this process, as the binary would run with these arguments, folder and
 * environment: the same program, with captured streams and no terminal.
 */
export async function runAlign(args: string[], opts: { cwd: string; env: Record<string, string | undefined>; stripFinalNewline?: boolean; terminal?: Terminal }): Promise<RunResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  if (opts.terminal) for (const s of [stdout, stderr]) Object.assign(s, { isTTY: true, columns: opts.terminal.columns });
  const env = Object.fromEntries(Object.entries(opts.env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
  const exitCode = await buildProgram({ cwd: opts.cwd, env, stdout, stderr, stdinIsTTY: false }).run(args);
  const strip = opts.stripFinalNewline !== false;
  return { exitCode, stdout: stdout.text(strip), stderr: stderr.text(strip) };
}
