/**
 * The dashboard's pure parts: text folding and search, the filters and their address form, grouping, the
 * edit form's tag parsing and change detection, and the import summary wording.
 */
import { describe, expect, it, vi } from 'vitest';
import { importSummaryText } from '../../../../src/pages/dashboard/import-summary';
import { changedFields, draftOf, draftProblem } from '../../../../src/pages/dashboard/note-draft';
import {
  filterChoices,
  filterNotes,
  NO_FILTERS,
  readFilters,
  writeFilters,
} from '../../../../src/pages/dashboard/note-filters';
import { groupNotes, isWebUrl } from '../../../../src/pages/dashboard/note-groups';
import {
  buildSearchIndex,
  foldText,
  matchesWords,
  noteHaystack,
  parseQuery,
} from '../../../../src/pages/dashboard/search';
import type { NoteView } from '../../../../src/shared/notes/note-types';
import { parseTagText as parseTags } from '../../../../src/shared/notes/tags';
import type { Notebook } from '../../../../src/shared/protocol';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

const note = (id: string, patch: Partial<NoteView> = {}): NoteView => ({
  id,
  url: 'https://example.com/a',
  pageKey: 'https://example.com/a',
  site: 'example.com',
  title: 'Page A',
  anchor: null,
  body: '',
  color: 'yellow',
  tags: [],
  deleted: false,
  createdAt: 1000,
  updatedAt: 1000,
  ...patch,
});
const quote = (exact: string) => ({ quote: { exact, prefix: '', suffix: '' } });
const finds = (n: NoteView, query: string, entityName = '') =>
  matchesWords(noteHaystack(n, entityName), parseQuery(query));

describe('search', () => {
  it('folds case, accents, compatibility forms and stroked letters', () => {
    expect(foldText('Pokémon ŁÓDŹ Ｔｏｋｙｏ ﬁle  Straße')).toBe('pokemon lodz tokyo file strasse');
    expect(foldText('ｶﾞｲﾑｼｮｳ')).toBe('ガイムショウ');
  });

  it('keeps Devanagari vowel signs and kana voicing, which are letters, not accents', () => {
    expect(foldText('हिंदी')).toBe('हिंदी');
    expect(finds(note('h', { body: 'हिंदी समाचार' }), 'हिंदी')).toBe(true);
    expect(finds(note('h', { body: 'हिंदी समाचार' }), 'हद')).toBe(false);
    expect(finds(note('j', { body: 'がっこう' }), 'かっこう')).toBe(false);
  });

  it('matches Japanese by substring, without word splitting', () => {
    const n = note('j', { anchor: quote('警察庁は新たな攻撃を発表した') });
    expect(finds(n, '攻撃')).toBe(true);
    expect(finds(n, '警察庁　発表')).toBe(true); // ideographic space separates words too
    expect(finds(n, '攻撃者')).toBe(false);
  });

  it('needs every word, in any field, and never across two fields', () => {
    const n = note('a', {
      body: 'Check the café reference',
      anchor: quote('APT40 targeted ministries'),
      tags: ['asia'],
      title: 'Cyber Ties',
      url: 'https://example.com/%E6%9D%B1%E4%BA%AC',
    });
    expect(finds(n, 'CAFE apt40')).toBe(true);
    expect(finds(n, 'asia ties 東京')).toBe(true);
    expect(finds(n, 'cafe missing')).toBe(false);
    expect(finds(n, 'referenceapt40')).toBe(false);
    expect(finds(note('e', { entityId: 'apt40' }), 'bronze', 'Bronze Mohawk')).toBe(true);
    expect(parseQuery('   ')).toEqual([]);
  });

  it('indexes entity notes under their entity name', () => {
    const index = buildSearchIndex([note('e', { entityId: 'apt40' })], new Map([['apt40', 'APT40']]));
    expect(index.get('e')).toContain('apt40');
  });
});

describe('filters', () => {
  const book: Notebook = {
    notes: [
      note('a', { tags: ['apt', 'asia'], color: 'yellow', body: 'alpha' }),
      note('b', { site: 'news.jp', pageKey: 'https://news.jp/x', tags: ['japan'], color: 'blue' }),
      note('c', { entityId: 'apt40', tags: ['apt'], color: 'pink' }),
      note('d', { entityId: 'gone', color: 'pink' }),
    ],
    entities: [{ id: 'apt40', name: 'APT40', type: 'threat-actor' }],
    orphanIds: ['b'],
  };
  const run = (patch: Partial<typeof NO_FILTERS>) =>
    filterNotes(
      book.notes,
      { ...NO_FILTERS, ...patch },
      {
        orphanIds: new Set(book.orphanIds),
        index: buildSearchIndex(book.notes, new Map([['apt40', 'APT40']])),
      },
    ).map((n) => n.id);

  it('applies each filter, and all of them together', () => {
    expect(run({})).toEqual(['a', 'b', 'c', 'd']);
    expect(run({ site: 'news.jp' })).toEqual(['b']);
    expect(run({ entityId: 'apt40' })).toEqual(['c']);
    expect(run({ color: 'pink' })).toEqual(['c', 'd']);
    expect(run({ tag: 'apt' })).toEqual(['a', 'c']);
    expect(run({ isOrphanOnly: true })).toEqual(['b']);
    expect(run({ tag: 'apt', color: 'pink' })).toEqual(['c']);
    expect(run({ tag: 'apt', query: 'alpha' })).toEqual(['a']);
    expect(run({ tag: 'japan', color: 'yellow' })).toEqual([]);
  });

  it('offers only values in use, sorted, and names a lost entity by its id', () => {
    expect(filterChoices(book)).toEqual({
      sites: ['example.com', 'news.jp'],
      entities: [
        { id: 'apt40', name: 'APT40' },
        { id: 'gone', name: 'gone' },
      ],
      tags: ['apt', 'asia', 'japan'],
    });
  });

  it('round-trips through the address and ignores nonsense', () => {
    const filters = {
      ...NO_FILTERS,
      query: 'café 東京',
      site: 'news.jp',
      color: 'blue' as const,
      isOrphanOnly: true,
    };
    expect(readFilters(writeFilters(filters))).toEqual(filters);
    expect(writeFilters(NO_FILTERS)).toBe('');
    expect(readFilters('?color=teal&orphans=yes&tag=apt')).toEqual({ ...NO_FILTERS, tag: 'apt' });
  });
});

describe('groups', () => {
  it('groups by page and entity, newest first, titled by the newest note with a title', () => {
    const groups = groupNotes(
      [
        note('old', { updatedAt: 1, title: 'Old title' }),
        note('new', { updatedAt: 5, title: '' }),
        note('mid', { updatedAt: 3, title: 'New title' }),
        note('ent', { updatedAt: 4, entityId: 'apt40' }),
        note('other', { updatedAt: 2, pageKey: 'https://b.org/', site: 'b.org', title: 'B' }),
      ],
      [{ id: 'apt40', name: 'APT40', type: 'threat-actor' }],
    );
    expect(groups.map((g) => [g.kind, g.notes.map((n) => n.id)])).toEqual([
      ['page', ['new', 'mid', 'old']],
      ['entity', ['ent']],
      ['page', ['other']],
    ]);
    expect(groups[0]!.kind === 'page' && groups[0]!.title).toBe('New title');
  });

  it('treats only http(s) addresses as web addresses', () => {
    expect(isWebUrl('https://example.com/')).toBe(true);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(isWebUrl('not a url')).toBe(false);
  });
});

describe('edit drafts', () => {
  it('parses tags: trimmed, empties dropped, deduplicated ignoring case, Japanese commas', () => {
    expect(parseTags(' apt ,, APT, asia  policy , 東京、大阪，apt ')).toEqual([
      'apt',
      'asia policy',
      '東京',
      '大阪',
    ]);
  });

  it('sends only the fields that changed', () => {
    const n = note('a', { body: 'x', tags: ['apt'], color: 'blue' });
    expect(changedFields(n, draftOf(n))).toBeUndefined();
    expect(changedFields(n, { ...draftOf(n), tagsText: 'APT, apt' })).toEqual({ id: 'a', tags: ['APT'] });
    expect(changedFields(n, { ...draftOf(n), body: 'y', color: 'green' })).toEqual({
      id: 'a',
      body: 'y',
      color: 'green',
    });
  });

  it('explains limits it enforces', () => {
    const n = note('a', { anchor: quote('q') });
    expect(draftProblem({ ...draftOf(n), body: 'x'.repeat(20_001) }, n)).toBe(
      'The note is 20,001 characters long; a note can have at most 20,000.',
    );
    expect(draftProblem({ ...draftOf(n), tagsText: `${'t'.repeat(65)}, ok` }, n)).toBe(
      `The tag “${'t'.repeat(65)}” is too long; a tag can have at most 64 characters.`,
    );
    const many = Array.from({ length: 33 }, (_, i) => `t${i}`).join(',');
    expect(draftProblem({ ...draftOf(n), tagsText: many }, n)).toBe(
      'This note has 33 tags; a note can have at most 32.',
    );
    expect(draftProblem({ ...draftOf(n), body: '' }, n)).toBe('');
    expect(draftProblem({ ...draftOf(note('p')), body: '  ' }, note('p'))).toBe(
      'Write something: a note without a passage needs text.',
    );
  });
});

describe('import summary', () => {
  it('says what happened in plain sentences', () => {
    expect(
      importSummaryText({
        added: 12,
        unchanged: 3,
        skipped: [{ index: 4, reason: 'has no text and no quote.' }],
      }),
    ).toBe(
      'Imported 12 notes. 3 were already here. 1 could not be used: annotation 4 has no text and no quote.',
    );
    expect(importSummaryText({ added: 1, unchanged: 0, skipped: [] })).toBe('Imported 1 note.');
    expect(importSummaryText({ added: 0, unchanged: 1, skipped: [] })).toBe(
      'No new notes were imported. 1 was already here.',
    );
    expect(
      importSummaryText({
        added: 5,
        unchanged: 0,
        skipped: [
          {
            index: 2,
            id: 'urn:x:a2',
            reason: 'has a target Gloss cannot use (2 of 2): a urn:x-pdf address, not a web page',
          },
        ],
        changed: [
          { index: 1, id: 'http://example.org/anno39', change: 'became 3 notes, one per target' },
          {
            index: 2,
            id: 'urn:x:a2',
            change: 'became a page note, as Gloss cannot show an SVG region (SvgSelector)',
          },
        ],
        more: 'This file holds 2 annotations of a longer collection of 40 annotations; the others are on pages not in this file.',
      }),
    ).toBe(
      'Imported 5 notes. Gloss adapted 2 annotations: annotation 1 (http://example.org/anno39) became 3 notes, ' +
        'one per target; annotation 2 (urn:x:a2) became a page note, as Gloss cannot show an SVG region (SvgSelector). ' +
        '1 could not be used: annotation 2 (urn:x:a2) has a target Gloss cannot use (2 of 2): a urn:x-pdf address, ' +
        'not a web page. This file holds 2 annotations of a longer collection of 40 annotations; the others are on ' +
        'pages not in this file.',
    );
    const skipped = Array.from({ length: 7 }, (_, i) => ({ index: i + 1, reason: 'has no target' }));
    expect(importSummaryText({ added: 0, unchanged: 0, skipped })).toBe(
      'No new notes were imported. 7 could not be used: annotation 1 has no target; annotation 2 has no target; ' +
        'annotation 3 has no target; annotation 4 has no target; annotation 5 has no target; and 2 more.',
    );
  });
});
