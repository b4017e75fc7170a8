/**
 * The entity page's requests inside the background: real Dexie (fake-indexeddb), the real matcher and
 * passages, notes stored as the note handlers store them, sightings as the history recorder writes them,
 * and a minimal fake of the extension APIs (settings in storage.sync, tabs).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../../../../src/platform/browser';

const syncArea = new Map<string, unknown>();
const created: string[] = [];
vi.mock('../../../../src/platform/browser', () => ({
  browser: {
    runtime: { getURL: (path: string) => `chrome-extension://gloss/${path}` },
    storage: {
      sync: { get: async (key: string) => (syncArea.has(key) ? { [key]: syncArea.get(key) } : {}) },
    },
    tabs: {
      query: async () => [],
      sendMessage: async () => undefined,
      create: async ({ url }: { url: string }) => {
        created.push(url);
        return { id: 7 };
      },
    },
  },
}));

const { openDb } = await import('../../../../src/background/db/database');
const { syncBuiltinKb } = await import('../../../../src/background/kb-loader');
const { makeLibraryHandlers } = await import('../../../../src/background/library/library-handlers');
const { makeEntityPageHandlers } = await import('../../../../src/background/library/entity-page');
const { addNote, draftOf, changeNote } = await import('../../../../src/background/db/notes-repo');
const { recordSightings } = await import('../../../../src/background/db/sightings-repo');
const { compileKb } = await import('../../../../src/kb/compile');
const { SETTINGS_KEY } = await import('../../../../src/shared/settings');
type GlossDb = import('../../../../src/background/db/database').GlossDb;
type EntityDef = import('../../../../src/shared/kb-types').EntityDef;
type SourceDoc = import('../../../../src/shared/kb-types').SourceDoc;
type NewNote = import('../../../../src/shared/protocol').NewNote;

const builtinSource: SourceDoc = {
  id: 'src-a',
  title: 'Cables',
  author: 'An Author',
  authorAffiliation: 'Somewhere',
  publication: 'The Diplomat',
  approxDate: 'early 2021',
  blocks: [
    { kind: 'paragraph', text: 'The Japanese company NEC laid cables. Huawei and NEC compete.' },
    { kind: 'paragraph', text: 'Nothing here names anyone.' },
    { kind: 'paragraph', text: 'Later NEC won again.' },
  ],
};
const builtin: EntityDef[] = [
  {
    id: 'nec',
    name: 'NEC',
    type: 'company',
    description: 'A Japanese IT company.',
    aliases: [{ text: 'NEC', caseSensitive: true }, { text: 'NEC Corporation' }],
    related: ['huawei'],
    links: [{ label: 'Website', url: 'https://www.nec.com/' }],
  },
  {
    id: 'huawei',
    name: 'Huawei',
    type: 'company',
    description: 'A Chinese vendor.',
    aliases: [{ text: 'Huawei' }],
    related: ['nec'],
  },
];

const fromTab = { tab: { id: 5 }, frameId: 0 } as Runtime.MessageSender;
const fromPage = { url: 'chrome-extension://gloss/entity.html' } as Runtime.MessageSender;

let db: GlossDb;
let n = 0;
let clock = 1_764_000_000_000;
const now = (): number => {
  clock += 1000;
  return clock;
};
let lib: ReturnType<typeof makeLibraryHandlers>;
let h: ReturnType<typeof makeEntityPageHandlers>;

beforeEach(async () => {
  syncArea.clear();
  created.length = 0;
  db = openDb(`entity-page-${n++}`);
  await syncBuiltinKb(db, async () => compileKb(builtin, [builtinSource]));
  lib = makeLibraryHandlers(db, async () => undefined, now);
  h = makeEntityPageHandlers(db, async () => undefined);
});
afterEach(async () => {
  await db.delete();
});

const note = (over: Partial<NewNote>) => {
  const input: NewNote = {
    page: { url: 'https://news.example/story', title: 'A story' },
    body: 'A thought.',
    color: 'yellow',
    tags: [],
    ...over,
  };
  return addNote(db, draftOf(input, 'news.example/story', now()), now());
};
const quote = (prefix: string, exact: string, suffix: string) => ({ quote: { prefix, exact, suffix } });
const page = () => h.getEntityPage({ id: 'nec' }, fromPage);

async function keepSource(): Promise<void> {
  await lib.saveSource(
    {
      source: {
        url: 'https://news.example/2026/12/nec',
        title: 'NEC wins a contract',
        siteName: 'News Example',
        publishedAt: '2026-12-01T08:00:00.000Z',
        lang: 'en',
        blocks: [{ kind: 'paragraph', text: 'On Monday NEC won the cable contract.' }],
        textLength: 40,
        isTruncated: false,
      },
    },
    fromTab,
  );
}

describe('getEntityPage', () => {
  it('shows the entity with its other names, links and every passage, the kept source first', async () => {
    await keepSource();
    const data = await page();
    expect(data.entity).toMatchObject({
      id: 'nec',
      name: 'NEC',
      type: 'company',
      description: 'A Japanese IT company.',
      aliases: ['NEC Corporation'],
      links: [{ label: 'Website', url: 'https://www.nec.com/' }],
      origin: 'builtin',
      isHidden: false,
      isEdited: false,
    });
    // The kept page is the newest source; then both built-in passages, in block order.
    expect(data.passages.map((p) => [p.source.title, p.text])).toEqual([
      ['NEC wins a contract', 'On Monday NEC won the cable contract.'],
      ['Cables', 'The Japanese company NEC laid cables. Huawei and NEC compete.'],
      ['Cables', 'Later NEC won again.'],
    ]);
    expect(data.passages[0]?.source.origin).toBe('user');
    expect(data.passages[1]?.marks).toEqual([
      [21, 24],
      [49, 52],
    ]);
    expect(data.related).toEqual([{ id: 'huawei', name: 'Huawei', type: 'company' }]);
  });

  it('lists notes about it and passage notes whose quote names it, not others', async () => {
    const about = await note({ entityId: 'nec', body: 'Watch their bids.' });
    const mentioning = await note({
      anchor: quote('The Japanese company ', 'NEC laid cables', '. Huawei and'),
      body: 'Cables matter.',
    });
    // "Huawei" is quoted, "NEC" only sits in the suffix: it mentions Huawei, not NEC.
    const other = await note({ anchor: quote('laid cables. ', 'Huawei and', ' NEC compete.') });
    // Lower case: NEC's alias is case-sensitive, so the page would not have marked it.
    await note({ anchor: quote('the ', 'nec of the bottle', ' broke') });
    const gone = await note({ anchor: quote('', 'NEC again', '') });
    await changeNote(db, gone.id, { deleted: true }, now());
    const data = await page();
    expect(data.notesAbout.map((n) => n.id)).toEqual([about.id]);
    expect(data.notesAbout[0]?.body).toBe('Watch their bids.');
    expect(data.notesMentioning.map((n) => n.id)).toEqual([mentioning.id]);
    expect(data.notesMentioning[0]).not.toHaveProperty('clocks');
    const huawei = await h.getEntityPage({ id: 'huawei' }, fromPage);
    expect(huawei.notesMentioning.map((n) => n.id)).toEqual([other.id]);
  });

  it('follows an edited entity: a new alias finds notes it did not before', async () => {
    await note({ anchor: quote('the ', 'Nippon Electric', ' group') });
    expect((await page()).notesMentioning).toEqual([]);
    await lib.updateEntity(
      {
        id: 'nec',
        entity: {
          name: 'NEC',
          type: 'company',
          description: 'Also Nippon Electric.',
          aliases: [{ text: 'NEC', caseSensitive: true }, { text: 'Nippon Electric' }],
          related: ['huawei'],
          links: [],
        },
      },
      fromPage,
    );
    const data = await page();
    expect(data.entity).toMatchObject({ isEdited: true, description: 'Also Nippon Electric.' });
    expect(data.notesMentioning.map((n) => n.anchor?.quote.exact)).toEqual(['Nippon Electric']);
  });

  it('shows a hidden entity, marked, with its notes about it but no passages', async () => {
    const about = await note({ entityId: 'nec' });
    await lib.setEntityHidden({ id: 'nec', isHidden: true }, fromPage);
    const data = await page();
    expect(data.entity.isHidden).toBe(true);
    expect(data.passages).toEqual([]);
    expect(data.notesAbout.map((n) => n.id)).toEqual([about.id]);
    // A hidden entity is not related to anything on other pages either.
    expect((await h.getEntityPage({ id: 'huawei' }, fromPage)).related).toEqual([]);
  });

  it('says where it was seen, newest first, and whether recording is on', async () => {
    await recordSightings(
      db,
      [
        {
          pageKey: 'a.example/1',
          url: 'https://a.example/1',
          title: 'One',
          seenAt: 1000,
          counts: { nec: 2 },
        },
        {
          pageKey: 'b.example/2',
          url: 'https://b.example/2',
          title: 'Two',
          seenAt: 5000,
          counts: { nec: 1 },
        },
        {
          pageKey: 'c.example/3',
          url: 'https://c.example/3',
          title: 'Three',
          seenAt: 9000,
          counts: { huawei: 1 },
        },
      ],
      0,
      10_000,
    );
    const { history } = await page();
    expect(history).toMatchObject({ isRecording: true, pageCount: 2, lastSeen: 5000 });
    expect(history.pages.map((p) => [p.title, p.mentions])).toEqual([
      ['Two', 1],
      ['One', 2],
    ]);
    syncArea.set(SETTINGS_KEY, { recordHistory: false });
    expect((await page()).history.isRecording).toBe(false);
  });

  it('refuses an unknown id in plain words', async () => {
    await expect(h.getEntityPage({ id: 'nobody' }, fromPage)).rejects.toThrow(
      'That entity no longer exists.',
    );
  });
});

describe('openEntityPage', () => {
  it('opens entity.html with the id in a new tab', async () => {
    await h.openEntityPage({ id: 'nec' }, fromTab);
    expect(created).toEqual(['chrome-extension://gloss/entity.html?id=nec']);
  });

  it('opens nothing for an unknown id', async () => {
    await expect(h.openEntityPage({ id: 'nobody' }, fromTab)).rejects.toThrow(
      'That entity no longer exists.',
    );
    expect(created).toEqual([]);
  });
});
