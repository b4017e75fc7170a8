/**
 * The search engine inside the background, through `searchLibrary`: real Dexie (fake-indexeddb), the real
 * built-in KB loader, kept sources saved through the library handlers and notes through the notes
 * repository, so every write reaches the index the way it does in the extension (the search journal).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../../../../src/platform/browser';

vi.mock('../../../../src/platform/browser', () => ({
  browser: { tabs: { query: async () => [], sendMessage: async () => undefined } },
}));

const { openDb } = await import('../../../../src/background/db/database');
const { syncBuiltinKb } = await import('../../../../src/background/kb-loader');
const { makeLibraryHandlers } = await import('../../../../src/background/library/library-handlers');
const { addNote, draftOf, editNote, changeNote } = await import('../../../../src/background/db/notes-repo');
const { searchLibrary } = await import('../../../../src/background/search/search-handlers');
const { boundSearchJournal, readyIndex, saveIndexNow } = await import(
  '../../../../src/background/search/index-store'
);
const { readyKb } = await import('../../../../src/background/library/passage-index');
const { compileKb } = await import('../../../../src/kb/compile');
type GlossDb = import('../../../../src/background/db/database').GlossDb;
type EntityDef = import('../../../../src/shared/kb-types').EntityDef;
type SourceDoc = import('../../../../src/shared/kb-types').SourceDoc;
type ExtractedSource = import('../../../../src/shared/sources/source-types').ExtractedSource;
type SearchResults = import('../../../../src/shared/search/search-types').SearchResults;
type SnippetPart = import('../../../../src/shared/search/search-types').SnippetPart;

const builtinSource: SourceDoc = {
  id: 'src-a',
  title: 'Undersea cables',
  author: 'An Author',
  authorAffiliation: 'Somewhere',
  publication: 'The Diplomat',
  approxDate: 'early 2021',
  blocks: [
    { kind: 'paragraph', text: 'The Japanese company NEC laid cables. Huawei and NEC compete.' },
    { kind: 'paragraph', text: 'Regulators in Canberra watched the landing stations closely.' },
  ],
};
const builtin: EntityDef[] = [
  {
    id: 'nec',
    name: 'NEC',
    type: 'company',
    description: 'A Japanese IT company that lays submarine cables.',
    aliases: [{ text: 'NEC', caseSensitive: true }],
    related: ['huawei'],
  },
  {
    id: 'huawei',
    name: 'Huawei',
    type: 'company',
    description: 'A Chinese vendor of telecommunications equipment.',
    aliases: [{ text: 'Huawei' }],
    related: [],
  },
  {
    id: 'cicada',
    name: 'Cicada',
    type: 'threat-actor',
    description: 'A group also known as APT10 that spied on Japanese companies.',
    aliases: [{ text: 'Cicada' }, { text: 'APT10', caseSensitive: true }],
    related: [],
  },
];

const keptPage = (over: Partial<ExtractedSource>): ExtractedSource => ({
  url: 'https://news.example/a',
  title: 'A page',
  siteName: 'News Example',
  lang: 'en',
  blocks: [],
  textLength: 0,
  isTruncated: false,
  ...over,
});

const fromPage = {} as Runtime.MessageSender;
let db: GlossDb;
let name = '';
let n = 0;
let clock = 1_764_000_000_000;
const now = (): number => {
  clock += 1000;
  return clock;
};
let lib: ReturnType<typeof makeLibraryHandlers>;
const kb = async () => 'test';

beforeEach(async () => {
  name = `search-${n++}`;
  db = openDb(name);
  await syncBuiltinKb(db, async () => compileKb(builtin, [builtinSource]));
  lib = makeLibraryHandlers(db, async () => undefined, now);
});
afterEach(async () => {
  await db.delete();
});

const note = (body: string, over: { quote?: string; tags?: string[]; title?: string; url?: string } = {}) =>
  addNote(
    db,
    draftOf(
      {
        page: { url: over.url ?? 'https://example.com/page', title: over.title ?? 'Example page' },
        ...(over.quote
          ? {
              anchor: {
                quote: { exact: over.quote, prefix: '', suffix: '' },
                position: { start: 0, end: 1 },
              },
            }
          : {}),
        body,
        color: 'yellow',
        tags: over.tags ?? [],
      },
      over.url ?? 'https://example.com/page',
      now(),
    ),
    now(),
  );

const keep = async (over: Partial<ExtractedSource>) => {
  const outcome = await lib.saveSource({ source: keptPage(over) }, fromPage);
  if (outcome.status !== 'saved') throw new Error('not saved');
  return outcome.source.id;
};

const search = (query: string, extra: Partial<Parameters<typeof searchLibrary>[2]> = {}) =>
  searchLibrary(db, kb, { query, ...extra });
const ids = (r: SearchResults, kind: string) =>
  r.groups.find((g) => g.kind === kind)?.hits.map((h) => h.id) ?? [];
const marked = (parts: readonly SnippetPart[]) => parts.filter((p) => p.mark).map((p) => p.text);

describe('one search over notes, sources and entities', () => {
  it('finds each kind by a word it contains, grouped with counts, with the matched words marked', async () => {
    const a = await note('Spear-phishing against shipbuilders, again.', {
      quote: 'the shipyard in Nagasaki',
    });
    const src = await keep({
      url: 'https://news.example/ports',
      title: 'Ports on alert',
      blocks: [
        { kind: 'heading', text: 'Ports on alert' },
        { kind: 'paragraph', text: 'Nothing to see in the first paragraph.' },
        { kind: 'paragraph', text: 'Deep in the article, the shipbuilders of Nagasaki were warned.' },
      ],
    });
    const r = await search('shipbuilders');
    expect(ids(r, 'note')).toEqual([a.id]);
    expect(ids(r, 'source')).toEqual([src]);
    const sourceHit = r.groups.find((g) => g.kind === 'source')!.hits[0]!;
    // The reader opens at the block that matched, at the word.
    expect(sourceHit.target).toEqual({ kind: 'source', sourceId: src, passageId: `${src}:2:25` });
    expect(marked(sourceHit.snippet)).toEqual(['shipbuilders']);
    expect(marked(r.groups.find((g) => g.kind === 'note')!.hits[0]!.snippet)).toEqual(['shipbuilders']);

    const e = await search('submarine');
    expect(ids(e, 'entity')).toEqual(['nec']);
    expect(e.groups[0]).toMatchObject({ kind: 'entity', total: 1 });
    expect(e.groups[0]!.hits[0]).toMatchObject({
      title: 'NEC',
      entityType: 'company',
      target: { kind: 'entity', entityId: 'nec' },
    });
    expect(r.tookMs).toBeGreaterThanOrEqual(0);
  });

  it('finds Japanese and Hindi words inside unspaced or inflected text (Intl.Segmenter)', async () => {
    const ja = await note('日本のサイバー攻撃対策について考える。', { title: '日本の記事' });
    const hi = await note('भारत में साइबर सुरक्षा नीति की घोषणा हुई।', { title: 'हिंदी लेख' });
    const src = await keep({
      url: 'https://news.example/ja',
      title: '内閣の発表',
      lang: 'ja',
      blocks: [{ kind: 'paragraph', text: '政府はサイバーセキュリティ戦略本部を開いた。' }],
    });
    const r = await search('サイバー');
    expect(ids(r, 'note')).toEqual([ja.id]);
    expect(ids(r, 'source')).toEqual([src]);
    expect(marked(r.groups.find((g) => g.kind === 'note')!.hits[0]!.snippet)).toEqual(['サイバー']);
    expect(ids(await search('साइबर'), 'note')).toEqual([hi.id]);
    expect(ids(await search('सुरक्षा नीति'), 'note')).toEqual([hi.id]);
    // Half-width katakana, as some keyboards type it, finds the same.
    expect(ids(await search('ｻｲﾊﾞｰ'), 'note')).toEqual([ja.id]);
  });

  it('matches the word being typed as a prefix, forgives a typo, and folds accents', async () => {
    const p = await note('The Pokémon brand was spoofed.');
    expect(ids(await search('Cica'), 'entity')).toEqual(['cicada']);
    expect(ids(await search('Huawai'), 'entity')).toEqual(['huawei']);
    expect(ids(await search('pokemon'), 'note')).toEqual([p.id]);
    expect((await search('the of and')).groups).toEqual([]);
  });

  it('ranks an entity named exactly what was typed first, above notes that mention it', async () => {
    for (let i = 0; i < 5; i++)
      await note(`APT10 again and APT10 once more, report ${i}.`, { title: `APT10 ${i}` });
    const r = await search('APT10');
    expect(r.groups[0]!.kind).toBe('entity');
    expect(r.groups[0]!.hits[0]!.id).toBe('cicada');
    expect(r.groups.find((g) => g.kind === 'note')!.total).toBe(5);
  });

  it('every word must match; when no item has them all, any word does', async () => {
    const both = await note('Volt Typhoon hit a port.');
    await note('Typhoon season only.');
    expect(ids(await search('volt typhoon'), 'note')).toEqual([both.id]);
    expect(ids(await search('volt zzyzx'), 'note')).toEqual([both.id]);
  });

  it('restricts to kinds, and to what is connected with an entity', async () => {
    const about = await addNote(
      db,
      draftOf(
        {
          page: { url: 'https://e.com/x', title: 'X' },
          entityId: 'cicada',
          body: 'Cables note',
          color: 'blue',
          tags: [],
        },
        'https://e.com/x',
        now(),
      ),
      now(),
    );
    const other = await note('Cables note elsewhere');
    const all = await search('cables');
    expect(ids(all, 'note').sort()).toEqual([about.id, other.id].sort());
    expect(ids(await search('cables', { entityId: 'cicada' }), 'note')).toEqual([about.id]);
    // The built-in source quotes NEC, so it is connected with NEC, not with Cicada.
    expect(ids(await search('cables', { entityId: 'nec' }), 'source')).toEqual(['src-a']);
    expect(ids(await search('cables', { entityId: 'cicada' }), 'source')).toEqual([]);
    const onlyNotes = await search('cables', { kinds: ['note'] });
    expect(onlyNotes.groups.map((g) => g.kind)).toEqual(['note']);
  });
});

describe('kept up to date, incrementally', () => {
  it('follows note edits, deletes, sources kept and deleted, and entity changes', async () => {
    const a = await note('first draft about ransomware');
    expect(ids(await search('ransomware'), 'note')).toEqual([a.id]);
    await editNote(db, { id: a.id, body: 'now about wipers' }, now());
    expect(ids(await search('ransomware'), 'note')).toEqual([]);
    expect(ids(await search('wipers'), 'note')).toEqual([a.id]);
    await changeNote(db, a.id, { deleted: true }, now());
    expect(ids(await search('wipers'), 'note')).toEqual([]);

    const src = await keep({
      url: 'https://news.example/z',
      title: 'Zebra report',
      blocks: [{ kind: 'paragraph', text: 'Zebras everywhere.' }],
    });
    expect(ids(await search('zebras'), 'source')).toEqual([src]);
    await lib.deleteSource({ id: src }, fromPage);
    expect(ids(await search('zebras'), 'source')).toEqual([]);

    const made = await lib.createEntity(
      {
        entity: {
          name: 'Kanto Telecom Board',
          type: 'government-body',
          description: 'An invented regulator.',
          aliases: [],
          related: [],
          links: [],
        },
      },
      fromPage,
    );
    expect(ids(await search('kanto'), 'entity')).toEqual([made.id]);
    await lib.updateEntity(
      {
        id: 'huawei',
        entity: {
          name: 'Huawei',
          type: 'company',
          description: 'Shenzhen maker of routers.',
          aliases: [{ text: 'Huawei' }],
          related: [],
          links: [],
        },
      },
      fromPage,
    );
    expect(ids(await search('shenzhen'), 'entity')).toEqual(['huawei']);
    expect(ids(await search('telecommunications'), 'entity')).toEqual([]);
    await lib.deleteEntity({ id: made.id }, fromPage);
    expect(ids(await search('kanto'), 'entity')).toEqual([]);
  });

  it('a new built-in KB replaces the built-in sources in the index', async () => {
    expect(ids(await search('canberra'), 'source')).toEqual(['src-a']);
    const next = { ...builtinSource, blocks: [{ kind: 'paragraph' as const, text: 'Wellington now.' }] };
    await syncBuiltinKb(db, async () => ({ ...compileKb(builtin, [next]), version: 'v2' }));
    expect(ids(await search('canberra'), 'source')).toEqual([]);
    expect(ids(await search('wellington'), 'source')).toEqual(['src-a']);
  });
});

describe('kept in IndexedDB', () => {
  it('a restarted worker loads the saved index and applies what was written after it was saved', async () => {
    await note('saved before the snapshot: lighthouse');
    const first = await readyIndex(db, await readyKb(db, kb));
    expect(first.loadedHow).toBe('built');
    await saveIndexNow(db);
    expect(await db.searchJournal.count()).toBe(0);
    const later = await note('written after the snapshot: breakwater');
    expect(await db.searchJournal.count()).toBe(1);

    // A new database object is what a restarted worker has: nothing in memory.
    const restarted = openDb(name);
    const st = await readyIndex(restarted, await readyKb(restarted, kb));
    expect(st.loadedHow).toBe('loaded');
    const r = await searchLibrary(restarted, kb, { query: 'breakwater' });
    expect(ids(r, 'note')).toEqual([later.id]);
    expect(ids(await searchLibrary(restarted, kb, { query: 'lighthouse' }), 'note')).toHaveLength(1);
    restarted.close();
  });

  it('drops a journal grown past its use, with its snapshot, and the next search still finds everything', async () => {
    const a = await note('first: estuary');
    await search('estuary');
    await saveIndexNow(db);
    await note('second: estuary');
    await note('third: estuary');
    await boundSearchJournal(db, 1);
    expect(await db.searchJournal.count()).toBe(0);
    expect(await db.searchIndex.count()).toBe(0);
    const restarted = openDb(name);
    const r = await searchLibrary(restarted, kb, { query: 'estuary' });
    expect(r.groups[0]?.total).toBe(3);
    expect(ids(r, 'note')).toContain(a.id);
    restarted.close();
  });

  it('builds again from the records when the stored index is unreadable', async () => {
    const a = await note('a note about harbours');
    await search('harbours');
    await saveIndexNow(db);
    await db.searchIndex.put({ key: 'main', value: { format: 1, json: '{"broken', entitySigs: [] } });
    const restarted = openDb(name);
    const r = await searchLibrary(restarted, kb, { query: 'harbours' });
    expect(ids(r, 'note')).toEqual([a.id]);
    expect((await readyIndex(restarted, await readyKb(restarted, kb))).loadedHow).toBe('built');
    restarted.close();
  });
});
