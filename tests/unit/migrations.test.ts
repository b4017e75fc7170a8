/**
 * Every schema version upgrades a filled database of the version before it without losing a row
 * (house style: numbered, append-only migrations, each with a before/after test).
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/background/db/database';
import { migration001 } from '../../src/background/db/migrations/001-initial';
import { MIGRATIONS } from '../../src/background/db/migrations/index';

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
    expect(db.verno).toBe(2);
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
});
