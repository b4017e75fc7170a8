/**
 * The database adapter and migrations, on whichever database the suite runs against: 64-bit integers as
 * numbers, transactions that commit or roll back whole, migrations applied once and in order, a schema
 * newer than the code refused, a query kept out of another request's transaction; and PGlite's
 * data-folder lock.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_SOCKET } from '../../src/server/db/data-dir-lock';
import { migrate } from '../../src/server/db/migrate';
import { MIGRATIONS } from '../../src/server/db/migrations/index';
import { openPglite } from '../../src/server/db/pglite';
import { parseInt8 } from '../../src/server/db/sql';
import { openTestDb, type TestDb } from './helpers/test-db';

let db: TestDb;

beforeAll(async () => {
  db = await openTestDb({ migrated: false });
});
afterAll(() => db.drop());

describe('migrations', () => {
  it('are numbered 1, 2, … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('apply once, in order, recorded in schema_migrations', async () => {
    expect((await migrate(db.sql, () => 1234)).map((m) => m.version)).toEqual(
      MIGRATIONS.map((m) => m.version),
    );
    expect(await migrate(db.sql)).toEqual([]);
    expect(
      await db.sql.query('SELECT version, name, applied_at FROM schema_migrations ORDER BY version'),
    ).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name, applied_at: 1234 })));
  });

  it('refuse a database whose schema is newer than the code', async () => {
    await db.sql.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)");
    await expect(migrate(db.sql)).rejects.toThrow(
      `the database has schema version 999; this server knows up to ${MIGRATIONS.length}`,
    );
    await db.sql.query('DELETE FROM schema_migrations WHERE version = 999');
  });

  it('leave the schema untouched when one fails', async () => {
    const broken = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'broken',
        statements: ['CREATE TABLE half_done (x int)', 'SELECT nonsense FROM nowhere'],
      },
    ];
    await expect(migrate(db.sql, Date.now, broken)).rejects.toThrow();
    expect(await db.sql.query("SELECT to_regclass('half_done') AS t")).toEqual([{ t: null }]);
  });
});

describe('the adapter', () => {
  it('returns 64-bit integers as numbers, and refuses ones beyond 2^53', async () => {
    expect(
      await db.sql.query('SELECT 9007199254740991::bigint AS big, count(*) AS n, 7::int AS small FROM users'),
    ).toEqual([{ big: Number.MAX_SAFE_INTEGER, n: 0, small: 7 }]);
    await expect(db.sql.query('SELECT 9007199254740993::bigint AS x')).rejects.toThrow(
      /beyond JavaScript's safe range/,
    );
    expect(() => parseInt8('12')).not.toThrow();
  });

  it('commits a transaction whole or not at all', async () => {
    await db.sql.query('CREATE TABLE IF NOT EXISTS scratch (x int)');
    await db.sql.transaction(async (tx) => {
      await tx.query('INSERT INTO scratch VALUES (1)');
      await tx.transaction((inner) => inner.query('INSERT INTO scratch VALUES (2)'));
    });
    await expect(
      db.sql.transaction(async (tx) => {
        await tx.query('INSERT INTO scratch VALUES (3)');
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect(await db.sql.query('SELECT x FROM scratch ORDER BY x')).toEqual([{ x: 1 }, { x: 2 }]);
  });

  it('keeps a query issued during a transaction out of it', async () => {
    await db.sql.query('CREATE TABLE IF NOT EXISTS scratch2 (x int)');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tx = db.sql
      .transaction(async (t) => {
        await t.query('INSERT INTO scratch2 VALUES (1)');
        await gate;
        throw new Error('roll back');
      })
      .catch(() => 'rolled back');
    const outside = db.sql.query('INSERT INTO scratch2 VALUES (2)');
    setTimeout(release, 20);
    expect(await tx).toBe('rolled back');
    await outside;
    expect(await db.sql.query('SELECT x FROM scratch2')).toEqual([{ x: 2 }]);
  });
});

// PGlite's own safeguard, tested on PGlite whichever database the rest of the suite runs on.
describe('the PGlite data folder', () => {
  it('is locked against a second opener, and a lock left by a dead process is taken over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-lock-test-'));
    try {
      const first = await openPglite(dir);
      await migrate(first);
      await expect(openPglite(dir)).rejects.toThrow('is in use by another Gloss process');
      await first.close();
      // A socket file nobody listens on, as a process killed with -9 leaves it (the process that made it
      // here exits at once, without closing its server).
      execFileSync(process.execPath, [
        '-e',
        `require('node:net').createServer().listen(${JSON.stringify(join(dir, LOCK_SOCKET))}, () => process.exit(0))`,
      ]);
      expect(existsSync(join(dir, LOCK_SOCKET))).toBe(true);
      const again = await openPglite(dir);
      expect(await again.query('SELECT count(*) AS n FROM schema_migrations')).toEqual([
        { n: MIGRATIONS.length },
      ]);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
