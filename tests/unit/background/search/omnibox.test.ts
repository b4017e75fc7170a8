/**
 * The address bar's `gl` keyword (background/search/omnibox.ts) over a fake extension API: the listeners the
 * module registers are called as the browser calls them, with the search replaced (its engine has its own
 * tests) and real Dexie (fake-indexeddb) for the notes a suggestion opens.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchQuery, SearchResults } from '../../../../src/shared/search/search-types';
import { hit, mixed, reply } from '../../pages/shared/search/search-fixtures';

type Suggest = (s: Array<{ content: string; description: string }>) => void;
const listeners: {
  changed?: (text: string, suggest: Suggest) => void;
  entered?: (text: string, disposition: string) => void;
} = {};
const defaults: string[] = [];
const session = new Map<string, unknown>();
const opened: Array<{ how: string; url: string; tabId: number; active?: boolean }> = [];
const runtime: Record<string, unknown> = {
  getURL: (path: string) => `chrome-extension://gloss/${path}`,
};
let searchImpl: (q: SearchQuery) => Promise<SearchResults> = async (q) => mixed(q.query);
const searched: SearchQuery[] = [];

vi.mock('../../../../src/background/search/search-handlers', () => ({
  searchLibrary: (_db: unknown, _kb: unknown, q: SearchQuery) => {
    searched.push(q);
    return searchImpl(q);
  },
}));

vi.mock('../../../../src/platform/browser', async () => {
  const { readFileSync } = await import('node:fs');
  const messages = JSON.parse(readFileSync('extension/_locales/en/messages.json', 'utf8')) as Record<
    string,
    { message: string }
  >;
  return {
    browser: {
      runtime,
      i18n: {
        // Enough of getMessage for these strings: their one placeholder is $1.
        getMessage: (key: string, subs?: string | string[]) =>
          (messages[key]?.message ?? '').replace(
            /\$[A-Z_]+\$/,
            String(Array.isArray(subs) ? subs[0] : (subs ?? '')),
          ),
      },
      omnibox: {
        setDefaultSuggestion: ({ description }: { description: string }) => defaults.push(description),
        onInputChanged: {
          addListener: (l: typeof listeners.changed) => {
            listeners.changed = l;
          },
        },
        onInputEntered: {
          addListener: (l: typeof listeners.entered) => {
            listeners.entered = l;
          },
        },
      },
      storage: {
        session: {
          get: async (key: string) => (session.has(key) ? { [key]: session.get(key) } : {}),
          set: async (items: Record<string, unknown>) => {
            for (const [k, v] of Object.entries(items)) session.set(k, v);
          },
        },
      },
      tabs: {
        query: async () => [{ id: 5 }],
        update: async (tabId: number, { url }: { url: string }) => {
          opened.push({ how: 'update', url, tabId });
          return { id: tabId };
        },
        create: async ({ url, active }: { url: string; active?: boolean }) => {
          opened.push({ how: 'create', url, tabId: 42, active });
          return { id: 42 };
        },
      },
    },
  };
});

const { openDb } = await import('../../../../src/background/db/database');
const { addNote, draftOf } = await import('../../../../src/background/db/notes-repo');
const omnibox = {
  ...(await import('../../../../src/background/search/omnibox')),
  ...(await import('../../../../src/background/search/omnibox-suggestions')),
};
type GlossDb = import('../../../../src/background/db/database').GlossDb;

let db: GlossDb;

/** Types `text` after the keyword and resolves with what the listener suggested. */
function typeInBar(text: string): Promise<Array<{ content: string; description: string }>> {
  return new Promise((resolve) => listeners.changed!(text, resolve));
}
async function enter(text: string, disposition = 'currentTab'): Promise<void> {
  listeners.entered!(text, disposition);
  await vi.waitFor(() => expect(opened.length).toBeGreaterThan(0));
}

beforeEach(() => {
  db = openDb(`omnibox-${Math.random()}`);
  defaults.length = 0;
  opened.length = 0;
  searched.length = 0;
  session.clear();
  delete runtime.getBrowserInfo;
  searchImpl = async (q) => mixed(q.query);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('omnibox: suggestions', () => {
  it('suggests the best six results with Chrome markup, escaped, and the dashboard search as default', async () => {
    omnibox.registerOmnibox(db);
    searchImpl = async (q) =>
      reply(q.query, [
        [
          'note',
          Array.from({ length: 7 }, (_, i) =>
            hit('note', `n${i}`, `Note ${i} <b>&"'`, {
              score: 10 - i,
              titleParts: [{ text: 'Note', mark: true }, { text: ` ${i} <b>&"'` }],
            }),
          ),
        ],
      ]);
    const suggestions = await typeInBar('  note <x> ');
    expect(searched).toEqual([{ query: 'note <x>', limit: 6 }]);
    expect(defaults).toEqual(['Search Gloss for note &lt;x&gt;']);
    expect(suggestions).toHaveLength(6);
    expect(suggestions[0]).toEqual({
      content: 'gloss:note:n0',
      description: '<match>Note</match> 0 &lt;b&gt;&amp;&quot;&apos; <dim>— Note · note detail</dim>',
    });
  });

  it('orders suggestions by score across kinds and encodes each target', async () => {
    omnibox.registerOmnibox(db);
    searchImpl = async (q) =>
      reply(q.query, [
        ['note', [hit('note', 'n1', 'A note', { score: 1 })]],
        ['source', [hit('source', 'src:a', 'A source', { score: 3 })]],
        [
          'entity',
          [hit('entity', 'apt10', 'APT10', { score: 2, detail: 'Stone Panda', entityType: 'threat-actor' })],
        ],
      ]);
    const suggestions = await typeInBar('a');
    expect(suggestions.map((s) => s.content)).toEqual([
      'gloss:source:src%3Aa:src%3Aa%3A2%3A40',
      'gloss:entity:apt10',
      'gloss:note:n1',
    ]);
    expect(suggestions[1]!.description).toBe('APT10 <dim>— Entity · Threat actor · Stone Panda</dim>');
  });

  it('adds the snippet when the words matched in the text, not the title', async () => {
    omnibox.registerOmnibox(db);
    const found = hit('source', 's1', 'A <title>', {
      snippet: [{ text: '…the ' }, { text: 'サイバー', mark: true }, { text: ' & more' }],
    });
    searchImpl = async (q) => reply(q.query, [['source', [found]]]);
    expect((await typeInBar('サイバー'))[0]!.description).toBe(
      'A &lt;title&gt; <dim>— Source · source detail</dim> …the <match>サイバー</match> &amp; more',
    );
    runtime.getBrowserInfo = async () => ({ name: 'Firefox' });
    omnibox.registerOmnibox(db);
    expect((await typeInBar('サイバー'))[0]!.description).toBe(
      'A <title> — Source · source detail · …the サイバー & more',
    );
  });

  it('gives Firefox plain text', async () => {
    runtime.getBrowserInfo = async () => ({ name: 'Firefox' });
    omnibox.registerOmnibox(db);
    const suggestions = await typeInBar('cyber & co');
    expect(defaults).toEqual(['Search Gloss for cyber & co']);
    expect(suggestions[0]!.description).toBe('Cyber ties — Note · note detail');
  });

  it('drops a slower reply to earlier input', async () => {
    omnibox.registerOmnibox(db);
    const pending = new Map<string, () => void>();
    searchImpl = (q) => new Promise((resolve) => pending.set(q.query, () => resolve(mixed(q.query))));
    const early = vi.fn();
    listeners.changed!('ap', early);
    const late = typeInBar('apt');
    pending.get('apt')!();
    expect((await late).length).toBe(4);
    pending.get('ap')!();
    await new Promise((r) => setTimeout(r, 10));
    expect(early).not.toHaveBeenCalled();
  });

  it('suggests nothing for blank input or a failed search', async () => {
    omnibox.registerOmnibox(db);
    expect(await typeInBar('   ')).toEqual([]);
    expect(searched).toEqual([]);
    searchImpl = async () => {
      throw new Error('Search is not built yet.');
    };
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await typeInBar('x')).toEqual([]);
  });
});

describe('omnibox: opening', () => {
  it('round-trips targets through the suggestion content and refuses anything else', () => {
    for (const target of [
      { kind: 'note', noteId: 'n:1' },
      { kind: 'source', sourceId: 'user:src/1', passageId: 'user:src/1:3:40' },
      { kind: 'source', sourceId: 's' },
      { kind: 'entity', entityId: 'apt 10' },
    ] as const) {
      expect(omnibox.decodeTarget(omnibox.encodeTarget(target))).toEqual(target);
    }
    for (const text of [
      'apt10',
      'gloss:',
      'gloss:note:',
      'gloss:note:a:b',
      'gloss:movie:x',
      'gloss:entity:%E0',
    ]) {
      expect(omnibox.decodeTarget(text)).toBeUndefined();
    }
  });

  it('opens a note on its page in the current tab and asks the page to scroll to it', async () => {
    omnibox.registerOmnibox(db);
    const note = await addNote(
      db,
      draftOf(
        { page: { url: 'https://example.com/a', title: 'A' }, body: 'b', color: 'yellow', tags: [] },
        'https://example.com/a',
        1,
      ),
      1,
    );
    await enter(`gloss:note:${note.id}`);
    expect(opened).toEqual([{ how: 'update', url: 'https://example.com/a', tabId: 5 }]);
    expect([...session.values()]).toEqual([note.id]);
  });

  it('opens a source in the reader at the passage, in a background tab when asked', async () => {
    omnibox.registerOmnibox(db);
    await enter('gloss:source:src-a:src-a%3A2%3A40', 'newBackgroundTab');
    expect(opened).toEqual([
      {
        how: 'create',
        url: 'chrome-extension://gloss/reader.html?source=src-a&passage=src-a%3A2%3A40',
        tabId: 42,
        active: false,
      },
    ]);
  });

  it('opens an entity on its page in a new foreground tab', async () => {
    omnibox.registerOmnibox(db);
    await enter('gloss:entity:apt10', 'newForegroundTab');
    expect(opened).toEqual([
      { how: 'create', url: 'chrome-extension://gloss/entity.html?id=apt10', tabId: 42, active: true },
    ]);
  });

  it('opens the dashboard search for plain words, and the dashboard for a note that is gone', async () => {
    omnibox.registerOmnibox(db);
    await enter(' サイバー 攻撃 ');
    expect(opened.pop()).toEqual({
      how: 'update',
      url: `chrome-extension://gloss/dashboard.html?search=${encodeURIComponent('サイバー 攻撃').replace('%20', '+')}`,
      tabId: 5,
    });
    await enter('gloss:note:gone');
    expect(opened).toEqual([{ how: 'update', url: 'chrome-extension://gloss/dashboard.html', tabId: 5 }]);
    expect(session.size).toBe(0);
  });
});
