/**
 * The note requests end to end inside the background: real Dexie (fake-indexeddb), the real Web Annotation
 * import and export, and a minimal fake of the extension APIs (session storage, tabs).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../../../src/platform/browser';

const session = new Map<string, unknown>();
const syncArea = new Map<string, unknown>();
const created: string[] = [];
const events: Array<[number, unknown]> = [];

vi.mock('../../../src/platform/browser', () => ({
  browser: {
    runtime: { getManifest: () => ({ version: '9.8.7' }) },
    storage: {
      sync: {
        get: async (key: string) => (syncArea.has(key) ? { [key]: syncArea.get(key) } : {}),
      },
      session: {
        get: async (key: string | null) =>
          key === null ? Object.fromEntries(session) : session.has(key) ? { [key]: session.get(key) } : {},
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) session.set(k, structuredClone(v));
        },
        remove: async (keys: string | string[]) => {
          for (const k of Array.isArray(keys) ? keys : [keys]) session.delete(k);
        },
      },
    },
    tabs: {
      create: async ({ url }: { url: string }) => {
        created.push(url);
        return { id: 99 };
      },
      sendMessage: async (tabId: number, message: unknown) => {
        events.push([tabId, message]);
      },
    },
  },
}));

const { openDb } = await import('../../../src/background/db/database');
const { makeNoteHandlers } = await import('../../../src/background/notes-handlers');

type Db = ReturnType<typeof openDb>;
let db: Db;
let n = 0;
let clock = 1_700_000_000_000;
const now = () => clock;
const tab = (id: number, frameId = 0) => ({ id: 'gloss', tab: { id }, frameId }) as Runtime.MessageSender;
const page = { id: 'gloss', url: 'chrome-extension://gloss/dashboard.html' } as Runtime.MessageSender;

const anchor = {
  quote: { exact: 'cyber norms', prefix: 'agreed on ', suffix: ' for the region' },
  position: { start: 40, end: 51 },
};
const input = (patch = {}) => ({
  page: { url: 'https://www.example.com/story?utm_source=feed#top', title: 'A story' },
  anchor,
  body: 'Worth comparing with the 2015 UN GGE report.',
  color: 'blue' as const,
  tags: ['norms', 'un'],
  ...patch,
});

beforeEach(() => {
  db = openDb(`notes-handlers-${n++}`);
  session.clear();
  created.length = 0;
  events.length = 0;
});
afterEach(async () => {
  await db.delete();
});

describe('note handlers', () => {
  it('files a note under the normalised page and gives it back for that page, however it is linked', async () => {
    const h = makeNoteHandlers(db, now);
    const note = await h.createNote(input(), tab(1));
    expect(note.pageKey).toBe('https://example.com/story');
    expect(note).not.toHaveProperty('clocks');
    const again = await h.getPageNotes({ url: 'http://example.com/story?fbclid=abc' }, tab(2));
    expect(again.notes.map((x) => x.id)).toEqual([note.id]);
    // A canonical link on the same site wins over the address.
    const viaCanonical = await h.getPageNotes(
      { url: 'https://example.com/amp/123', canonical: 'https://www.example.com/story' },
      tab(3),
    );
    expect(viaCanonical.notes.map((x) => x.id)).toEqual([note.id]);
  });

  it("keeps the page's declared language with the note, through an export and an import", async () => {
    const a = makeNoteHandlers(db, now);
    const jaPage = { url: 'https://news.example.jp/a', title: 'ニュース', lang: 'ja' };
    const written = await a.createNote(input({ page: jaPage }), tab(1));
    expect(written.lang).toBe('ja');
    const file = await a.exportNotes({ format: 'jsonld' }, page);
    expect(file.text).toContain('"language": "ja"');
    const other = openDb(`notes-handlers-fresh-${n++}`);
    try {
      const b = makeNoteHandlers(other, now);
      await b.importNotes({ text: file.text }, page);
      expect((await b.listNotes({}, page)).notes.map((x) => x.lang)).toEqual(['ja']);
    } finally {
      await other.delete();
    }
  });

  it('entity notes show for the entity on any page, and not among a page’s passage notes', async () => {
    const h = makeNoteHandlers(db, now);
    const about = await h.createNote(input({ anchor: undefined, entityId: 'cicada' }), tab(1));
    expect((await h.getEntityNotes({ entityId: 'cicada' }, tab(5))).map((x) => x.id)).toEqual([about.id]);
    expect((await h.getPageNotes({ url: 'https://example.com/story' }, tab(1))).notes).toEqual([]);
  });

  it('tracks orphans per tab for the popup, ignoring ids of notes filed elsewhere', async () => {
    const h = makeNoteHandlers(db, now);
    const a = await h.createNote(input(), tab(1));
    const b = await h.createNote(input({ body: 'second' }), tab(1));
    const elsewhere = await h.createNote(
      input({ page: { url: 'https://other.example/x', title: '' } }),
      tab(1),
    );
    const { pageKey } = await h.getPageNotes({ url: 'https://example.com/story' }, tab(7));
    expect((await h.getTabNotes({ tabId: 7 }, page)).notes.map((x) => x.status)).toEqual([
      'pending',
      'pending',
    ]);
    await h.reportNoteStatus({ pageKey, anchoredIds: [a.id], orphanIds: [b.id, elsewhere.id] }, tab(7));
    const popup = await h.getTabNotes({ tabId: 7 }, page);
    expect(Object.fromEntries(popup.notes.map((x) => [x.id, x.status]))).toEqual({
      [a.id]: 'anchored',
      [b.id]: 'orphan',
    });
    expect((await h.listNotes({}, page)).orphanIds).toEqual([b.id]);
  });

  it('delete and restore travel to other tabs as a notesChanged event, not to the tab that made them', async () => {
    const h = makeNoteHandlers(db, now);
    await h.getPageNotes({ url: 'https://example.com/story' }, tab(1));
    await h.getPageNotes({ url: 'https://example.com/story' }, tab(2));
    const note = await h.createNote(input(), tab(1));
    await new Promise((r) => setTimeout(r, 0));
    expect(events.map(([id]) => id)).toEqual([2]);
    await h.deleteNote({ id: note.id }, tab(2));
    expect((await h.listNotes({}, page)).notes).toEqual([]);
    const back = await h.restoreNote({ id: note.id }, page);
    expect(back.body).toBe(note.body);
  });

  it('exports JSON-LD that imports into an empty profile as the same notes, and a second import adds nothing', async () => {
    const a = makeNoteHandlers(db, now);
    await a.createNote(input(), tab(1));
    clock += 1000;
    await a.createNote(
      input({ anchor: undefined, entityId: 'cicada', body: 'APT10 again', tags: [] }),
      tab(1),
    );
    await db.entities.add({
      id: 'cicada',
      name: 'Cicada',
      type: 'threat-actor',
      description: 'A group.',
      aliases: [{ text: 'Cicada' }],
      related: [],
      origin: 'builtin',
    });
    const file = await a.exportNotes({ format: 'jsonld' }, page);
    expect(file.filename).toMatch(/^gloss-notes-\d{4}-\d{2}-\d{2}\.jsonld$/);
    expect(JSON.parse(file.text).type).toBe('AnnotationCollection');

    const other = openDb(`notes-handlers-fresh-${n++}`);
    await other.entities.add({
      id: 'cicada',
      name: 'Cicada',
      type: 'threat-actor',
      description: 'A group.',
      aliases: [{ text: 'Cicada' }],
      related: [],
      origin: 'builtin',
    });
    const b = makeNoteHandlers(other, now);
    expect(await b.importNotes({ text: file.text }, page)).toEqual({ added: 2, unchanged: 0, skipped: [] });
    expect(await b.importNotes({ text: file.text }, page)).toEqual({ added: 0, unchanged: 2, skipped: [] });
    const pick = (x: {
      id: string;
      url: string;
      anchor: unknown;
      body: string;
      color: string;
      tags: string[];
      entityId?: string;
      createdAt: number;
    }) => [x.id, x.url, x.anchor, x.body, x.color, x.tags, x.entityId, x.createdAt];
    const before = (await a.listNotes({}, page)).notes.map(pick).sort();
    const after = (await b.listNotes({}, page)).notes.map(pick).sort();
    expect(after).toEqual(before);
    await other.delete();
  });

  it('a bad file changes nothing and says why', async () => {
    const h = makeNoteHandlers(db, now);
    await h.createNote(input(), tab(1));
    await expect(h.importNotes({ text: '{"type": "AnnotationCollection", ' }, page)).rejects.toThrow(/JSON/);
    const hostile = JSON.stringify([
      {
        type: 'Annotation',
        id: 'urn:uuid:11111111-1111-4111-8111-111111111111',
        bodyValue: 'ok',
        target: 'https://a.example/',
      },
      { type: 'Annotation', bodyValue: 'x', target: 'javascript:alert(1)' },
    ]);
    await expect(h.importNotes({ text: hostile }, page)).rejects.toThrow(/2/);
    expect(await db.notes.count()).toBe(1);
  });

  it('imported notes about entities this knowledge base lacks become page notes, and the summary says so', async () => {
    const h = makeNoteHandlers(db, now);
    const text = JSON.stringify({
      '@context': ['http://www.w3.org/ns/anno.jsonld', { gloss: 'https://github.com/gloss-extension/ns#' }],
      type: 'Annotation',
      id: 'urn:uuid:22222222-2222-4222-8222-222222222222',
      bodyValue: 'about a group we do not know',
      target: 'urn:gloss:entity:unknown-group',
      'gloss:page': 'https://a.example/page',
    });
    expect(await h.importNotes({ text }, page)).toEqual({
      added: 1,
      unchanged: 0,
      skipped: [],
      changed: [
        {
          index: 1,
          id: 'urn:uuid:22222222-2222-4222-8222-222222222222',
          change: 'became a page note, as this knowledge base has no entity "unknown-group"',
        },
      ],
    });
    const [note] = (await h.listNotes({}, page)).notes;
    expect(note?.entityId).toBeUndefined();
    expect(note?.url).toBe('https://a.example/page');
    expect(note?.body).toBe('about a group we do not know');
  });

  it('exports Gloss with its version as generator, and the name set on the options page as creator', async () => {
    const h = makeNoteHandlers(db, now);
    await h.createNote(input(), tab(1));
    const annotationOf = async () => {
      const file = await h.exportNotes({ format: 'jsonld' }, page);
      return JSON.parse(file.text).first.items[0];
    };
    expect((await annotationOf()).generator).toMatchObject({
      name: 'Gloss',
      'schema:softwareVersion': '9.8.7',
    });
    expect(await annotationOf()).not.toHaveProperty('creator');
    syncArea.set('settings', { creatorName: 'Aiko Tanaka' });
    expect((await annotationOf()).creator).toEqual({ type: 'Person', name: 'Aiko Tanaka' });
    syncArea.clear();
  });

  it('opens the page of a note and asks that tab to scroll to it; refuses addresses that are not pages', async () => {
    const h = makeNoteHandlers(db, now);
    const note = await h.createNote(input(), tab(1));
    await h.openNote({ id: note.id }, page);
    expect(created).toEqual(['https://www.example.com/story?utm_source=feed#top']);
    const reply = await h.getPageNotes({ url: 'https://example.com/story' }, tab(99));
    expect(reply.focusNoteId).toBe(note.id);
    // Taken once.
    expect((await h.getPageNotes({ url: 'https://example.com/story' }, tab(99))).focusNoteId).toBeUndefined();
    await h.deleteNote({ id: note.id }, page);
    await expect(h.openNote({ id: note.id }, page)).rejects.toThrow(/no longer exists/);
  });
});
