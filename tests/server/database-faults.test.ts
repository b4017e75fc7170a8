/**
 * PostgreSQL dropping the server's connections (issue 10): a backend terminated while a push holds it, and
 * the database going away and coming back (a restart) while devices push. The server must stay up (an
 * unhandled 'error' event from a checked-out `pg` client used to end the process, which here would end
 * the test worker), answer the failed requests 503 with Retry-After, say so on /v1/health, use fresh
 * connections afterwards, and keep every note it acknowledged. PostgreSQL only: PGlite has no connections.
 */
import { createServer, type Server, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/server/db/postgres';
import type { Sql } from '../../src/server/db/sql';
import { DATABASE_RETRY_AFTER_S } from '../../src/server/http/app';
import { Harness } from './helpers/harness';
import { ADMIN_URL, DB_KIND, openTestDb, type TestDb } from './helpers/test-db';

if (DB_KIND !== 'postgres')
  console.info('skipped: database connection faults (PostgreSQL only; set GLOSS_TEST_DATABASE_URL)');

/**
 * A TCP relay between the server and PostgreSQL that can go down (every connection cut, new ones
 * refused), as a PostgreSQL restart looks from the server, and come back up on the same port.
 */
class Relay {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async up(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => this.sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((ok) => this.server!.listen(this.port, '127.0.0.1', ok));
    this.port = (this.server.address() as { port: number }).port;
  }

  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((ok) => this.server?.close(() => ok()) ?? ok());
  }
}

describe.skipIf(DB_KIND !== 'postgres')('PostgreSQL connection faults', () => {
  let db: TestDb;
  let admin: Sql;
  let dbName: string;

  beforeAll(async () => {
    db = await openTestDb();
    dbName = new URL(db.env.DATABASE_URL!).pathname.slice(1);
    admin = await openPostgres(ADMIN_URL!, { max: 2 });
  });
  afterAll(async () => {
    await admin?.close();
    await db?.drop();
  });

  it('a backend terminated while a push holds it: 503 with Retry-After, then fresh connections and nothing lost', async () => {
    const h = new Harness(db.sql);
    const user = await h.user();
    const device = await user.device('dev-a');
    const kept = device.create({ body: 'before the fault' });
    expect((await device.push([kept])).status).toBe(200);

    // Hold the user's row so that the next push waits inside its transaction, on its own connection.
    const blocker = await openPostgres(db.env.DATABASE_URL!, { max: 1 });
    let release: () => void = () => undefined;
    let blockerPid = 0;
    const holding = blocker.transaction(async (tx) => {
      [{ pid: blockerPid } = { pid: 0 }] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await tx.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [user.id]);
      await new Promise<void>((ok) => {
        release = ok;
      });
    });
    await new Promise((ok) => setTimeout(ok, 100));
    const lost = device.create({ body: 'pushed while the backend dies' });
    const pending = device.push([lost]);
    // Wait until that push is blocked on the lock, then terminate every backend but the blocker's.
    for (let i = 0; i < 50; i++) {
      const [row] = await admin.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'",
        [dbName],
      );
      if ((row?.n ?? 0) > 0) break;
      await new Promise((ok) => setTimeout(ok, 50));
    }
    expect(blockerPid).toBeGreaterThan(0);
    const killed = await admin.query<{ ok: boolean }>(
      'SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND pid <> $2',
      [dbName, blockerPid],
    );
    expect(killed.length).toBeGreaterThan(0);
    const reply = await pending;
    release();
    await holding;
    await blocker.close();

    expect(reply.status).toBe(503);
    expect(reply.headers.get('retry-after')).toBe(String(DATABASE_RETRY_AFTER_S));
    // The next requests get fresh connections: the retry lands, and the earlier note is still there.
    expect((await device.push([lost])).status).toBe(200);
    const { notes } = await device.pullAll();
    expect([...notes.values()].map((n) => n.fields.body).sort()).toEqual([
      'before the fault',
      'pushed while the backend dies',
    ]);
  });

  it('the database goes away and comes back during a push loop: the server answers 503 meanwhile and keeps every acknowledged note', async () => {
    const target = new URL(db.env.DATABASE_URL!);
    const relay = new Relay({ host: target.hostname, port: Number(target.port || 5432) });
    await relay.up();
    const viaRelay = new URL(target.href);
    viaRelay.port = String(relay.port);
    const sql = await openPostgres(viaRelay.href);
    try {
      const h = new Harness(sql);
      const user = await h.user();
      const device = await user.device('dev-b');
      const acknowledged: string[] = [];
      const statuses = new Map<number, number>();
      const health: number[] = [];
      let round = 0;
      const pushOne = async () => {
        const note = device.create({ body: `note ${round++}` });
        const reply = await device.push([note]);
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        if (reply.status === 200) acknowledged.push(note.id);
        else expect(reply.headers.get('retry-after')).toBe(String(DATABASE_RETRY_AFTER_S));
      };
      for (let i = 0; i < 10; i++) await pushOne();
      await relay.down();
      for (let i = 0; i < 5; i++) await pushOne();
      health.push((await h.request('/v1/health')).status);
      await relay.up();
      for (let i = 0; i < 10; i++) await pushOne();
      health.push((await h.request('/v1/health')).status);

      expect(health).toEqual([503, 200]);
      expect(statuses.get(503)).toBeGreaterThanOrEqual(5);
      expect([...statuses.keys()].sort()).toEqual([200, 503]);
      // Everything acknowledged is in the database, read directly rather than through the server.
      const rows = await db.sql.query<{ id: string }>('SELECT id FROM notes WHERE user_id = $1', [user.id]);
      expect(rows.map((r) => r.id).sort()).toEqual([...acknowledged].sort());
      expect(acknowledged.length).toBe(20);
    } finally {
      await sql.close();
      await relay.down();
    }
  });
});
