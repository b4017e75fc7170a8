/**
 * Node's side of the limits (issue 10, item 5), over real sockets to the server main.ts starts, with short
 * timeouts set through the environment: a client that trickles its headers or its body is cut off when its
 * time is up (Node's defaults would hold it for 60 s and 300 s), an idle kept-alive connection is closed,
 * and connections past the cap are closed as they arrive.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server/main';
import { readServerLimits } from '../../src/server/server-limits';
import { openTestDb, type TestDb } from './helpers/test-db';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb({ onDisk: true, migrated: false });
  await db.sql.close();
});
afterAll(() => db.drop());

/** Longest a test waits for the server to close a connection before calling it held open. */
const GIVE_UP_MS = 5_000;

async function serve(env: Record<string, string>): Promise<RunningServer> {
  return startServer({ HOST: '127.0.0.1', PORT: '0', ...db.env, ...env }, () => {});
}

function open(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

interface Ending {
  /** Milliseconds from the first byte sent until the server closed the connection (or GIVE_UP_MS). */
  afterMs: number;
  isClosed: boolean;
  received: string;
}

/**
 * Sends `head` at once, then one byte of `trickle` every `everyMs`, and waits for the server to close.
 * Afterwards the socket is destroyed either way.
 */
async function trickle(url: string, head: string, trickle = '', everyMs = 100): Promise<Ending> {
  const socket = await open(url);
  const started = Date.now();
  let received = '';
  socket.on('data', (d) => {
    received += d.toString('latin1');
  });
  socket.on('error', () => {}); // a reset is one way of being closed
  socket.write(head);
  let sent = 0;
  const timer = setInterval(() => {
    if (sent < trickle.length && !socket.destroyed) socket.write(trickle[sent++]!);
  }, everyMs);
  const isClosed = await new Promise<boolean>((resolve) => {
    const giveUp = setTimeout(() => resolve(false), GIVE_UP_MS);
    socket.once('close', () => {
      clearTimeout(giveUp);
      resolve(true);
    });
  });
  clearInterval(timer);
  socket.destroy();
  return { afterMs: Date.now() - started, isClosed, received };
}

describe('timeouts', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve({
      HEADERS_TIMEOUT_MS: '500',
      REQUEST_TIMEOUT_MS: '1000',
      KEEP_ALIVE_TIMEOUT_MS: '300',
    });
  });
  afterAll(() => server.close());

  it('cuts off a client that trickles its headers', async () => {
    const ending = await trickle(server.url, 'POST /v1/enrol HTTP/1.1\r\nHost: x\r\n', 'X-Slow: '.repeat(40));
    expect(ending.isClosed).toBe(true);
    expect(ending.afterMs).toBeLessThan(2_000);
    expect(ending.received).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('cuts off a client that trickles its body', async () => {
    const head =
      'POST /v1/enrol HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n';
    const ending = await trickle(server.url, head, `{"code":"${'A'.repeat(180)}"}`);
    expect(ending.isClosed).toBe(true);
    expect(ending.afterMs).toBeGreaterThanOrEqual(900);
    expect(ending.received).toMatch(/^HTTP\/1\.1 408 /);
    expect(ending.afterMs).toBeLessThan(2_500);
  });

  it('closes an idle kept-alive connection', async () => {
    const ending = await trickle(server.url, 'GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(ending.received).toMatch(/^HTTP\/1\.1 200 /);
    expect(ending.isClosed).toBe(true);
    expect(ending.afterMs).toBeLessThan(1_500);
  });
});

describe('connection cap', () => {
  it('closes connections past MAX_CONNECTIONS as they arrive, and takes new ones once some end', async () => {
    const server = await serve({ MAX_CONNECTIONS: '3' });
    try {
      const held = await Promise.all([open(server.url), open(server.url), open(server.url)]);
      const extra = await trickle(server.url, 'GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n');
      expect(extra).toMatchObject({ isClosed: true, received: '' });
      expect(extra.afterMs).toBeLessThan(1_000);
      expect(held.map((s) => s.destroyed)).toEqual([false, false, false]);
      for (const s of held) s.destroy();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const again = await trickle(
        server.url,
        'GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      );
      expect(again.received).toMatch(/^HTTP\/1\.1 200 /);
    } finally {
      await server.close();
    }
  });
});

describe('settings', () => {
  it('has documented defaults and refuses values that make no sense', () => {
    expect(readServerLimits({}).node).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 60_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: 1_000,
    });
    expect(readServerLimits({ RATE_LIMIT_ENROL_GLOBAL_PER_MINUTE: '30' }).rate.enrolGlobal).toEqual({
      perMinute: 30,
      burst: 60,
    });
    expect(() => readServerLimits({ MAX_CONNECTIONS: 'lots' })).toThrow(/MAX_CONNECTIONS=lots/);
    expect(() => readServerLimits({ RATE_LIMIT_TOKEN_BURST: '0' })).toThrow(/RATE_LIMIT_TOKEN_BURST/);
    expect(() => readServerLimits({ HEADERS_TIMEOUT_MS: '20000', REQUEST_TIMEOUT_MS: '10000' })).toThrow(
      /HEADERS_TIMEOUT_MS/,
    );
    expect(() => readServerLimits({ TRUST_PROXY: '10.0.0.1, nginx' })).toThrow(/nginx/);
  });
});
