/**
 * `dataChanged` to extension pages: the coalescing window (500 changes → one event), and every change path
 * of the real note and library handlers (Dexie on fake-indexeddb) announcing the right kind once committed.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../../../src/platform/browser';
import type { DataKind, PageEventEnvelope } from '../../../src/shared/protocol';
import { noteView } from '../helpers/note-view';

/** What the background broadcast to extension pages, in order. */
const broadcast: PageEventEnvelope[] = [];
/** What the background sent to tabs' content scripts. */
const toTabs: unknown[] = [];
const session = new Map<string, unknown>();

vi.mock('../../../src/platform/browser', () => ({
  browser: {
    runtime: {
      getManifest: () => ({ version: '1.0.0' }),
      sendMessage: async (message: PageEventEnvelope) => {
        broadcast.push(structuredClone(message));
      },
    },
    storage: {
      sync: { get: async () => ({}) },
      session: {
        get: async (key: string | null) =>
          key === null ? Object.fromEntries(session) : session.has(key) ? { [key]: session.get(key) } : {},
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) session.set(k, structuredClone(v));
        },
        remove: async () => undefined,
      },
    },
    tabs: {
      query: async () => [{ id: 1 }],
      sendMessage: async (_tabId: number, message: unknown) => {
        toTabs.push(message);
      },
    },
  },
}));

const { makeDataChangedAnnouncer, flushDataChanged, DATA_CHANGED_WINDOW_MS } = await import(
  '../../../src/background/page-events'
);
const { openDb } = await import('../../../src/background/db/database');
const { makeNoteHandlers, announceNotesChanged } = await import('../../../src/background/notes-handlers');
const { makeLibraryHandlers } = await import('../../../src/background/library/library-handlers');
const { syncBuiltinKb } = await import('../../../src/background/kb-loader');
const { compileKb } = await import('../../../src/kb/compile');
const { toJsonLd } = await import('../../../src/shared/notes/web-annotation/jsonld-export');

describe('the coalescing window', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('500 changes inside the window go out as one event with every kind', async () => {
    const sends: DataKind[][] = [];
    const announcer = makeDataChangedAnnouncer(async (kinds) => {
      sends.push(kinds);
    });
    for (let i = 0; i < 500; i++) announcer.announce([i === 250 ? 'sources' : 'notes']);
    expect(sends).toEqual([]);
    await vi.advanceTimersByTimeAsync(DATA_CHANGED_WINDOW_MS - 1);
    expect(sends).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sends).toEqual([['notes', 'sources']]);
    // Nothing more is pending: a quiet window sends nothing.
    await vi.advanceTimersByTimeAsync(DATA_CHANGED_WINDOW_MS * 5);
    expect(sends).toHaveLength(1);
  });

  it('a steady stream of changes reaches pages every window, not only when it stops', async () => {
    const sends: DataKind[][] = [];
    const announcer = makeDataChangedAnnouncer(async (kinds) => {
      sends.push(kinds);
    }, 200);
    // One change every 10 ms for one second: 100 changes, five windows.
    for (let ms = 0; ms < 1000; ms += 10) {
      announcer.announce(['notes']);
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(sends).toHaveLength(5);
    expect(sends.every((kinds) => kinds.join() === 'notes')).toBe(true);
  });

  it('a failed send is not thrown at the change that announced it, and the next window sends again', async () => {
    let calls = 0;
    const announcer = makeDataChangedAnnouncer(async () => {
      calls++;
      throw new Error('no page open');
    });
    announcer.announce(['entities']);
    await vi.advanceTimersByTimeAsync(DATA_CHANGED_WINDOW_MS);
    announcer.announce(['entities']);
    await announcer.flush();
    expect(calls).toBe(2);
  });
});

// The handlers, for real, with the shared announcer (real timers: Dexie on fake-indexeddb needs them).
type Db = ReturnType<typeof openDb>;
let db: Db;
let n = 0;
let clock = 1_764_000_000_000;
const now = (): number => {
  clock += 1000;
  return clock;
};
const dashboard = { id: 'gloss', url: 'chrome-extension://gloss/dashboard.html' } as Runtime.MessageSender;
const fromTab = { id: 'gloss', tab: { id: 7 }, frameId: 0 } as Runtime.MessageSender;

/** The kinds of every `dataChanged` sent since the last call, once pending ones have gone out. */
async function eventsSinceLast(): Promise<string[][]> {
  await flushDataChanged();
  const kinds = broadcast.map((e) => (e.pageEvent === 'dataChanged' ? e.args.kinds : []));
  broadcast.length = 0;
  return kinds;
}

const noteInput = (body: string) => ({
  page: { url: 'https://example.com/story', title: 'A story' },
  body,
  color: 'yellow' as const,
  tags: [],
});

beforeEach(async () => {
  db = openDb(`page-events-${n++}`);
  session.clear();
  toTabs.length = 0;
  await eventsSinceLast();
});
afterEach(async () => {
  await db.delete();
});

describe('notes announce dataChanged after every change', () => {
  it('create, edit, delete and restore, from a tab or a page', async () => {
    const h = makeNoteHandlers(db, now, async () => []);
    const note = await h.createNote(noteInput('one'), fromTab);
    expect(await eventsSinceLast()).toEqual([['notes']]);
    // Committed before the event: a page refetching on it sees the note.
    await h.updateNote({ id: note.id, body: 'two' }, dashboard);
    expect(await eventsSinceLast()).toEqual([['notes']]);
    await h.deleteNote({ id: note.id }, dashboard);
    expect(await eventsSinceLast()).toEqual([['notes']]);
    await h.restoreNote({ id: note.id }, fromTab);
    expect(await eventsSinceLast()).toEqual([['notes']]);
    // Reading announces nothing.
    await h.listNotes({}, dashboard);
    expect(await eventsSinceLast()).toEqual([]);
  });

  it('an import of 500 notes is one event, and an import that adds nothing is none', async () => {
    const h = makeNoteHandlers(db, now, async () => []);
    const notes = Array.from({ length: 500 }, (_, i) => noteView({ id: `n${i}`, body: `Note ${i}` }));
    const text = toJsonLd(notes, { entityNames: {}, exportedAt: clock, version: '1.0.0' });
    expect((await h.importNotes({ text }, dashboard)).added).toBe(500);
    expect(await eventsSinceLast()).toEqual([['notes']]);
    expect((await h.importNotes({ text }, dashboard)).added).toBe(0);
    expect(await eventsSinceLast()).toEqual([]);
  });

  it('500 quick changes from pages reach an open page as one event per window, not 500', async () => {
    const h = makeNoteHandlers(db, now, async () => []);
    const started = Date.now();
    await Promise.all(Array.from({ length: 500 }, (_, i) => h.createNote(noteInput(`n${i}`), fromTab)));
    const windows = Math.ceil((Date.now() - started) / DATA_CHANGED_WINDOW_MS) + 1;
    await new Promise((r) => setTimeout(r, DATA_CHANGED_WINDOW_MS + 50));
    const events = broadcast.length;
    expect(events).toBeGreaterThanOrEqual(1);
    expect(events).toBeLessThanOrEqual(windows);
    expect(events).toBeLessThan(20);
  });

  it('the sync engine’s announcement after a pull (no tab excepted) reaches pages too', async () => {
    await announceNotesChanged();
    expect(await eventsSinceLast()).toEqual([['notes']]);
  });
});

describe('the library announces sources and entities', () => {
  const builtin = [
    {
      id: 'nec',
      name: 'NEC',
      type: 'company' as const,
      description: 'A Japanese IT company.',
      aliases: [{ text: 'NEC', caseSensitive: true }],
      related: [],
    },
  ];
  const source = {
    url: 'https://news.example/a',
    title: 'NEC news',
    lang: 'en',
    blocks: [{ kind: 'paragraph' as const, text: 'NEC laid a cable across the Pacific this week.' }],
    textLength: 46,
    isTruncated: false,
  };

  it('sources kept, deleted and restored; entities made, edited, hidden, reset, deleted; a rejection', async () => {
    await syncBuiltinKb(db, async () => compileKb(builtin, []));
    const h = makeLibraryHandlers(db, async () => undefined, now);
    const saved = await h.saveSource({ source }, fromTab);
    if (saved.status !== 'saved') throw new Error('not saved');
    expect(await eventsSinceLast()).toEqual([['sources']]);
    // The same page again changes nothing and says nothing.
    expect((await h.saveSource({ source }, fromTab)).status).toBe('exists');
    expect(await eventsSinceLast()).toEqual([]);
    await h.deleteSource({ id: saved.source.id }, dashboard);
    expect(await eventsSinceLast()).toEqual([['sources']]);
    await h.restoreSource({ id: saved.source.id }, dashboard);
    expect(await eventsSinceLast()).toEqual([['sources']]);

    const entity = {
      name: 'Cicada',
      type: 'threat-actor' as const,
      description: '',
      aliases: [],
      related: [],
      links: [],
    };
    const made = await h.createEntity({ entity }, fromTab);
    expect(await eventsSinceLast()).toEqual([['entities']]);
    await h.updateEntity({ id: made.id, entity: { ...entity, description: 'APT10' } }, dashboard);
    await h.setEntityHidden({ id: 'nec', isHidden: true }, dashboard);
    // Two changes inside one window: one event.
    expect(await eventsSinceLast()).toEqual([['entities']]);
    await h.updateEntity({ id: 'nec', entity: { ...entity, name: 'NEC Corp' } }, dashboard);
    await eventsSinceLast();
    await h.resetEntity({ id: 'nec' }, dashboard);
    expect(await eventsSinceLast()).toEqual([['entities']]);
    await h.deleteEntity({ id: made.id }, dashboard);
    expect(await eventsSinceLast()).toEqual([['entities']]);
    await h.restoreEntity({ id: made.id }, dashboard);
    expect(await eventsSinceLast()).toEqual([['entities']]);
    await h.rejectSuggestion({ key: 'cda', name: 'CDA' }, dashboard);
    expect(await eventsSinceLast()).toEqual([['entities']]);
    // Tabs still hear kbChanged for entity changes (not for sources or a rejection).
    expect(toTabs.filter((m) => (m as { event?: string }).event === 'kbChanged').length).toBe(7);
  });

  it('a glossary import with sources announces both, once', async () => {
    await syncBuiltinKb(db, async () => compileKb(builtin, []));
    const h = makeLibraryHandlers(db, async () => undefined, now);
    // The file: another profile's entity and source, through the real exporter.
    const other = openDb(`page-events-other-${n++}`);
    let text: string;
    try {
      await syncBuiltinKb(other, async () => compileKb(builtin, []));
      const o = makeLibraryHandlers(other, async () => undefined, now);
      await o.saveSource({ source }, fromTab);
      const entity = {
        name: 'Volt Typhoon',
        type: 'threat-actor' as const,
        description: '',
        aliases: [],
        related: [],
        links: [],
      };
      await o.createEntity({ entity }, dashboard);
      text = (await o.exportGlossary({ format: 'json' }, dashboard)).text;
    } finally {
      await other.delete();
    }
    await eventsSinceLast();
    const outcome = await h.importGlossary({ text, format: 'json' }, dashboard);
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ status: 'imported' });
    expect(await eventsSinceLast()).toEqual([['entities', 'sources']]);
  });
});

describe('a new built-in knowledge base', () => {
  it('is announced to pages (entities and sources) once it replaced the stored one, and not when unchanged', async () => {
    const { ensureKb } = await import('../../../src/background/kb-loader');
    const bundle = { ...compileKb([], []), version: `pages-${n}` };
    await ensureKb(db, async () => bundle);
    expect(await eventsSinceLast()).toEqual([['entities', 'sources']]);
    await ensureKb(db, async () => bundle);
    expect(await eventsSinceLast()).toEqual([]);
  });
});
