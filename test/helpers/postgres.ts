import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { PINNED_ENV } from './env.js';

/**
 * A throw-away PostgreSQL server for tests: its own cluster in a temp folder, on a free
 * local port, with trust authentication, stopped and deleted by stop(). As root it runs the
 * server as the `postgres` OS user (initdb refuses root). Needs Debian's `postgresql`
 * package (or initdb/pg_ctl on PATH); .ci/run installs it.
 */
export interface PgServer {
  port: number;
  /** Runs SQL through psql; returns its CSV output (header first). */
  query(sql: string): Promise<string>;
  /** Loads CSV text into an existing table with COPY. */
  copyCsv(table: string, csv: string): Promise<void>;
  stop(): Promise<void>;
}

/** The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
function pgBinDir(): string | null {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => existsSync(join(debian, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

/**
 * Whether the PostgreSQL tests can run here. Without the binaries they are skipped with a
 * message, except where ALIGN_REQUIRE_POSTGRES is set (.ci/run sets it): there a missing
 * server is a failure, not a silent skip.
 */
export function postgresAvailable(): boolean {
  if (pgBinDir() !== null) return true;
  if (process.env.ALIGN_REQUIRE_POSTGRES) throw new Error('ALIGN_REQUIRE_POSTGRES is set but PostgreSQL is not installed: apt-get install -y postgresql');
  console.warn('PostgreSQL is not installed here (no initdb): skipping the PostgreSQL tests of align rubric sql (apt-get install -y postgresql runs them)');
  return false;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export async function startPostgres(): Promise<PgServer> {
  const bin = pgBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed (no initdb)');
  const base = mkdtempSync(join(tmpdir(), 'align-pg-'));
  const data = join(base, 'data');
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? Number((await execa('id', ['-u', 'postgres'], { env: PINNED_ENV })).stdout) : undefined;
  if (asRoot) {
    chownSync(base, user!, Number((await execa('id', ['-g', 'postgres'], { env: PINNED_ENV })).stdout));
    chmodSync(base, 0o700);
  }
  // Run a server binary as the postgres user when we are root (runuser keeps the environment); the server's zone and messages pinned.
  const run = (cmd: string, args: string[]) =>
    asRoot ? execa('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { env: PINNED_ENV }) : execa(join(bin, cmd), args, { env: PINNED_ENV });
  await run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    const opts = `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=20`;
    try {
      await run('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', join(base, 'log'), '-o', opts]);
      break;
    } catch (e) {
      if (attempt >= 2) throw new Error(`PostgreSQL did not start: ${(e as Error).message}\n${safeRead(join(base, 'log'))}`);
    }
  }
  const psql = join(bin, 'psql');
  const conn = ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-X', '-q', '-v', 'ON_ERROR_STOP=1'];
  const env = { ...PINNED_ENV, PGTZ: 'UTC', PGCLIENTENCODING: 'UTF8' };
  return {
    port,
    async query(sql) {
      return (await execa(psql, [...conn, '--csv', '-c', sql], { env, stripFinalNewline: false })).stdout;
    },
    async copyCsv(table, csv) {
      await execa(psql, [...conn, '-c', `COPY ${table} FROM STDIN WITH (FORMAT csv, HEADER true)`], { env, input: csv });
    },
    async stop() {
      try {
        await run('pg_ctl', ['stop', '-m', 'fast', '-w', '-D', data]);
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    },
  };
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
