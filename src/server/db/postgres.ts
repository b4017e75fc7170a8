/**
 * The database for anything beyond one person's server: a real PostgreSQL through a `pg` pool. Servers
 * keep no state between requests, so several can share one database; the per-user row lock in a push is
 * what keeps them consistent (sync/push.ts).
 */
import pg from 'pg';
import { INT8_OID, parseInt8, type Sql } from './sql';
import { isConnectionFailure, orUnavailable } from './unavailable';

/** int8 as numbers for this pool only, leaving `pg`'s global parsers alone. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function onClient(client: pg.PoolClient): Sql {
  const self: Sql = {
    kind: 'postgres',
    query: async <T>(text: string, params?: readonly unknown[]) =>
      (await client.query(text, params as unknown[] | undefined)).rows as T[],
    transaction: (fn) => fn(self),
    close: () => Promise.reject(new Error('close the pool, not a transaction')),
  };
  return self;
}

/**
 * Runs `fn` in a transaction on a client of its own. While the client is checked out, `pg-pool` listens
 * for nothing on it, and a connection that dies then (`pg_terminate_backend`, a PostgreSQL restart) emits
 * an 'error' event that would end the process: it is caught here, the transaction fails, and the broken
 * client is destroyed rather than returned to the pool.
 */
async function inTransaction<T>(pool: pg.Pool, fn: (tx: Sql) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await fn(onClient(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A client whose ROLLBACK fails is in an unknown state: destroy it too.
    if (!broken) await client.query('ROLLBACK').catch(onError);
    throw broken && !isConnectionFailure(error) ? broken : error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/** Opens a pool on `url` (postgres://user:password@host:port/database). Fails fast when nothing answers. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Sql> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection emits here; without a listener Node would crash the server.
  pool.on('error', () => {});
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    query: <T>(text: string, params?: readonly unknown[]) =>
      orUnavailable(async () => (await pool.query(text, params as unknown[] | undefined)).rows as T[]),
    transaction: (fn) => orUnavailable(() => inTransaction(pool, fn)),
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}
