/**
 * Schema 7 (search and "where you have seen it") upgrades a filled version-6 database without losing a
 * row of any store, and adds the three new stores, each usable by the keys and indexes its owner reads.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../../src/background/db/database';
import { MIGRATIONS } from '../../../../src/background/db/migrations/index';
import { countQueued } from '../../../../src/background/db/outbox-repo';
import { recordSightings, sightingStats, sightingsOf } from '../../../../src/background/db/sightings-repo';

describe('migration 007', () => {
  it('keeps every row of a filled version-6 database and adds searchIndex, searchJournal and sightings', async () => {
    const name = 'migration-007';
    const v6 = new Dexie(name);
    for (const m of MIGRATIONS.filter((m) => m.version <= 6)) v6.version(m.version).stores(m.stores);
    await v6.open();
    const clocks = { body: 'c', color: 'c', tags: 'c', anchor: 'c', deleted: 'c' };
    const notes = Array.from({ length: 200 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      url: `https://site${i % 4}.example/p${i}`,
      pageKey: `https://site${i % 4}.example/p${i}`,
      site: `site${i % 4}.example`,
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
    const userSources = Array.from({ length: 20 }, (_, i) => ({
      id: `source-${i}`,
      pageKey: `https://kept.example/${i}`,
      url: `https://kept.example/${i}`,
      title: `Kept ${i}`,
      blocks: [{ kind: 'p', text: `Paragraph ${i}` }],
      addedAt: i,
      updatedAt: i,
      deleted: false,
      deviceId: 'd',
      clocks: { meta: 'c', blocks: 'c', deleted: 'c' },
      hlc: 'c',
    }));
    const userEntities = Array.from({ length: 10 }, (_, i) => ({
      id: `entity-${i}`,
      name: `Entity ${i}`,
      type: 'company',
      description: '',
      aliases: [],
      related: [],
      links: [],
      hidden: false,
      createdAt: i,
      updatedAt: i,
      deleted: false,
      deviceId: 'd',
      clocks: {},
      hlc: 'c',
    }));
    await v6.table('notes').bulkAdd(notes);
    await v6
      .table('outbox')
      .bulkAdd([
        ...notes.slice(0, 12).map((n, i) => ({ noteId: n.id, mutationId: i + 1, fields: ['body'] })),
        { kind: 'source', recordId: 'source-0', mutationId: 13, fields: ['meta'] },
      ]);
    await v6.table('userSources').bulkAdd(userSources);
    await v6.table('userEntities').bulkAdd(userEntities);
    await v6.table('rejections').add({ key: 'foo', name: 'Foo', at: 1 });
    await v6
      .table('entities')
      .add({ id: 'nec', origin: 'builtin', name: 'NEC', type: 'company', aliases: [], related: [] });
    await v6.table('sources').add({ id: 'src-a', origin: 'builtin', title: 'A', blocks: [], mentions: [] });
    await v6
      .table('passages')
      .add({ id: 'src-a:0:0', entityId: 'nec', sourceId: 'src-a', origin: 'builtin', text: 'x' });
    await v6.table('meta').bulkAdd([
      { key: 'kbVersion', value: '1-abc' },
      { key: 'mutationSeq', value: '13' },
      { key: 'deviceId', value: 'device-6' },
    ]);
    await v6.table('sites').add({ host: 'off.example', isEnabled: false, updatedAt: 1 });
    await v6
      .table('anchorStatus')
      .add({ noteId: notes[0]!.id, pageKey: notes[0]!.pageKey, status: 'orphan', at: 1 });
    const before = new Map<string, unknown[]>();
    for (const table of v6.tables) before.set(table.name, await table.toArray());
    v6.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(7);
    // Every row of every version-6 store, unchanged.
    for (const [table, rows] of before) expect(await db.table(table).toArray()).toEqual(rows);
    expect(before.get('notes')).toHaveLength(200);
    expect(await countQueued(db)).toBe(12);
    // The new stores exist, empty, with the keys and indexes their owners use.
    const names = db.tables.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['searchIndex', 'searchJournal', 'sightings']));
    expect(await db.searchIndex.count()).toBe(0);
    expect(await db.sightings.count()).toBe(0);
    expect(db.sightings.schema.primKey.keyPath).toEqual(['entityId', 'pageKey']);
    expect(db.sightings.schema.indexes.map((i) => i.name).sort()).toEqual([
      'entityId',
      'lastSeen',
      'pageKey',
    ]);
    await db.searchIndex.put({ key: 'snapshot', value: { v: 1 } });
    expect((await db.searchIndex.get('snapshot'))?.value).toEqual({ v: 1 });
    await db.searchJournal.add({ table: 'notes', id: notes[0]!.id });
    expect(await db.searchJournal.count()).toBe(1);
    await recordSightings(
      db,
      [
        {
          pageKey: 'https://site0.example/p0',
          url: 'https://site0.example/p0',
          title: 'Page 0',
          seenAt: 5,
          counts: { nec: 2 },
        },
      ],
      0,
      5,
    );
    expect(await sightingStats(db)).toEqual({ pageCount: 1, sightingCount: 1 });
    expect((await sightingsOf(db, 'nec', 10))[0]).toMatchObject({ mentions: 2, firstSeen: 5 });
    expect(await db.sightings.where('lastSeen').below(6).count()).toBe(1);
    await db.delete();
  });
});
