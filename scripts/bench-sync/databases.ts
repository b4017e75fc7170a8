/**
 * The two databases the sync server runs on, each behind a real HTTP server on 127.0.0.1 (src/server's
 * `startServer`, as `npm run server` starts it): PGlite in a fresh temporary folder, and PostgreSQL in a
 * fresh database created for the run and dropped after it, on the server `scripts/ensure-postgres.sh`
 * starts (or `GLOSS_TEST_DATABASE_URL`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type RunningServer, startServer } from '../../src/server/main';

/** A running sync server and how to take it (and its data) down. */
export interface BenchServer {
  server: RunningServer;
  dispose(): Promise<void>;
}

/** The server's log would be one line per request: the bench keeps only errors, for its own message. */
const quietLogger = (entry: { level: string; msg: string }) => {
  if (entry.level === 'error') process.stderr.write(`bench-sync: server: ${JSON.stringify(entry)}\n`);
};

/** The server on PGlite in a temporary folder, deleted afterwards. */
export async function startOnPglite(): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gloss-bench-sync-'));
  try {
    const server = await startServer({ HOST: '127.0.0.1', PORT: '0', GLOSS_DATA_DIR: dataDir }, quietLogger);
    return {
      server,
      async dispose() {
        try {
          await server.close();
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** A PostgreSQL URL whose role may create databases, or why there is none. */
export function findPostgres(root: string): { url: string } | { problem: string } {
  if (process.env.GLOSS_TEST_DATABASE_URL) return { url: process.env.GLOSS_TEST_DATABASE_URL };
  try {
    const out = execFileSync('bash', [join(root, 'scripts', 'ensure-postgres.sh')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = out.trim().split('\n').pop() ?? '';
    return url.startsWith('postgres') ? { url } : { problem: 'ensure-postgres.sh printed no URL' };
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    return { problem: stderr || (error as Error).message };
  }
}

/** Nothing answered at the PostgreSQL URL: the bench skips that half rather than failing. */
export class PostgresUnavailable extends Error {}

/** A database made for one bench run, and the way to drop it (which also closes the admin connection). */
interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates a database for this run in the PostgreSQL at `adminUrl`. Throws PostgresUnavailable when nothing
 * answers there; a database that could not be created is dropped (if half made) before the error is thrown.
 */
async function createScratchDatabase(adminUrl: string): Promise<ScratchDatabase> {
  const name = `gloss_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (error) {
    const where = new URL(adminUrl);
    throw new PostgresUnavailable(`${where.hostname}:${where.port || 5432}: ${(error as Error).message}`);
  }
  const drop = async () => {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    } finally {
      await admin.end();
    }
  };
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    await drop();
    throw error;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.href, drop };
}

/** Runs `use` with the URL of a scratch database, and drops the database afterwards, whatever happened. */
export async function withScratchDatabase<T>(adminUrl: string, use: (url: string) => Promise<T>): Promise<T> {
  const scratch = await createScratchDatabase(adminUrl);
  try {
    return await use(scratch.url);
  } finally {
    await scratch.drop();
  }
}

/** The server on a database created in the PostgreSQL at `adminUrl` for this run, dropped afterwards. */
export async function startOnPostgres(adminUrl: string): Promise<BenchServer> {
  const scratch = await createScratchDatabase(adminUrl);
  try {
    const server = await startServer(
      { HOST: '127.0.0.1', PORT: '0', DATABASE_URL: scratch.url },
      quietLogger,
    );
    return {
      server,
      async dispose() {
        try {
          await server.close();
        } finally {
          await scratch.drop();
        }
      },
    };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}
