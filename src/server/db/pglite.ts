/**
 * The zero-setup database: PGlite (PostgreSQL compiled to WebAssembly) in this process, in a data folder or
 * in memory (tests). PGlite has a single connection and already makes a query wait while another
 * request's transaction is open (rather than run inside it); database.test.ts pins that, since the push
 * transaction depends on it. Two processes opening one data folder would corrupt it (PGlite does not
 * refuse), hence the lock (data-dir-lock.ts).
 */
import { PGlite } from '@electric-sql/pglite';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';
import { INT8_OID, parseInt8, type Sql } from './sql';

/** A PGlite database, which can also be copied whole (`openPglite`'s `image`). */
export interface PgliteSql extends Sql {
  dumpImage(): Promise<Blob>;
}

/**
 * Opens (creating if needed) the PGlite database in `dataDir`, or an in-memory one when it is omitted.
 * Takes the folder's lock, or uses `lock` when the caller already holds it; closing releases it. `image`,
 * a `dumpImage` of another database, starts an in-memory one as a copy of it (tests: a migrated database
 * in well under a second instead of several).
 */
export async function openPglite(dataDir?: string, lock?: DataDirLock, image?: Blob): Promise<PgliteSql> {
  const held = lock ?? (dataDir ? await acquireDataDirLock(dataDir) : undefined);
  const release = () => held?.release();
  let db: PGlite;
  try {
    db = new PGlite({
      ...(dataDir ? { dataDir } : {}),
      ...(image ? { loadDataDir: image } : {}),
      parsers: { [INT8_OID]: parseInt8 },
    });
    await db.waitReady;
  } catch (error) {
    await release();
    throw error;
  }

  const inTransaction = (tx: Pick<PGlite, 'query'>): Sql => {
    const self: Sql = {
      kind: 'pglite',
      query: async <T>(text: string, params?: readonly unknown[]) =>
        (await tx.query<T>(text, params as unknown[] | undefined)).rows,
      transaction: (fn) => fn(self),
      close: () => Promise.reject(new Error('close the database, not a transaction')),
    };
    return self;
  };

  return {
    kind: 'pglite',
    query: async <T>(text: string, params?: readonly unknown[]) =>
      (await db.query<T>(text, params as unknown[] | undefined)).rows,
    transaction: (fn) => db.transaction((tx) => fn(inTransaction(tx))),
    dumpImage: () => db.dumpDataDir('none') as Promise<Blob>,
    async close() {
      if (db.closed) return;
      try {
        await db.close();
      } finally {
        await release();
      }
    },
  };
}
