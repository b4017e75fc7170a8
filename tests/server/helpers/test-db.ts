/**
 * A fresh, migrated database for a test file: in-memory PGlite by default, or, when GLOSS_TEST_DATABASE_URL
 * names a PostgreSQL server (any database the role can connect to; it needs CREATEDB), a new database
 * `gloss_test_<random>` that is dropped afterwards. The same tests run on both (scripts/test.sh runs twice).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../../src/server/db/migrate';
import { openPglite } from '../../../src/server/db/pglite';
import { openPostgres } from '../../../src/server/db/postgres';
import type { Sql } from '../../../src/server/db/sql';

export const ADMIN_URL = process.env.GLOSS_TEST_DATABASE_URL;
export const DB_KIND: Sql['kind'] = ADMIN_URL ? 'postgres' : 'pglite';

export interface TestDb {
  sql: Sql;
  /** Closes the current connection and opens the same data again: a server restart. */
  reopen(): Promise<Sql>;
  /** The environment a server process would need to open this database. */
  env: { DATABASE_URL?: string; GLOSS_DATA_DIR?: string };
  /** Closes and deletes everything. */
  drop(): Promise<void>;
}

async function adminQuery(text: string): Promise<void> {
  const admin = await openPostgres(ADMIN_URL!, { max: 1 });
  try {
    await admin.query(text);
  } finally {
    await admin.close();
  }
}

/**
 * Opens a test database. `onDisk` puts a PGlite database in a temporary folder so it can be reopened (on
 * PostgreSQL every database can). `migrated: false` leaves it empty, for migration tests.
 */
export async function openTestDb({ onDisk = false, migrated = true } = {}): Promise<TestDb> {
  if (ADMIN_URL) {
    const name = `gloss_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const db: TestDb = {
      sql: await openPostgres(url.href),
      env: { DATABASE_URL: url.href },
      async reopen() {
        await db.sql.close();
        db.sql = await openPostgres(url.href);
        return db.sql;
      },
      async drop() {
        await db.sql.close().catch(() => {});
        await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
    if (migrated) await migrate(db.sql);
    return db;
  }
  const dir = onDisk ? mkdtempSync(join(tmpdir(), 'gloss-server-test-')) : undefined;
  const db: TestDb = {
    sql: await openPglite(dir),
    env: dir ? { GLOSS_DATA_DIR: dir } : {},
    async reopen() {
      if (!dir) throw new Error('an in-memory database cannot be reopened; use onDisk');
      await db.sql.close();
      db.sql = await openPglite(dir);
      return db.sql;
    },
    async drop() {
      await db.sql.close().catch(() => {});
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  if (migrated) await migrate(db.sql);
  return db;
}
