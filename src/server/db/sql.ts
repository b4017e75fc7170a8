/**
 * The one seam between the server and its database: PostgreSQL's dialect behind an interface small enough
 * for two implementations (PGlite in-process, `pg` against a real server; see docs/sync.md) and
 * for tests to wrap (to inject a failure or latency). Every query is parameterised; nothing is interpolated.
 */

/** A connection, a pool, or an open transaction. */
export interface Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs one statement and returns its rows; 64-bit integers come back as JS numbers. */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. Called on a
   * transaction, it joins that transaction (PostgreSQL has no nested transactions without savepoints, and
   * nothing here needs them).
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Closes the connection or pool; on PGlite this also flushes and unlocks the data folder. */
  close(): Promise<void>;
}

/**
 * Parses a PostgreSQL int8 (`bigint`, `count(*)`). `pg` returns them as strings and PGlite as numbers or
 * BigInts depending on its version; versions and times here stay far below 2^53, and anything larger is a
 * bug worth failing loudly on rather than a silently rounded cursor.
 */
export function parseInt8(text: string | number | bigint): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n))
    throw new Error(`int8 value ${String(text)} is beyond JavaScript's safe range`);
  return n;
}

/** PostgreSQL's type oid for int8. */
export const INT8_OID = 20;
