/**
 * A fresh, migrated database for a test file: in-memory PGlite by default, or, when GLOSS_TEST_DATABASE_URL
 * names a PostgreSQL server (any database the role can connect to; it needs CREATEDB), a new database
 * `gloss_test_<random>` that is dropped afterwards. The same tests run on both (scripts/test.sh runs twice).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../../src/server/db/migrate';
import { MIGRATIONS } from '../../../src/server/db/migrations/index';
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
 * Where a migrated in-memory database is kept as an image: named by the PGlite version and the migrations'
 * statements, so a changed schema or PGlite never reuses a stale one. Starting PGlite from scratch (initdb)
 * takes 2 to 4 s on this machine, loading the image under 1 s, and every server and engine test file needs one.
 */
function imagePath(): string {
  const pglite = JSON.parse(
    readFileSync(new URL('../../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  const key = createHash('sha256')
    .update(pglite.version)
    .update(JSON.stringify(MIGRATIONS))
    .digest('hex')
    .slice(0, 16);
  return join(tmpdir(), `gloss-test-pglite-${key}.tar`);
}

/** A migrated in-memory PGlite database, from the image (made by the first file that needs it). */
async function migratedInMemory() {
  const path = imagePath();
  try {
    return await openPglite(undefined, undefined, new Blob([readFileSync(path)]));
  } catch {
    // No image yet (or an unreadable one): make the database, then the image, written whole or not at all.
    const sql = await openPglite();
    await migrate(sql);
    const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await (await sql.dumpImage()).arrayBuffer()));
    renameSync(partial, path);
    return sql;
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
  const fromImage = !dir && migrated;
  const db: TestDb = {
    sql: fromImage ? await migratedInMemory() : await openPglite(dir),
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
  if (migrated && !fromImage) await migrate(db.sql);
  return db;
}
