/**
 * Schema 6 (the reader's library) upgrades a filled version-5 database without losing a row: notes, their
 * queued changes (still sent by the note sync, in order), the built-in KB, site switches and clocks; and
 * the new stores hold the reader's sources and entities next to it.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../../src/background/db/database';
import { MIGRATIONS } from '../../../../src/background/db/migrations/index';
import {
  countQueued,
  countQueuedLibrary,
  queuedInOrder,
  queueLibraryChange,
  replaceQueue,
} from '../../../../src/background/db/outbox-repo';

describe('migration 006', () => {
  it('keeps every row of a filled version-5 database and adds the library stores', async () => {
    const name = 'migration-006';
    const v5 = new Dexie(name);
    for (const m of MIGRATIONS.filter((m) => m.version <= 5)) v5.version(m.version).stores(m.stores);
    await v5.open();
    const clocks = { body: 'c', color: 'c', tags: 'c', anchor: 'c', deleted: 'c' };
    const notes = Array.from({ length: 300 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      url: `https://site${i % 5}.example/p${i}`,
      pageKey: `https://site${i % 5}.example/p${i}`,
      site: `site${i % 5}.example`,
      title: `Page ${i}`,
      anchor: null,
      body: `note ${i}`,
      color: 'yellow',
      tags: i % 2 ? ['apt'] : [],
      deleted: false,
      createdAt: i,
      updatedAt: i,
      deviceId: 'd',
      clocks,
      hlc: 'c',
    }));
    await v5.table('notes').bulkAdd(notes);
    await v5
      .table('outbox')
      .bulkAdd(notes.slice(0, 30).map((n, i) => ({ noteId: n.id, mutationId: i + 1, fields: ['body'] })));
    await v5
      .table('entities')
      .bulkAdd([{ id: 'nec', origin: 'builtin', name: 'NEC', type: 'company', aliases: [], related: [] }]);
    await v5.table('sources').add({ id: 'src-a', origin: 'builtin', title: 'A', blocks: [], mentions: [] });
    await v5
      .table('passages')
      .add({ id: 'src-a:0:0', entityId: 'nec', sourceId: 'src-a', origin: 'builtin', text: 'x' });
    await v5.table('meta').bulkAdd([
      { key: 'kbVersion', value: '1-abc' },
      { key: 'mutationSeq', value: '30' },
      { key: 'deviceId', value: 'device-5' },
    ]);
    await v5.table('sites').add({ host: 'off.example', isEnabled: false, updatedAt: 1 });
    v5.close();

    const db = openDb(name);
    await db.open();
    // Opened at the newest version: 006 and every later migration ran over the filled database.
    expect(db.verno).toBeGreaterThanOrEqual(6);
    expect(await db.notes.count()).toBe(300);
    for (const before of notes.slice(0, 50)) expect(await db.notes.get(before.id)).toMatchObject(before);
    expect(await db.entities.count()).toBe(1);
    expect(await db.sources.count()).toBe(1);
    expect(await db.passages.count()).toBe(1);
    expect(await db.meta.get('kbVersion')).toEqual({ key: 'kbVersion', value: '1-abc' });
    expect((await db.sites.get('off.example'))?.isEnabled).toBe(false);
    // The note sync still sees exactly its 30 queued changes, in order…
    expect(await countQueued(db)).toBe(30);
    expect((await queuedInOrder(db)).map(([, m]) => m)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    // …and a library change queued next to them takes the next mutation id but is not a note change.
    await db.transaction('rw', ['outbox', 'meta'], () =>
      queueLibraryChange(db, 'source', 'a-source', ['meta']),
    );
    expect(await countQueued(db)).toBe(30);
    expect(await countQueuedLibrary(db)).toBe(1);
    expect(
      (await db.outbox.where('[kind+recordId]').equals(['source', 'a-source']).first())?.mutationId,
    ).toBe(31);
    // Rebuilding the note queue (a new server) leaves library changes alone.
    await db.transaction('rw', ['outbox', 'meta'], () => replaceQueue(db, [notes[0]!.id], ['body']));
    expect(await countQueued(db)).toBe(1);
    expect(await countQueuedLibrary(db)).toBe(1);
    // The new stores work.
    await db.userSources.put({
      id: 's1',
      pageKey: 'https://x.example/',
      url: 'https://x.example/',
      title: 'X',
    } as never);
    await db.userEntities.put({ id: 'e1', name: 'E' } as never);
    await db.rejections.put({ key: 'foo', name: 'Foo', at: 1 });
    expect(await db.userSources.where('pageKey').equals('https://x.example/').count()).toBe(1);
    expect(await db.userEntities.count()).toBe(1);
    await db.delete();
  });
});
