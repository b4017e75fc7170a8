/**
 * Every schema version upgrades a filled database of the version before it without losing a row
 * (house style: numbered, append-only migrations, each with a before/after test).
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../../src/background/db/database';
import { migration001 } from '../../../../src/background/db/migrations/001-initial';
import { migration002 } from '../../../../src/background/db/migrations/002-notes';
import { MIGRATIONS } from '../../../../src/background/db/migrations/index';

describe('migrations', () => {
  it('are numbered 1, 2, … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('002 upgrades a filled version-1 database and keeps every row', async () => {
    const name = 'migration-002';
    const v1 = new Dexie(name);
    v1.version(1).stores(migration001.stores);
    await v1.open();
    const entities = Array.from({ length: 40 }, (_, i) => ({
      id: `e${i}`,
      origin: i % 2 ? 'builtin' : 'user',
      type: 'company',
      name: `E${i}`,
    }));
    await v1.table('entities').bulkAdd(entities);
    await v1
      .table('passages')
      .bulkAdd([{ id: 's:0:0', entityId: 'e1', sourceId: 's', origin: 'builtin', text: 'x' }]);
    await v1.table('sources').add({ id: 's', origin: 'builtin', blocks: [], mentions: [] });
    await v1.table('meta').add({ key: 'kbVersion', value: '1-abc' });
    await v1.table('sites').bulkAdd([
      { host: 'a.example', isEnabled: false, updatedAt: 1 },
      { host: 'b.example', isEnabled: true, updatedAt: 2 },
    ]);
    v1.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(MIGRATIONS.length);
    expect(await db.entities.count()).toBe(40);
    expect((await db.entities.get('e0'))?.origin).toBe('user');
    expect(await db.passages.count()).toBe(1);
    expect((await db.meta.get('kbVersion'))?.value).toBe('1-abc');
    expect((await db.sites.get('a.example'))?.isEnabled).toBe(false);
    // The new stores are there and usable, with their indexes.
    await db.notes.add({
      id: 'n1',
      url: 'https://example.com/a#x',
      pageKey: 'https://example.com/a',
      anchor: null,
      body: 'hello',
      color: 'yellow',
      tags: ['quad', 'cyber'],
      deleted: false,
      createdAt: 1,
      updatedAt: 1,
      site: 'example.com',
      title: '',
      deviceId: 'd1',
      clocks: { body: 'a', color: 'a', tags: 'a', anchor: 'a', deleted: 'a' },
      hlc: 'a',
    });
    expect((await db.notes.where('tags').equals('quad').toArray()).map((n) => n.id)).toEqual(['n1']);
    expect(await db.notes.where('pageKey').equals('https://example.com/a').count()).toBe(1);
    await db.outbox.add({ noteId: 'n1', mutationId: 1, fields: ['body'] });
    expect(await db.outbox.count()).toBe(1);
    await db.delete();
  });

  it('003 upgrades a version-2 database full of notes without losing one, filling site, title and updatedAt', async () => {
    const name = 'migration-003';
    const v2 = new Dexie(name);
    v2.version(1).stores(migration001.stores);
    v2.version(2).stores(migration002.stores);
    await v2.open();
    const clocks = { body: 'c', color: 'c', tags: 'c', anchor: 'c', deleted: 'c' };
    // Version-2 rows: no site, title or updatedAt yet. Passage, entity and deleted notes, many pages.
    const notes = Array.from({ length: 500 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      url: `https://www.site${i % 7}.example/article/${i}?utm_source=x`,
      pageKey: `https://site${i % 7}.example/article/${i}`,
      ...(i % 10 === 0 ? { entityId: 'cicada' } : {}),
      anchor:
        i % 10 === 0
          ? null
          : {
              quote: { exact: `passage ${i}`, prefix: 'before ', suffix: ' after' },
              position: { start: i, end: i + 9 },
            },
      body: `note ${i} <b>not html</b>`,
      color: (['yellow', 'green', 'blue', 'pink', 'purple'] as const)[i % 5],
      tags: i % 3 === 0 ? ['quad', `t${i}`] : [],
      deleted: i % 50 === 0,
      createdAt: 1_700_000_000_000 + i,
      deviceId: 'device-a',
      clocks,
      hlc: 'c',
    }));
    await v2.table('notes').bulkAdd(notes);
    await v2
      .table('outbox')
      .bulkAdd(notes.slice(0, 20).map((n, i) => ({ noteId: n.id, mutationId: i + 1, fields: ['body'] })));
    v2.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(MIGRATIONS.length);
    const after = await db.notes.toArray();
    expect(after).toHaveLength(500);
    for (const before of notes) {
      const row = after.find((n) => n.id === before.id);
      // Every field the note had is unchanged…
      expect(row).toMatchObject(before);
      // …and the new ones are filled from it.
      expect(row?.site).toBe(`site${Number(before.id.slice(-12)) % 7}.example`);
      expect(row?.title).toBe('');
      expect(row?.updatedAt).toBe(before.createdAt);
    }
    expect(await db.notes.where('site').equals('site3.example').count()).toBe(
      notes.filter((_, i) => i % 7 === 3).length,
    );
    expect(await db.notes.where('tags').equals('quad').count()).toBe(
      notes.filter((_, i) => i % 3 === 0).length,
    );
    expect(await db.outbox.count()).toBe(20);
    await db.anchorStatus.put({ noteId: notes[1]!.id, pageKey: notes[1]!.pageKey, status: 'orphan', at: 1 });
    expect(await db.anchorStatus.count()).toBe(1);
    await db.delete();
  });
});
