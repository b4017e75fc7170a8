/**
 * Many server processes on one PostgreSQL (docs/server-scaling.md): migrations that start at the same moment
 * apply once, and three real server processes started together on a fresh database serve fifty devices whose
 * requests go to any of them at random, with nothing lost and every device ending with exactly the server's
 * notes (the sync bench's load and check, scripts/bench-sync/workload.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  randomRouter,
  type ServerProcess,
  startServerProcesses,
} from '../../scripts/bench-sync/server-processes';
import { runLoad } from '../../scripts/bench-sync/workload';
import { migrate } from '../../src/server/db/migrate';
import { MIGRATIONS } from '../../src/server/db/migrations/index';
import { openPostgres } from '../../src/server/db/postgres';
import type { Sql } from '../../src/server/db/sql';
import { DB_KIND, openTestDb, type TestDb } from './helpers/test-db';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freshDb(): Promise<TestDb> {
  const db = await openTestDb({ migrated: false });
  cleanups.push(() => db.drop());
  return db;
}

it('two migrations started at once on a fresh database apply each migration once', async () => {
  const db = await freshDb();
  // On PostgreSQL two pools, as two processes have; PGlite is one process with one connection anyway.
  const open = async (): Promise<Sql> => {
    if (DB_KIND !== 'postgres') return db.sql;
    const sql = await openPostgres(db.env.DATABASE_URL!, { max: 1 });
    cleanups.push(() => sql.close());
    return sql;
  };
  const [first, second] = [await open(), await open()];
  const applied = await Promise.all([migrate(first), migrate(second)]);
  expect(applied.map((a) => a.length).sort()).toEqual([0, MIGRATIONS.length]);
  expect(await db.sql.query('SELECT version FROM schema_migrations ORDER BY version')).toEqual(
    MIGRATIONS.map((m) => ({ version: m.version })),
  );
});

describe.skipIf(DB_KIND !== 'postgres')(
  'three server processes on one PostgreSQL (PostgreSQL only: set GLOSS_TEST_DATABASE_URL)',
  () => {
    it('start together, migrate once, and serve 50 devices routed at random: 0 lost, 0 diverging', async () => {
      const db = await freshDb();
      const processes: ServerProcess[] = await startServerProcesses(db.env.DATABASE_URL!, 3);
      cleanups.push(() => Promise.all(processes.map((p) => p.stop())).then(() => {}));

      const migrationLines = processes.flatMap((p) => p.logs.filter((l) => l.msg === 'migration applied'));
      expect(migrationLines.map((l) => l.version).sort()).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await db.sql.query<{ n: number }>('SELECT count(*) AS n FROM schema_migrations')).toEqual([
        { n: MIGRATIONS.length },
      ]);

      const result = await runLoad(
        'PostgreSQL, 3 processes',
        { url: randomRouter(processes), sql: db.sql },
        {
          devices: 50,
          devicesPerUser: 10,
          notes: 1000,
          rounds: 4,
          editsPerNote: 1,
          pages: 20,
          seed: 7,
        },
      );
      expect({ lost: result.lost, diverging: result.diverging }).toEqual({ lost: 0, diverging: 0 });
      expect(result.notes).toBe(1000);
      // Every process took its share of the requests.
      for (const p of processes) expect(p.requests).toBeGreaterThan(result.requests / 10);
      expect(processes.flatMap((p) => p.logs.filter((l) => l.level === 'error'))).toEqual([]);
    }, 60_000);
  },
);
