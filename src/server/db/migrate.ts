/**
 * Brings a database up to the newest schema at start-up. Everything pending runs in one transaction under an
 * advisory lock, so two servers starting at once on one PostgreSQL do not race, and a failed migration leaves
 * the schema as it was. A database newer than this code is refused rather than misread.
 */
import { MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/migration';
import type { Sql } from './sql';

/** An arbitrary constant naming "Gloss schema migrations" among advisory locks. */
const MIGRATION_LOCK = 0x6c055;

/** Applies the pending migrations; returns the ones it applied. */
export async function migrate(
  sql: Sql,
  now: () => number = Date.now,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<Migration[]> {
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)`,
    );
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const newest = Math.max(0, ...applied);
    const known = migrations.at(-1)?.version ?? 0;
    if (newest > known)
      throw new Error(`the database has schema version ${newest}; this server knows up to ${known}`);
    const pending = migrations.filter((m) => !applied.has(m.version));
    for (const m of pending) {
      for (const statement of m.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        now(),
      ]);
    }
    return pending;
  });
}
