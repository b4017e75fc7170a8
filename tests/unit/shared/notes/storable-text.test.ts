/**
 * Issue 10: notes holding U+0000 or an unpaired surrogate (from page text, a paste or an import) were
 * stored as they were and then refused by the sync wire forever. Every path that stores a note now
 * replaces them with U+FFFD; notes already stored are mended by migration 005.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../../../../src/platform/browser';

vi.mock('../../../../src/platform/browser', () => ({
  browser: {
    storage: {
      session: { get: async () => ({}), set: async () => undefined, remove: async () => undefined },
    },
    tabs: { sendMessage: async () => undefined },
  },
}));

const { openDb } = await import('../../../../src/background/db/database');
const { MIGRATIONS } = await import('../../../../src/background/db/migrations/index');
const { makeNoteHandlers } = await import('../../../../src/background/notes-handlers');
const { toSyncNote } = await import('../../../../src/background/sync/note-codec');
const { isStorableText, storableText } = await import('../../../../src/shared/notes/storable-text');
const { SyncNoteSchema } = await import('../../../../src/shared/sync/wire-schemas');

const NUL = '\u0000';
const BAD = '33333333-3333-4333-8333-333333333333';
const LONE_HIGH = '\uD83D';
const LONE_LOW = '\uDE00';
const PAIR = '\uD83D\uDE00';
const page = { id: 'gloss', url: 'chrome-extension://gloss/dashboard.html' } as Runtime.MessageSender;
const tab = { id: 'gloss', tab: { id: 1 }, frameId: 0 } as Runtime.MessageSender;
let n = 0;
const dbs: Dexie[] = [];
const fresh = () => {
  const db = openDb(`storable-${n++}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** Whether the sync wire would take the stored note. */
const sendable = async (db: ReturnType<typeof openDb>, id: string) =>
  v.safeParse(SyncNoteSchema, toSyncNote((await db.notes.get(id))!)).success;

describe('storable text', () => {
  it('replaces U+0000 and unpaired surrogates, keeps pairs and the length', () => {
    const raw = `a${NUL}b${LONE_HIGH}c${LONE_LOW}d${PAIR}${LONE_HIGH}`;
    const clean = storableText(raw);
    expect(clean).toBe(`a\uFFFDb\uFFFDc\uFFFDd${PAIR}\uFFFD`);
    expect(clean.length).toBe(raw.length);
    expect([isStorableText(raw), isStorableText(clean), isStorableText(PAIR)]).toEqual([false, true, true]);
    expect(storableText('plain')).toBe('plain');
  });

  it('a note written, edited and imported with such text is stored so that it can sync', async () => {
    const db = fresh();
    const h = makeNoteHandlers(db, () => 1_700_000_000_000);
    const written = await h.createNote(
      {
        page: { url: 'https://example.com/a', title: `Title ${LONE_LOW}` },
        anchor: { quote: { exact: `quote ${LONE_HIGH}`, prefix: `${NUL}pre`, suffix: 'post' } },
        body: `body ${NUL}`,
        color: 'yellow',
        tags: [`tag${LONE_HIGH}`],
      },
      tab,
    );
    expect(await sendable(db, written.id)).toBe(true);
    expect((await db.notes.get(written.id))?.anchor?.quote.exact).toBe('quote \uFFFD');

    await h.updateNote({ id: written.id, body: `edited ${LONE_LOW}`, tags: [NUL] }, page);
    expect(await sendable(db, written.id)).toBe(true);
    expect((await db.notes.get(written.id))?.body).toBe('edited \uFFFD');

    const file = JSON.stringify({
      type: 'Annotation',
      id: 'urn:uuid:22222222-2222-4222-8222-222222222222',
      bodyValue: `imported ${NUL} ${LONE_HIGH}`,
      target: {
        source: 'https://example.com/b',
        selector: { type: 'TextQuoteSelector', exact: `x${LONE_LOW}` },
      },
    });
    expect((await h.importNotes({ text: file }, page)).added).toBe(1);
    const imported = (await db.notes.toArray()).find((note) => note.body.startsWith('imported'))!;
    expect(imported.body).toBe('imported \uFFFD \uFFFD');
    expect(await sendable(db, imported.id)).toBe(true);
  });

  it('migration 005 mends notes stored before, keeping their clocks', async () => {
    const name = `storable-migration-${n++}`;
    const v4 = new Dexie(name);
    for (const m of MIGRATIONS.filter((m) => m.version <= 4)) v4.version(m.version).stores(m.stores);
    await v4.open();
    const c = '0mb1a2b3c4.0000.dev-a';
    const clocks = { body: c, color: c, tags: c, anchor: c, deleted: c };
    const note = {
      id: BAD,
      url: 'https://example.com/a',
      pageKey: 'https://example.com/a',
      site: 'example.com',
      title: `t${LONE_HIGH}`,
      anchor: { quote: { exact: `q${NUL}`, prefix: '', suffix: '' } },
      body: `b${LONE_LOW}`,
      color: 'green',
      tags: [`x${NUL}`],
      deleted: false,
      createdAt: 1,
      updatedAt: 2,
      deviceId: 'dev-a',
      clocks,
      hlc: c,
    };
    await v4
      .table('notes')
      .bulkAdd([note, { ...note, id: 'good', title: 't', body: 'b', tags: [], anchor: null }]);
    v4.close();
    const db = openDb(name);
    dbs.push(db);
    await db.open();
    const mended = (await db.notes.get(BAD))!;
    expect([mended.title, mended.body, mended.tags, mended.anchor?.quote.exact]).toEqual([
      't\uFFFD',
      'b\uFFFD',
      ['x\uFFFD'],
      'q\uFFFD',
    ]);
    expect(mended.clocks).toEqual(clocks);
    expect(await sendable(db, BAD)).toBe(true);
    expect((await db.notes.get('good'))?.body).toBe('b');
  });
});
