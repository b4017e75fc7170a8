/**
 * `kill -9` during pushes (issue 10), on PGlite and on PostgreSQL: the server process dies with pushes in
 * flight and is started again at once on the same data. It must come up (on PGlite, the dead process's
 * lock is taken over) and hold every note it acknowledged; pushes cut off without an answer may or may not
 * have landed, which a client retries anyway.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/server/accounts/users';
import { encodeHlc } from '../../src/shared/notes/hlc';
import { NOTE_FIELDS, type NoteField } from '../../src/shared/notes/note-types';
import type { PullReply, SyncNote } from '../../src/shared/sync/wire';
import { DB_KIND, openTestDb, type TestDb } from './helpers/test-db';

const CLI = fileURLToPath(new URL('../../src/server/cli.ts', import.meta.url));
let db: TestDb;
let code = '';
const children: ChildProcess[] = [];

beforeAll(async () => {
  db = await openTestDb({ onDisk: true });
  code = (await createUser(db.sql, 'crash', Date.now())).code;
  // The server process must be the only one with a PGlite folder open.
  if (DB_KIND === 'pglite') await db.sql.close();
});
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await db.drop();
});

/** Starts `cli.ts serve` on the test database and resolves with its address once it listens. */
function serve(): Promise<{ child: ChildProcess; url: string }> {
  const { DATABASE_URL: _u, GLOSS_DATA_DIR: _d, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve'], {
    env: { ...env, ...db.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const url = /"msg":"listening","url":"([^"]+)"/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.stderr!.resume();
    child.once('exit', (status) => reject(new Error(`server exited with ${status}: ${out.slice(-500)}`)));
  });
}

let n = 0;
function note(): SyncNote {
  n += 1;
  const clock = encodeHlc({ wallMs: Date.now(), counter: n % 1000, deviceId: 'dev-crash' });
  const id = `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  return {
    id,
    url: `https://example.com/${n}`,
    pageKey: `https://example.com/${n}`,
    title: 'crash',
    createdAt: Date.now(),
    updatedAt: Date.now(),
    fields: { body: `note ${n}`, color: 'yellow', tags: [], anchor: null, deleted: false },
    clocks: Object.fromEntries(NOTE_FIELDS.map((f) => [f, clock])) as Record<NoteField, string>,
    deviceId: 'dev-crash',
  };
}

it(`keeps every acknowledged note when killed with -9 mid-push, and starts again at once (${DB_KIND})`, async () => {
  const first = await serve();
  const enrol = await fetch(`${first.url}/v1/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: 'crash test' }),
  });
  const { token } = (await enrol.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const acknowledged: string[] = [];
  let mutationId = 0;
  let isDead = false;
  const pushLoop = async () => {
    while (!isDead) {
      const batch = [note(), note(), note()];
      const body = JSON.stringify({
        deviceId: 'dev-crash',
        mutations: batch.map((item) => ({ mutationId: ++mutationId, note: item })),
      });
      try {
        const res = await fetch(`${first.url}/v1/push`, { method: 'POST', headers, body });
        if (res.status === 200) acknowledged.push(...batch.map((b) => b.id));
      } catch {
        return; // the connection died with the process: not acknowledged
      }
    }
  };
  const loops = [pushLoop(), pushLoop(), pushLoop()];
  await new Promise((r) => setTimeout(r, 1500));
  const exited = new Promise((r) => first.child.once('exit', r));
  first.child.kill('SIGKILL');
  isDead = true;
  await exited;
  await Promise.all(loops);
  expect(acknowledged.length).toBeGreaterThan(0);

  const second = await serve();
  const stored = new Set<string>();
  for (let since = 0; ; ) {
    const res = await fetch(`${second.url}/v1/pull?since=${since}`, { headers });
    expect(res.status).toBe(200);
    const page = (await res.json()) as PullReply;
    for (const n of page.notes) stored.add(n.id);
    since = page.version;
    if (!page.hasMore) break;
  }
  expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  second.child.kill('SIGTERM');
}, 60_000);
