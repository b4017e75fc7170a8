/**
 * Wrappers around a database for failure and concurrency tests: one makes a chosen statement throw (a server
 * error halfway through a push), one adds random delays inside transactions so that concurrent pushes and
 * pulls overlap for real on PostgreSQL (where the cursor anomaly of sync.md would show).
 */
import type { Sql } from '../../../src/server/db/sql';

type Hook = (text: string) => Promise<void>;

function wrap(sql: Sql, hook: Hook, inTransaction: Hook): Sql {
  return {
    kind: sql.kind,
    async query(text, params) {
      await hook(text);
      return sql.query(text, params);
    },
    transaction: (fn) => sql.transaction((tx) => fn(wrap(tx, inTransaction, inTransaction))),
    close: () => sql.close(),
  };
}

/** Throws from every statement matching `pattern` run inside a transaction, while `isArmed()` says so. */
export function failingOn(sql: Sql, pattern: RegExp, isArmed: () => boolean = () => true): Sql {
  const fail: Hook = async (text) => {
    if (isArmed() && pattern.test(text)) throw new Error('injected failure');
  };
  return wrap(sql, async () => {}, fail);
}

/** Sleeps up to `maxMs` before each statement inside a transaction. */
export function withLatency(sql: Sql, maxMs: number): Sql {
  const sleep: Hook = (text) =>
    /^\s*(BEGIN|COMMIT|ROLLBACK)/i.test(text)
      ? Promise.resolve()
      : new Promise((resolve) => setTimeout(resolve, Math.random() * maxMs));
  return wrap(sql, async () => {}, sleep);
}
