/**
 * The live channel (docs/live-sync.md) against a real WebSocket server on a real database: a push is
 * announced to the pushing user's other sockets only, never to the device that pushed nor to another user;
 * messages carry a version and nothing else; a socket is authenticated by its first message (a bad, revoked
 * or missing one closes it, and so does a token revoked later); the caps hold; and on PostgreSQL a push on
 * one server instance reaches a socket on another through LISTEN/NOTIFY.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { hashSecret } from '../../src/server/accounts/secrets';
import { createFailureLimiter } from '../../src/server/http/rate-limit';
import { type Live, type LiveOptions, startLive } from '../../src/server/live/index';
import { LIVE_CLOSE, LIVE_PATH, type LiveServerMessage } from '../../src/shared/sync/live-wire';
import { Harness } from './helpers/harness';
import { DB_KIND, openTestDb, type TestDb } from './helpers/test-db';

interface Client {
  ws: WebSocket;
  messages: LiveServerMessage[];
  raw: string[];
  closed: Promise<number>;
  /** Resolves with the first message (already received or not) that `match` accepts. */
  next(match: (m: LiveServerMessage) => boolean, timeoutMs?: number): Promise<LiveServerMessage>;
}

let db: TestDb;
const opened: Array<{ live: Live; server: Server }> = [];
const clients: WebSocket[] = [];

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.drop();
});
afterEach(async () => {
  for (const ws of clients.splice(0)) {
    ws.on('error', () => {});
    // A socket refused before it opened throws on terminate: it is closed already.
    if (ws.readyState !== WebSocket.CONNECTING) ws.terminate();
  }
  for (const { live, server } of opened.splice(0)) {
    await live.close();
    await new Promise((r) => server.close(r));
  }
});

/** A server instance: the app in-process for pushes, and the live channel on a real port. */
async function instance(options: Partial<LiveOptions> = {}) {
  const live = await startLive(db.sql, db.env.DATABASE_URL, () => {}, options);
  const server = createServer((_req, res) => res.writeHead(404).end());
  live.attach(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  opened.push({ live, server });
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}${LIVE_PATH}`;
  const h = new Harness(db.sql, { onPushed: (c) => live.announce(c) });
  return { live, url, h };
}

function connect(url: string, first?: string, headers: Record<string, string> = {}): Client {
  const ws = new WebSocket(url, { headers });
  clients.push(ws);
  const messages: LiveServerMessage[] = [];
  const raw: string[] = [];
  const waiters: Array<() => void> = [];
  ws.on('open', () => {
    if (first !== undefined) ws.send(first);
  });
  ws.on('message', (data) => {
    raw.push(data.toString());
    messages.push(JSON.parse(data.toString()) as LiveServerMessage);
    for (const w of waiters.splice(0)) w();
  });
  ws.on('error', () => {});
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  return {
    ws,
    messages,
    raw,
    closed,
    next(match, timeoutMs = 3000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no such message in time')), timeoutMs);
        const check = () => {
          const found = messages.find(match);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          } else waiters.push(check);
        };
        check();
      });
    },
  };
}

const auth = (token: string) => JSON.stringify({ type: 'auth', token });
const isReady = (m: LiveServerMessage) => m.type === 'ready';
const settle = () => new Promise((r) => setTimeout(r, 300));

describe(`the live channel (${DB_KIND})`, () => {
  it("tells the user's other devices the new version, and no one else", async () => {
    const { url, h } = await instance();
    const alice = await h.user();
    const [a1, a2, a3] = [await alice.device('a1'), await alice.device('a2'), await alice.device('a3')];
    const bob = await (await h.user()).device('b1');
    const sockets = [a1, a2, a3, bob].map((d) => connect(url, auth(d.token)));
    await Promise.all(sockets.map((s) => s.next(isReady)));
    const [s1, s2, s3, sb] = sockets as [Client, Client, Client, Client];

    const note = a1.create({ body: 'a secret body only pulls may carry' });
    const pushed = await a1.push([note]);
    expect(pushed.status).toBe(200);
    const { version } = pushed.body;
    for (const s of [s2, s3])
      expect(await s.next((m) => m.type === 'changed')).toEqual({ type: 'changed', version });
    await settle();
    expect(s1.messages.filter((m) => m.type === 'changed')).toEqual([]);
    expect(sb.messages.filter((m) => m.type === 'changed')).toEqual([]);
    // A version and nothing else: no body, address, title, note id or device.
    for (const text of [...s2.raw, ...s3.raw]) {
      for (const secret of [note.fields.body, note.url, note.id, note.title, a1.token, alice.id])
        expect(text).not.toContain(secret);
      expect(Object.keys(JSON.parse(text)).sort()).toEqual(
        JSON.parse(text).type === 'ping' ? ['type'] : ['type', 'version'],
      );
    }
  });

  it('says the current version when it is ready, so a device catches up on what it missed', async () => {
    const { url, h } = await instance();
    const user = await h.user();
    const a = await user.device('a');
    const b = await user.device('b');
    const reply = await a.push([a.create()]);
    const s = connect(url, auth(b.token));
    expect(await s.next(isReady)).toEqual({ type: 'ready', version: reply.body.version });
  });

  it('authenticates by the first message only: bad, revoked, malformed or missing ones are closed', async () => {
    const { url, h } = await instance({ authTimeoutMs: 300 });
    const user = await h.user();
    const d = await user.device('d');
    const revoked = await user.device('r');
    await db.sql.query('UPDATE devices SET revoked_at = 1 WHERE token_hash = $1', [
      hashSecret(revoked.token),
    ]);
    const unknown = 'A'.repeat(43);
    expect(await connect(url, auth(unknown)).closed).toBe(LIVE_CLOSE.unauthorized);
    expect(await connect(url, auth('not a token')).closed).toBe(LIVE_CLOSE.unauthorized);
    expect(await connect(url, auth(revoked.token)).closed).toBe(LIVE_CLOSE.unauthorized);
    expect(await connect(url, d.token).closed).toBe(LIVE_CLOSE.badMessage);
    expect(await connect(url, JSON.stringify({ type: 'hello', token: d.token })).closed).toBe(
      LIVE_CLOSE.badMessage,
    );
    expect(await connect(url).closed).toBe(LIVE_CLOSE.authTimeout);
    // A token in the address is not how it works: the socket still has to say it.
    expect(await connect(`${url}?token=${d.token}`).closed).toBe(LIVE_CLOSE.authTimeout);
  });

  it('counts failed tokens per address with the HTTP routes: past the limit, no socket and no lookup', async () => {
    const authFailures = createFailureLimiter({ perMinute: 1, burst: 3 }, () => 0);
    const { url } = await instance({ authFailures });
    for (let i = 0; i < 3; i++)
      expect(await connect(url, auth('B'.repeat(43))).closed).toBe(LIVE_CLOSE.unauthorized);
    const refused = new WebSocket(url);
    clients.push(refused);
    const status = await new Promise<number>((resolve) =>
      refused.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(429);
    // The same counts hold on the HTTP routes: the address is refused there too, before any lookup.
    expect(authFailures.check('127.0.0.1').ok).toBe(false);
  });

  it('closes a socket whose token is revoked after it connected', async () => {
    const { url, h, live } = await instance();
    const user = await h.user();
    const d = await user.device('d');
    const keep = await user.device('k');
    const s = connect(url, auth(d.token));
    const k = connect(url, auth(keep.token));
    await Promise.all([s.next(isReady), k.next(isReady)]);
    await db.sql.query('UPDATE devices SET revoked_at = 1 WHERE token_hash = $1', [hashSecret(d.token)]);
    await live.checkTokens();
    expect(await s.closed).toBe(LIVE_CLOSE.unauthorized);
    expect(k.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('holds its caps: sockets per user, sockets per process, and web origins', async () => {
    const { url, h } = await instance({ socketsPerUser: 2, socketsTotal: 4 });
    const user = await h.user();
    const d = await user.device('d');
    const first = [connect(url, auth(d.token)), connect(url, auth(d.token))];
    await Promise.all(first.map((s) => s.next(isReady)));
    expect(await connect(url, auth(d.token)).closed).toBe(LIVE_CLOSE.tooMany);
    const other = await (await h.user()).device('o');
    const more = [connect(url, auth(other.token)), connect(url, auth(other.token))];
    await Promise.all(more.map((s) => s.next(isReady)));
    const refused = new WebSocket(url);
    clients.push(refused);
    const status = await new Promise<number>((resolve) =>
      refused.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(503);
    const web = new WebSocket(url, { headers: { origin: 'https://evil.example' } });
    clients.push(web);
    expect(
      await new Promise<number>((resolve) =>
        web.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
      ),
    ).toBe(403);
  });

  it('sends a ping on its interval (what keeps a Chrome service worker alive)', async () => {
    const { url, h } = await instance({ pingIntervalMs: 100 });
    const d = await (await h.user()).device('d');
    const s = connect(url, auth(d.token));
    expect(await s.next((m) => m.type === 'ping')).toEqual({ type: 'ping' });
  });

  it.runIf(DB_KIND === 'postgres')(
    'reaches a socket on another server instance through LISTEN/NOTIFY',
    async () => {
      const a = await instance();
      const b = await instance();
      const user = await a.h.user();
      const pusher = await user.device('p');
      const listener = await user.device('l');
      const other = await (await a.h.user()).device('o');
      const onB = connect(b.url, auth(listener.token));
      const otherOnB = connect(b.url, auth(other.token));
      const pusherOnB = connect(b.url, auth(pusher.token));
      await Promise.all([onB, otherOnB, pusherOnB].map((s) => s.next(isReady)));
      const reply = await pusher.push([pusher.create()]);
      expect(await onB.next((m) => m.type === 'changed')).toEqual({
        type: 'changed',
        version: reply.body.version,
      });
      await settle();
      expect(otherOnB.messages.some((m) => m.type === 'changed')).toBe(false);
      expect(pusherOnB.messages.some((m) => m.type === 'changed')).toBe(false);
    },
  );
});
