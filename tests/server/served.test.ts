/**
 * The server as it runs for real (main.ts): a database opened and migrated from the environment, Node's
 * HTTP server on a free port, and a whole enrol → push → pull cycle over real sockets, including a chunked
 * upload past the size limit and a restart of the process's server on the same data.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/server/accounts/users';
import { MIGRATIONS } from '../../src/server/db/migrations/index';
import type { LogEntry } from '../../src/server/http/log';
import { type RunningServer, startServer } from '../../src/server/main';
import type { PullReply, PushReply } from '../../src/shared/sync/wire';
import { DB_KIND, openTestDb, type TestDb } from './helpers/test-db';

let db: TestDb;
let server: RunningServer;
const logs: LogEntry[] = [];

beforeAll(async () => {
  db = await openTestDb({ onDisk: true, migrated: false });
  await db.sql.close();
  server = await startServer({ HOST: '127.0.0.1', PORT: '0', ...db.env }, (e) => logs.push(e));
});
afterAll(async () => {
  await server.close();
  await db.drop();
});

const note = {
  id: '7d444840-9dc0-11d1-b245-5ffdce74fad2',
  url: 'https://example.com/a',
  pageKey: 'https://example.com/a',
  title: 'A',
  createdAt: 1,
  updatedAt: 1,
  fields: { body: 'over the wire', color: 'green', tags: ['x'], anchor: null, deleted: false },
  clocks: Object.fromEntries(
    ['body', 'color', 'tags', 'anchor', 'deleted'].map((f) => [f, '0000000001.0000.dev-w']),
  ),
  deviceId: 'dev-w',
};

it('starts, migrates and logs where it listens', () => {
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(logs.map((l) => l.msg)).toEqual([
    'opening database',
    ...MIGRATIONS.map(() => 'migration applied'),
    'listening',
  ]);
  expect(logs.at(-1)).toMatchObject({ url: server.url, database: DB_KIND });
});

it('serves health, enrolment, push and pull over HTTP', async () => {
  expect(await (await fetch(`${server.url}/v1/health`)).json()).toEqual({ ok: true, database: DB_KIND });
  const { code } = await createUser(server.sql, 'wire-user', Date.now());
  const enrol = await fetch(`${server.url}/v1/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: 'Real browser' }),
  });
  expect(enrol.status).toBe(200);
  const { token } = (await enrol.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const push = await fetch(`${server.url}/v1/push`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ deviceId: 'dev-w', mutations: [{ mutationId: 1, note }] }),
  });
  expect(((await push.json()) as PushReply).appliedThrough).toBe(1);
  const pull = (await (await fetch(`${server.url}/v1/pull?since=0`, { headers: auth })).json()) as PullReply;
  expect(pull).toEqual({ notes: [{ ...note, version: 1 }], version: 1, hasMore: false });

  // A chunked upload (no Content-Length) past the limit is cut off with 413.
  const chunk = new TextEncoder().encode('x'.repeat(1024 * 1024));
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (++sent > 20) controller.close();
      else controller.enqueue(chunk);
    },
  });
  const big = await fetch(`${server.url}/v1/push`, {
    method: 'POST',
    headers: auth,
    body,
    duplex: 'half',
  } as RequestInit);
  expect(big.status).toBe(413);
  expect(logs.filter((l) => l.msg === 'request').map((l) => [l.path, l.status])).toEqual([
    ['/v1/health', 200],
    ['/v1/enrol', 200],
    ['/v1/push', 200],
    ['/v1/pull', 200],
    ['/v1/push', 413],
  ]);

  // Restart the server on the same data: the note is still there.
  await server.close();
  server = await startServer({ HOST: '127.0.0.1', PORT: '0', ...db.env }, (e) => logs.push(e));
  const again = (await (await fetch(`${server.url}/v1/pull?since=0`, { headers: auth })).json()) as PullReply;
  expect(again.notes.map((n) => n.fields.body)).toEqual(['over the wire']);
});
