/**
 * The reader's own knowledge base inside the background, end to end through the request handlers: real
 * Dexie (fake-indexeddb), the real matcher, passages and glossary parsers, and a minimal fake of the tab
 * APIs that records what open tabs are told.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../../../../src/platform/browser';

const told: Array<[number, unknown]> = [];
vi.mock('../../../../src/platform/browser', () => ({
  browser: {
    tabs: {
      query: async () => [{ id: 1 }, { id: 2 }],
      sendMessage: async (tabId: number, message: unknown) => {
        told.push([tabId, message]);
      },
    },
  },
}));

const { openDb } = await import('../../../../src/background/db/database');
const { syncBuiltinKb } = await import('../../../../src/background/kb-loader');
const { makeLibraryHandlers } = await import('../../../../src/background/library/library-handlers');
const { cardData } = await import('../../../../src/background/library/cards');
const { kbState } = await import('../../../../src/background/library/effective-kb');
const { ensurePassages } = await import('../../../../src/background/library/passage-index');
const { countQueued, countQueuedLibrary } = await import('../../../../src/background/db/outbox-repo');
const { compileKb } = await import('../../../../src/kb/compile');
type GlossDb = import('../../../../src/background/db/database').GlossDb;
type EntityDef = import('../../../../src/shared/kb-types').EntityDef;
type SourceDoc = import('../../../../src/shared/kb-types').SourceDoc;
type ExtractedSource = import('../../../../src/shared/sources/source-types').ExtractedSource;

const builtinSource: SourceDoc = {
  id: 'src-a',
  title: 'A title',
  author: 'An Author',
  authorAffiliation: 'Somewhere',
  publication: 'The Diplomat',
  approxDate: 'early 2021',
  blocks: [{ kind: 'paragraph', text: 'The Japanese company NEC laid cables. Huawei and NEC compete.' }],
};
const builtin: EntityDef[] = [
  {
    id: 'nec',
    name: 'NEC',
    type: 'company',
    description: 'A Japanese IT company.',
    aliases: [{ text: 'NEC', caseSensitive: true }],
    related: ['huawei'],
  },
  {
    id: 'huawei',
    name: 'Huawei',
    type: 'company',
    description: 'A Chinese vendor.',
    aliases: [{ text: 'Huawei' }],
    related: [],
  },
];

const page = (over: Partial<ExtractedSource> = {}): ExtractedSource => ({
  url: 'https://news.example/2026/12/volt-typhoon?utm_source=x',
  canonical: 'https://news.example/2026/12/volt-typhoon',
  title: 'Volt Typhoon returns',
  siteName: 'News Example',
  publishedAt: '2026-12-01T08:00:00.000Z',
  lang: 'en',
  blocks: [
    { kind: 'heading', text: 'Volt Typhoon returns' },
    {
      kind: 'paragraph',
      text: 'Officials said Huawei equipment was not involved. The Cyber Defense Agency (CDA) published an advisory on Tuesday.',
    },
    { kind: 'paragraph', text: 'The CDA said the Cyber Defense Agency would share indicators with NEC.' },
  ],
  textLength: 200,
  isTruncated: false,
  ...over,
});

const fromTab = { tab: { id: 5 }, frameId: 0 } as Runtime.MessageSender;
const fromPage = {} as Runtime.MessageSender;

let db: GlossDb;
let n = 0;
let clock = 1_764_000_000_000;
const now = (): number => {
  clock += 1000;
  return clock;
};
let h: ReturnType<typeof makeLibraryHandlers>;

beforeEach(async () => {
  told.length = 0;
  db = openDb(`library-${n++}`);
  await syncBuiltinKb(db, async () => compileKb(builtin, [builtinSource]));
  h = makeLibraryHandlers(db, async () => undefined, now);
});
afterEach(async () => {
  await db.delete();
});

const card = async (id: string) => cardData(db, await ensured(), id);
const ensured = async () => {
  const s = await kbState(db);
  await ensurePassages(db, s);
  return s;
};

describe('built-in knowledge base', () => {
  it('serves cards with passages, attribution and related entities', async () => {
    const c = await card('nec');
    expect(c?.entity).toMatchObject({ id: 'nec', name: 'NEC', type: 'company' });
    expect(c?.passages.map((p) => p.text)).toEqual([
      'The Japanese company NEC laid cables. Huawei and NEC compete.',
    ]);
    expect(c?.passages[0]?.marks).toEqual([
      [21, 24],
      [49, 52],
    ]);
    expect(c?.passages[0]?.source).toMatchObject({
      title: 'A title',
      site: 'The Diplomat',
      dateText: 'early 2021',
    });
    expect(c?.related.map((r) => r.id)).toEqual(['huawei']);
    expect(await card('nobody')).toBeUndefined();
  });
});

describe('sources', () => {
  it('a kept page is quoted in cards, newest source first, and counted in the list', async () => {
    const saved = await h.saveSource({ source: page() }, fromTab);
    expect(saved).toMatchObject({
      status: 'saved',
      isUpdate: false,
      source: { title: 'Volt Typhoon returns', entityCount: 2 },
    });
    const c = await card('huawei');
    expect(c?.passages.map((p) => p.source.title)).toEqual(['Volt Typhoon returns', 'A title']);
    expect(c?.passages[0]).toMatchObject({
      text: 'Officials said Huawei equipment was not involved.',
      source: { site: 'News Example', publishedAt: '2026-12-01T08:00:00.000Z', origin: 'user' },
    });
    const list = await h.listSources({}, fromPage);
    expect(list.map((s) => [s.title, s.origin, s.entityCount])).toEqual([
      ['Volt Typhoon returns', 'user', 2],
      ['A title', 'builtin', 2],
    ]);
  });

  it('the same address again is reported, and updated only when asked', async () => {
    const first = await h.saveSource({ source: page() }, fromTab);
    if (first.status !== 'saved') throw new Error('not saved');
    const again = await h.saveSource(
      { source: page({ url: 'https://news.example/2026/12/volt-typhoon#top' }) },
      fromTab,
    );
    expect(again).toMatchObject({ status: 'exists', existing: { id: first.source.id } });
    const changed = page({ blocks: [{ kind: 'paragraph', text: 'Now only Huawei is named here.' }] });
    const updated = await h.saveSource({ source: changed, replaceId: first.source.id }, fromTab);
    expect(updated).toMatchObject({
      status: 'saved',
      isUpdate: true,
      source: { id: first.source.id, entityCount: 1 },
    });
    expect((await card('nec'))?.passages.map((p) => p.sourceId)).toEqual(['src-a']);
    expect(await h.listSources({}, fromPage)).toHaveLength(2);
  });

  it('a frame cannot keep itself as a source', async () => {
    await expect(
      h.saveSource({ source: page() }, { tab: { id: 5 }, frameId: 3 } as Runtime.MessageSender),
    ).rejects.toThrow(/not a frame/);
  });

  it('delete takes its passages away and undo brings them back', async () => {
    const saved = await h.saveSource({ source: page() }, fromTab);
    if (saved.status !== 'saved') throw new Error('not saved');
    await h.deleteSource({ id: saved.source.id }, fromPage);
    expect((await card('huawei'))?.passages.map((p) => p.sourceId)).toEqual(['src-a']);
    expect((await h.listSources({}, fromPage)).map((s) => s.id)).toEqual(['src-a']);
    await h.restoreSource({ id: saved.source.id }, fromPage);
    expect((await card('huawei'))?.passages).toHaveLength(2);
    await expect(h.deleteSource({ id: 'src-a' }, fromPage)).rejects.toThrow(
      /Built-in sources cannot be deleted/,
    );
  });

  it('cuts passages at Japanese and Hindi sentence ends', async () => {
    const ja = page({
      url: 'https://ja.example/a',
      canonical: undefined,
      lang: 'ja',
      blocks: [
        {
          kind: 'paragraph',
          text: '日本政府は対策を発表した。Huawei製の機器は使われていないと説明した。別の話題もある。',
        },
      ],
    });
    await h.saveSource({ source: ja }, fromTab);
    const hi = page({
      url: 'https://hi.example/a',
      canonical: undefined,
      lang: 'hi',
      blocks: [
        { kind: 'paragraph', text: 'सरकार ने बयान जारी किया। Huawei के उपकरण इस्तेमाल नहीं हुए। एक और वाक्य।' },
      ],
    });
    await h.saveSource({ source: hi }, fromTab);
    const texts = (await card('huawei'))?.passages.map((p) => p.text);
    expect(texts).toContain('日本政府は対策を発表した。Huawei製の機器は使われていないと説明した。');
    expect(texts).toContain('सरकार ने बयान जारी किया। Huawei के उपकरण इस्तेमाल नहीं हुए।');
  });

  it('queues each change in the outbox without counting it as a note change', async () => {
    await h.saveSource({ source: page() }, fromTab);
    await h.createEntity(
      {
        entity: {
          name: 'Cyber Defense Agency',
          type: 'government-body',
          description: '',
          aliases: [],
          related: [],
          links: [],
        },
      },
      fromTab,
    );
    expect(await countQueuedLibrary(db)).toBe(2);
    expect(await countQueued(db)).toBe(0);
  });
});

describe('entities', () => {
  const cda = {
    name: 'Cyber Defense Agency',
    type: 'government-body' as const,
    description: 'A <b>test</b> agency.',
    aliases: [{ text: 'CDA', caseSensitive: true }],
    related: ['nec', 'no-such-entity'],
    links: [{ label: 'Site', url: 'https://cda.example/' }],
  };

  it('a new entity is highlighted (page configuration), quoted from every source, and announced to every tab', async () => {
    await h.saveSource({ source: page() }, fromTab);
    const created = await h.createEntity({ entity: cda }, fromTab);
    const state = await kbState(db);
    expect(state.aliases.filter((a) => a.entityId === created.id).map((a) => a.text)).toEqual([
      'Cyber Defense Agency',
      'CDA',
    ]);
    const c = await card(created.id);
    expect(c?.entity.description).toBe('A <b>test</b> agency.');
    expect(c?.related.map((r) => r.id)).toEqual(['nec']);
    expect(c?.passages.map((p) => p.text)).toEqual([
      'Officials said Huawei equipment was not involved. The Cyber Defense Agency (CDA) published an advisory on Tuesday.',
      'The CDA said the Cyber Defense Agency would share indicators with NEC.',
    ]);
    await new Promise((r) => setTimeout(r, 0));
    expect(told).toEqual([
      [1, { gloss: 1, event: 'kbChanged', args: { kbVersion: state.version } }],
      [2, { gloss: 1, event: 'kbChanged', args: { kbVersion: state.version } }],
    ]);
  });

  it("lists every entity by name, the reader's among the built-in ones", async () => {
    await h.createEntity({ entity: { ...cda, name: 'Ministry of Examples' } }, fromTab);
    expect((await h.listEntities({}, fromPage)).map((e) => e.name)).toEqual([
      'Huawei',
      'Ministry of Examples',
      'NEC',
    ]);
  });

  it('refuses an alias under two characters and makes a common word case-sensitive', async () => {
    await expect(h.createEntity({ entity: { ...cda, aliases: [{ text: 'C' }] } }, fromTab)).rejects.toThrow(
      /shorter than 2 characters/,
    );
    const line = await h.createEntity({ entity: { ...cda, name: 'Line', aliases: [] } }, fromTab);
    const detail = await h.getEntity({ id: line.id }, fromPage);
    expect(detail.entity.aliases).toEqual([{ text: 'Line', caseSensitive: true }]);
  });

  it('an edit of a built-in entity survives a new KB version, and Reset brings the built-in back', async () => {
    await h.updateEntity(
      {
        id: 'nec',
        entity: { ...cda, name: 'NEC Corporation', aliases: [{ text: 'NEC', caseSensitive: true }] },
      },
      fromPage,
    );
    const next = compileKb(
      builtin.map((e) => (e.id === 'nec' ? { ...e, description: 'Changed upstream.' } : e)),
      [builtinSource],
    );
    await syncBuiltinKb(db, async () => next);
    let detail = await h.getEntity({ id: 'nec' }, fromPage);
    expect(detail).toMatchObject({ origin: 'builtin', isEdited: true, entity: { name: 'NEC Corporation' } });
    expect(detail.builtin?.description).toBe('Changed upstream.');
    expect((await card('nec'))?.entity.name).toBe('NEC Corporation');
    await h.resetEntity({ id: 'nec' }, fromPage);
    detail = await h.getEntity({ id: 'nec' }, fromPage);
    expect(detail).toMatchObject({
      isEdited: false,
      entity: { name: 'NEC', description: 'Changed upstream.' },
    });
  });

  it('saving a built-in entity unchanged does not make it edited', async () => {
    const detail = await h.getEntity({ id: 'nec' }, fromPage);
    await h.updateEntity({ id: 'nec', entity: detail.entity }, fromPage);
    expect(await h.getEntity({ id: 'nec' }, fromPage)).toMatchObject({ isEdited: false });
  });

  it('hidden entities are neither highlighted nor quoted, and come back when shown', async () => {
    await h.setEntityHidden({ id: 'huawei', isHidden: true }, fromPage);
    let state = await kbState(db);
    expect(state.aliases.some((a) => a.entityId === 'huawei')).toBe(false);
    expect((await h.listEntities({}, fromPage)).find((e) => e.id === 'huawei')).toMatchObject({
      isHidden: true,
      passageCount: 0,
    });
    expect((await card('nec'))?.related).toEqual([]);
    await h.setEntityHidden({ id: 'huawei', isHidden: false }, fromPage);
    state = await kbState(db);
    expect(state.aliases.some((a) => a.entityId === 'huawei')).toBe(true);
    expect((await card('huawei'))?.passages).toHaveLength(1);
  });

  it("a deleted entity of the reader's disappears, and restore brings it back with its passages", async () => {
    await h.saveSource({ source: page() }, fromTab);
    const created = await h.createEntity({ entity: cda }, fromTab);
    await h.deleteEntity({ id: created.id }, fromPage);
    expect((await kbState(db)).byId.has(created.id)).toBe(false);
    expect(await card(created.id)).toBeUndefined();
    await h.restoreEntity({ id: created.id }, fromPage);
    expect((await card(created.id))?.passages).toHaveLength(2);
    await expect(h.deleteEntity({ id: 'nec' }, fromPage)).rejects.toThrow(/hide it instead/);
  });
});

describe('suggestions', () => {
  it('proposes a defined name from a kept page, never one already known, and never a rejected one', async () => {
    await h.saveSource({ source: page() }, fromTab);
    const first = await h.listSuggestions({}, fromPage);
    const cda = first.find((s) => s.name === 'Cyber Defense Agency');
    expect(cda).toMatchObject({
      aliases: ['CDA'],
      reason: 'definition',
      sourceTitle: 'Volt Typhoon returns',
    });
    expect(cda?.passage.text).toContain('The Cyber Defense Agency (CDA) published');
    expect(first.some((s) => s.name === 'Huawei')).toBe(false);
    await h.rejectSuggestion({ key: cda!.key, name: cda!.name }, fromPage);
    expect((await h.listSuggestions({}, fromPage)).some((s) => s.name === 'Cyber Defense Agency')).toBe(
      false,
    );
  });

  it('an accepted suggestion (a new entity) leaves the queue', async () => {
    await h.saveSource({ source: page() }, fromTab);
    await h.createEntity(
      {
        entity: {
          name: 'Cyber Defense Agency',
          type: 'government-body',
          description: '',
          aliases: [{ text: 'CDA' }],
          related: [],
          links: [],
        },
      },
      fromPage,
    );
    expect((await h.listSuggestions({}, fromPage)).some((s) => s.name === 'Cyber Defense Agency')).toBe(
      false,
    );
  });
});
