/**
 * Picks the database the way docs/sync.md documents: PostgreSQL when `DATABASE_URL` is set, otherwise PGlite
 * in `GLOSS_DATA_DIR` (default `.data/server` in the repository), and migrates it. The server and the CLI
 * both open it here, so they always agree on where the data is.
 */
import { fileURLToPath } from 'node:url';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';
import { migrate } from './migrate';
import type { Migration } from './migrations/migration';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Sql } from './sql';

/** `.data/server` at the repository root (this file is src/server/db/open.ts). */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../.data/server', import.meta.url));

/** Where the data lives, in words for start-up logs (never the password of a DATABASE_URL). */
export function describeDatabase(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATABASE_URL) {
    const u = new URL(env.DATABASE_URL);
    return `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
  }
  return `PGlite in ${env.GLOSS_DATA_DIR || DEFAULT_DATA_DIR}`;
}

/** The opened database, the migrations this call ran, and for PGlite the data folder's lock. */
export interface OpenedDatabase {
  sql: Sql;
  applied: Migration[];
  /** Held until `sql` closes; the server answers admin commands on it (admin/channel.ts). */
  lock?: DataDirLock;
}

/**
 * Opens and migrates the configured database. For PGlite, throws DataDirBusyError when another process
 * has the folder (the CLI then hands its command to that process).
 */
export async function openDatabase(env: NodeJS.ProcessEnv = process.env): Promise<OpenedDatabase> {
  let lock: DataDirLock | undefined;
  if (!env.DATABASE_URL) lock = await acquireDataDirLock(env.GLOSS_DATA_DIR || DEFAULT_DATA_DIR);
  const sql = env.DATABASE_URL
    ? await openPostgres(env.DATABASE_URL)
    : await openPglite(env.GLOSS_DATA_DIR || DEFAULT_DATA_DIR, lock);
  try {
    return { sql, applied: await migrate(sql), ...(lock ? { lock } : {}) };
  } catch (error) {
    await sql.close();
    throw error;
  }
}
