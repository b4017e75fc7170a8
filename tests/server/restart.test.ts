/**
 * A server restart between a push and a pull (../shared/docs/sync.md): close the database (PGlite flushes
 * its data folder; on PostgreSQL the pool goes) and start again on the same data. Nothing is lost, the
 * device cursors survive (a retry after the restart changes nothing), and migrations do not run again.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate } from '../../src/server/db/migrate';
import { Harness } from './helpers/harness';
import { openTestDb, type TestDb } from './helpers/test-db';

let db: TestDb;

beforeAll(async () => {
  db = await openTestDb({ onDisk: true });
});
afterAll(() => db.drop());

it('keeps every note, version, history row and cursor across a restart', async () => {
  const before = new Harness(db.sql);
  const user = await before.user();
  const a = await user.device('dev-a');
  const b = await user.device('dev-b');
  const note = a.create({ body: 'before the restart' });
  await a.push([note, a.create({ body: 'second' })]);
  const lastPush = {
    deviceId: 'dev-b',
    mutations: [{ mutationId: 1, note: b.edit(note, { body: 'edited' }) }],
  };
  expect((await b.pushRaw(lastPush)).body).toMatchObject({ appliedThrough: 1, version: 3 });

  const sql = await db.reopen();
  expect(await migrate(sql)).toEqual([]);
  const after = new Harness(sql);
  const a2 = a.via(after);
  const { notes, version } = await a2.pullAll();
  expect(version).toBe(3);
  expect([...notes.values()].map((n) => [n.fields.body, n.version])).toEqual([
    ['second', 2],
    ['edited', 3],
  ]);
  // The reply to the last push was "lost": its retry after the restart changes nothing.
  expect((await b.via(after).pushRaw(lastPush)).body).toMatchObject({ appliedThrough: 1, version: 3 });
  const [history] = await sql.query<{ value: string }>('SELECT value FROM note_history WHERE note_id = $1', [
    note.id,
  ]);
  expect(history?.value).toBe('before the restart');
});
