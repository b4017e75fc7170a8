/**
 * One user cannot slow everyone (sync/user-queue.ts): a user's pushes wait in the process, one at a time,
 * before they take a database connection, so a user with many devices pushing at once holds at most one
 * connection and other users' requests still find one. A full queue answers 503 with Retry-After.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/server/db/postgres';
import type { Sql } from '../../src/server/db/sql';
import { createUserQueue, UserQueueFullError } from '../../src/server/sync/user-queue';
import { Harness } from './helpers/harness';
import { DB_KIND, openTestDb, type TestDb } from './helpers/test-db';

let db: TestDb;

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.drop());

/** `sql` with a count of the transactions under way, and a gate that holds each one until opened. */
function watched(sql: Sql) {
  const state = { open: 0, most: 0, gate: Promise.resolve() };
  const wrapped: Sql = {
    kind: sql.kind,
    query: (text, params) => sql.query(text, params),
    async transaction(fn) {
      state.open += 1;
      state.most = Math.max(state.most, state.open);
      try {
        await state.gate;
        return await sql.transaction(fn);
      } finally {
        state.open -= 1;
      }
    },
    close: () => sql.close(),
  };
  return { sql: wrapped, state };
}

describe('the per-user queue', () => {
  it('runs one task per user at a time, in arrival order, and other users alongside', async () => {
    const queue = createUserQueue(10);
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = queue('a', async () => {
      order.push('a1 start');
      await held;
      order.push('a1 end');
    });
    const second = queue('a', async () => {
      order.push('a2');
    });
    await queue('b', async () => {
      order.push('b1');
    });
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
  });

  it('refuses a task past its limit, and goes on after a task fails', async () => {
    const queue = createUserQueue(1);
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const running = queue('a', () => held.then(() => Promise.reject(new Error('failed'))));
    const waiting = queue('a', async () => 'ran');
    await expect(queue('a', async () => 'refused')).rejects.toBeInstanceOf(UserQueueFullError);
    release();
    await expect(running).rejects.toThrow('failed');
    expect(await waiting).toBe('ran');
    expect(await queue('a', async () => 'again')).toBe('again');
  });
});

describe('pushes of one user', () => {
  it('take one transaction at a time however many devices push at once', async () => {
    const { sql, state } = watched(db.sql);
    const h = new Harness(sql);
    const user = await h.user();
    const devices = await Promise.all(Array.from({ length: 20 }, (_, i) => user.device(`dev-${i}`)));
    state.most = 0;
    const replies = await Promise.all(devices.map((d) => d.push([d.create()])));
    expect(replies.map((r) => r.status)).toEqual(devices.map(() => 200));
    expect(state.most).toBe(1);
  });

  it('past the limit answer 503 with Retry-After, and the rest are applied', async () => {
    const { sql, state } = watched(db.sql);
    const h = new Harness(sql, { userQueueLimit: 2 });
    const user = await h.user();
    const devices = await Promise.all(Array.from({ length: 5 }, (_, i) => user.device(`dev-${i}`)));
    let open!: () => void;
    state.gate = new Promise((resolve) => {
      open = resolve;
    });
    const pending = devices.map((d) => d.push([d.create()]));
    setTimeout(open, 50);
    const replies = await Promise.all(pending);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 503, 503]);
    const refused = replies.find((r) => r.status === 503)!;
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body.error).toMatch(/too many of this user's pushes are waiting/);
    const { notes } = await devices[0]!.pullAll();
    expect(notes.size).toBe(3);
  });
});

// On PostgreSQL the pool is real: without the queue, pushes waiting on their user's row lock hold every
// connection and another user's pull waits for one (PGlite has a single connection and no pool to starve).
describe.skipIf(DB_KIND !== 'postgres')('on PostgreSQL, a user whose row is locked', () => {
  it("does not take the connections another user's pull needs", async () => {
    const pool = await openPostgres(db.env.DATABASE_URL!, { max: 3 });
    const locker = await openPostgres(db.env.DATABASE_URL!, { max: 1 });
    try {
      const h = new Harness(pool);
      const busy = await h.user();
      const devices = await Promise.all(Array.from({ length: 6 }, (_, i) => busy.device(`busy-${i}`)));
      const other = await (await h.user()).device('other');
      let unlock!: () => void;
      const locked = new Promise<void>((resolve) => {
        unlock = resolve;
      });
      let isLocked!: () => void;
      const lockTaken = new Promise<void>((resolve) => {
        isLocked = resolve;
      });
      // Another process's push, say, holding the busy user's row.
      const holder = locker.transaction(async (tx) => {
        await tx.query('SELECT version FROM users WHERE id = $1 FOR UPDATE', [busy.id]);
        isLocked();
        await locked;
      });
      await lockTaken;
      const pushes = devices.map((d) => d.push([d.create()]));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = performance.now();
      const pull = await other.pull();
      const tookMs = performance.now() - started;
      unlock();
      await holder;
      expect(pull.status).toBe(200);
      expect(tookMs).toBeLessThan(1000);
      expect((await Promise.all(pushes)).map((r) => r.status)).toEqual(devices.map(() => 200));
    } finally {
      await locker.close();
      await pool.close();
    }
  });
});
