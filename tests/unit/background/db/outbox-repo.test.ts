/**
 * The outbox and meta repositories on a real Dexie over fake-indexeddb, each call made inside a transaction
 * the way the sync engine makes it. Dexie loses a transaction when too many native `async` steps separate
 * two of its requests (PrematureCommitError); these calls are the deepest chains the engine makes.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { type GlossDb, inTransaction, NOTE_TABLES, openDb } from '../../../../src/background/db/database';
import { deviceId, nextClock, nextMutationId } from '../../../../src/background/db/device-clock';
import { readMeta } from '../../../../src/background/db/meta-repo';
import { addNote, draftOf } from '../../../../src/background/db/notes-repo';
import {
  countQueued,
  dropQueuedFor,
  dropSent,
  queuedInOrder,
  queuedNoteIds,
} from '../../../../src/background/db/outbox-repo';
import { requeueAll } from '../../../../src/background/sync/outbox-ops';

let db: GlossDb;
let n = 0;
const fresh = async (): Promise<GlossDb> => {
  db = openDb(`outbox-repo-${n++}`);
  await db.open();
  return db;
};
afterEach(() => db.delete());

const page = { url: 'https://example.com/a', title: 'A' };
const add = (body: string, at: number) =>
  addNote(db, draftOf({ page, body, color: 'yellow', tags: [] }, page.url, at), at);

describe('meta and outbox inside transactions', () => {
  it('issues a clock and a mutation id in a transaction over meta alone', async () => {
    await fresh();
    const { hlc } = await inTransaction(db, 'rw', ['meta'], () => nextClock(db, 1_000));
    const id = await inTransaction(db, 'rw', ['meta'], () => nextMutationId(db));
    expect(await readMeta(db, 'hlc')).toBe(hlc);
    expect(id).toBe(1);
    expect(hlc.endsWith(await deviceId(db))).toBe(true);
  });

  it('keeps each note once, under its latest mutation id, in the order changes were made', async () => {
    await fresh();
    const a = await add('a', 1);
    const b = await add('b', 2);
    await inTransaction(db, 'rw', NOTE_TABLES, () => requeueAll(db));
    // requeueAll gives fresh ids (3, 4) least recently changed first.
    expect(await queuedInOrder(db)).toEqual([
      [a.id, 3],
      [b.id, 4],
    ]);
    expect(await countQueued(db)).toBe(2);
  });

  it('drops sent entries up to the id sent, leaving later edits queued', async () => {
    await fresh();
    const a = await add('a', 1);
    const b = await add('b', 2);
    const dropped = await inTransaction(db, 'rw', ['outbox'], () =>
      dropSent(
        db,
        new Map([
          [a.id, 1],
          [b.id, 0],
        ]),
      ),
    );
    expect(dropped).toBe(1);
    expect(await queuedNoteIds(db)).toEqual([b.id]);
    await dropQueuedFor(db, [b.id]);
    expect(await countQueued(db)).toBe(0);
  });
});
