/**
 * Migration 004 repairs notes damaged by the dashboard-edit bug of issue 9 (an edit of one field stored
 * `undefined` over the others). The repair must give every damaged note valid fields, keep everything else
 * as it was, and let the good values the sync server still holds win on the next sync, after which the
 * note syncs again.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

const { openDb } = await import('../../../../src/background/db/database');
const { nextClock } = await import('../../../../src/background/db/device-clock');
const { REPAIR_CLOCK } = await import('../../../../src/background/db/migrations/004-repair-lost-fields');
const { MIGRATIONS } = await import('../../../../src/background/db/migrations/index');
const { Rig, tick } = await import('../sync/devices');
type NoteRecord = import('../../../../src/shared/notes/note-types').NoteRecord;

/** Opens `name` as a version-3 database (before the repair), lets `fill` write to it, and closes it. */
async function atVersion3(name: string, fill: (db: Dexie) => Promise<void>): Promise<void> {
  const v3 = new Dexie(name);
  for (const m of MIGRATIONS.filter((m) => m.version <= 3)) v3.version(m.version).stores(m.stores);
  await v3.open();
  await fill(v3);
  v3.close();
}

const clocks = (c: string) => ({ body: c, color: c, tags: c, anchor: c, deleted: c });
const c0 = '0mb1a2b3c4.0000.dev-a';
const c1 = '0mb1a2b3c9.0000.dev-a';

function note(id: string, patch: Partial<NoteRecord> = {}): NoteRecord {
  return {
    id,
    url: 'https://example.com/a',
    pageKey: 'https://example.com/a',
    site: 'example.com',
    title: 'A',
    anchor: null,
    body: 'text',
    color: 'green',
    tags: ['apt'],
    deleted: false,
    createdAt: 1,
    updatedAt: 2,
    deviceId: 'dev-a',
    clocks: clocks(c0),
    hlc: c0,
    ...patch,
  };
}

const rig = await Rig.start();
afterEach(() => rig.reset());
afterAll(() => rig.close());

describe('migration 004: notes that lost fields', () => {
  it('gives them the default colour, no tags and empty text under the lowest clock, and leaves sound notes alone', async () => {
    const name = 'migration-004';
    const sound = note('sound');
    // What the bug stored: the edited field with a new clock, the others `undefined` with their old clocks.
    const lostColorAndTags = note('lost-1', {
      body: 'edited',
      color: undefined as never,
      tags: undefined as never,
      clocks: { ...clocks(c0), body: c1, deleted: c1 },
      hlc: c1,
    });
    const lostBody = note('lost-2', {
      body: undefined as never,
      color: 'purple',
      clocks: { ...clocks(c0), color: c1, deleted: c1 },
      hlc: c1,
    });
    await atVersion3(name, async (db) => {
      await db.table('notes').bulkAdd([sound, lostColorAndTags, lostBody]);
      await db.table('outbox').add({ noteId: 'lost-1', mutationId: 4, fields: ['body', 'deleted'] });
      await db.table('meta').bulkAdd([
        { key: 'mutationSeq', value: '4' },
        { key: 'sync.cursor', value: '17' },
      ]);
    });

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(MIGRATIONS.length);
    expect(await db.notes.get('sound')).toEqual(sound);
    const one = (await db.notes.get('lost-1'))!;
    expect([one.body, one.color, one.tags]).toEqual(['edited', 'yellow', []]);
    expect(one.clocks).toEqual({
      ...clocks(c0),
      body: c1,
      deleted: c1,
      color: REPAIR_CLOCK,
      tags: REPAIR_CLOCK,
    });
    expect(one.hlc).toBe(c1);
    const two = (await db.notes.get('lost-2'))!;
    expect([two.body, two.color, two.tags]).toEqual(['', 'purple', ['apt']]);
    expect(two.clocks.body).toBe(REPAIR_CLOCK);
    // lost-1 was already queued; lost-2 is queued now, under the next mutation id.
    expect((await db.outbox.toArray()).map((e) => [e.noteId, e.mutationId])).toEqual([
      ['lost-1', 4],
      ['lost-2', 5],
    ]);
    expect((await db.meta.get('mutationSeq'))?.value).toBe('5');
    // The pull starts over once, so the server's good values come back.
    expect((await db.meta.get('sync.cursor'))?.value).toBe('0');
    await db.delete();
  });

  it('lets the colour and tags still on the server win over the repair on the next sync, then syncs the note', async () => {
    const { userId } = await rig.server.createUser();
    const a = rig.device('a');
    await a.connect(userId);
    const written = await a.add('Cicada again', { color: 'green', tags: ['apt', 'japan'] });
    await a.sync();
    expect((await rig.server.notesOf(userId))[0]?.fields.color).toBe('green');

    // The old dashboard edit of the text only: body and deleted re-clocked, colour and tags undefined.
    tick(10);
    const { hlc } = await a.db.transaction('rw', a.db.meta, () => nextClock(a.db, a.now()));
    const damaged: NoteRecord = {
      ...written,
      body: 'Cicada, again: see the 2023 report',
      color: undefined as never,
      tags: undefined as never,
      clocks: { ...written.clocks, body: hlc, deleted: hlc },
      hlc,
      updatedAt: a.now(),
    };
    await a.db.notes.put(damaged);
    await a.db.outbox.add({ noteId: written.id, mutationId: 99, fields: ['body', 'deleted'] });
    await a.db.meta.put({ key: 'mutationSeq', value: '99' });
    await a.sync();
    // Held back: the server still has the good colour and the old text.
    expect((await a.engine.status()).error).toMatch(/color/);
    expect((await rig.server.notesOf(userId))[0]?.fields.body).toBe('Cicada again');

    // The same profile after the update: its rows in a version-3 database, opened by the new code.
    const rows = {
      notes: await a.db.notes.toArray(),
      outbox: await a.db.outbox.toArray(),
      meta: await a.db.meta.toArray(),
    };
    const updated = rig.device('a-updated');
    await atVersion3(updated.db.name, async (db) => {
      await db.table('notes').bulkAdd(rows.notes);
      await db.table('outbox').bulkAdd(rows.outbox);
      await db.table('meta').bulkAdd(rows.meta);
    });
    await updated.sync();
    await updated.sync();

    const after = (await updated.note(written.id))!;
    expect([after.body, after.color, after.tags]).toEqual([
      'Cicada, again: see the 2023 report',
      'green',
      ['apt', 'japan'],
    ]);
    expect(after.clocks.color).toBe(written.clocks.color);
    expect(await updated.pending()).toBe(0);
    const onServer = (await rig.server.notesOf(userId))[0]!;
    expect(onServer.fields).toMatchObject({
      body: 'Cicada, again: see the 2023 report',
      color: 'green',
      tags: ['apt', 'japan'],
    });
    expect((await updated.engine.status()).error).toBeUndefined();
  });
});
