/**
 * Importing W3C Web Annotations: Gloss's own export round-trips; the model's examples, a Hypothesis export
 * and the other shapes real tools write are read; unusable annotations are skipped with a reason; every
 * file-level problem throws an ImportError saying what is wrong; ids are stable across imports; and a
 * hostile file can neither inject markup nor reach Object.prototype.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NoteView } from '../../../../../src/shared/notes/note-types';
import { ImportError } from '../../../../../src/shared/notes/web-annotation/import-error';
import { MAX_FILE_BYTES } from '../../../../../src/shared/notes/web-annotation/import-limits';
import { parseAnnotations } from '../../../../../src/shared/notes/web-annotation/import-parse';
import { toJsonLd } from '../../../../../src/shared/notes/web-annotation/jsonld-export';
import type { ImportedNote } from '../../../../../src/shared/notes/web-annotation/types';

const NOW = Date.UTC(2025, 0, 1);
const V8_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../fixtures/annotations/${name}`, import.meta.url), 'utf8');
const parse = (text: string) => parseAnnotations(text, { now: NOW });
const parseOne = async (annotation: unknown): Promise<ImportedNote> => {
  const { notes, skipped, changed } = await parse(JSON.stringify(annotation));
  expect(skipped).toEqual([]);
  expect(changed).toEqual([]);
  expect(notes).toHaveLength(1);
  return notes[0]!;
};

/** The ImportError parsing `text` throws (the test fails if it throws nothing or something else). */
async function importError(text: string): Promise<ImportError> {
  const error = await parse(text).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect((error as ImportError).message).toMatch(/ Nothing was imported\.$/);
  return error as ImportError;
}

/** A minimal valid annotation on a passage, to vary in error tests. */
const annotation = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'Annotation',
  bodyValue: 'text',
  target: {
    source: 'https://example.com/a',
    selector: { type: 'TextQuoteSelector', exact: 'quote', prefix: 'a ', suffix: ' b' },
  },
  ...fields,
});

describe("the page's language", () => {
  it('is kept from the source (or the target) when it is a language tag, and dropped when it is not', async () => {
    const target = (language: unknown) => ({
      source: { id: 'https://example.in/a', language },
      selector: { type: 'TextQuoteSelector', exact: 'quote', prefix: '', suffix: '' },
    });
    expect((await parseOne(annotation({ target: target('hi') }))).lang).toBe('hi');
    expect((await parseOne(annotation({ target: target(['ja-JP', 'en']) }))).lang).toBe('ja-JP');
    expect(await parseOne(annotation({ target: target('Hindi, mostly') }))).not.toHaveProperty('lang');
    const pageNote = { id: 'https://example.in/b', language: 'ta' };
    expect((await parseOne(annotation({ target: pageNote }))).lang).toBe('ta');
  });
});

describe('round trip through toJsonLd', () => {
  const base = { site: 'example.com', deleted: false, pageKey: 'https://example.com/a' };
  const notes: NoteView[] = [
    {
      ...base,
      id: '3f1c2b7e-8a4d-4c1e-9b2a-1d2e3f4a5b6c',
      url: 'https://www.example.com/a?ref=1#part',
      title: 'Cyber law',
      anchor: {
        quote: { exact: 'critical\ninfrastructure', prefix: 'operators of ', suffix: ' must' },
        position: { start: 120, end: 143 },
      },
      body: 'Line one\n\n# line two <b>',
      color: 'green',
      tags: ['policy', 'cyber law'],
      createdAt: Date.UTC(2024, 0, 2, 9, 1, 2, 345),
      updatedAt: Date.UTC(2024, 0, 3, 9),
    },
    {
      ...base,
      id: '4a1c2b7e-8a4d-4c1e-9b2a-1d2e3f4a5b6c',
      url: 'https://example.com/a',
      title: 'Cyber law',
      anchor: { quote: { exact: 'within 24 hours', prefix: '', suffix: '' } },
      body: '',
      color: 'pink',
      tags: [],
      createdAt: Date.UTC(2024, 0, 4),
      updatedAt: Date.UTC(2024, 0, 4),
    },
    {
      ...base,
      id: '5b1c2b7e-8a4d-4c1e-9b2a-1d2e3f4a5b6c',
      url: 'http://example.com/b',
      title: '',
      anchor: null,
      body: 'A page note',
      color: 'yellow',
      tags: ['later'],
      createdAt: Date.UTC(2024, 0, 5),
      updatedAt: Date.UTC(2024, 0, 6),
    },
    {
      ...base,
      id: '6c1c2b7e-8a4d-4c1e-9b2a-1d2e3f4a5b6c',
      url: 'https://example.com/a',
      title: 'Cyber law',
      entityId: 'cicada',
      anchor: null,
      body: 'About the entity',
      color: 'purple',
      tags: [],
      createdAt: Date.UTC(2024, 0, 7),
      updatedAt: Date.UTC(2024, 0, 7),
    },
    {
      // An entity note that came from a file without its page.
      ...base,
      id: '7d1c2b7e-8a4d-8c1e-9b2a-1d2e3f4a5b6c',
      url: '',
      pageKey: '',
      title: '',
      entityId: 'made-in-china-2025',
      anchor: null,
      body: 'No page',
      color: 'yellow',
      tags: ['x'],
      createdAt: Date.UTC(2024, 0, 8),
      updatedAt: Date.UTC(2024, 0, 8),
    },
  ];
  const expected = notes.map(
    ({ id, url, title, anchor, entityId, body, color, tags, createdAt, updatedAt }) => ({
      id,
      url,
      title,
      anchor,
      ...(entityId ? { entityId } : {}),
      body,
      color,
      tags,
      createdAt,
      updatedAt,
    }),
  );

  it('gives back the same notes, anchors with positions, entities, colours, tags and times included', async () => {
    const text = toJsonLd(notes, { entityNames: { cicada: 'Cicada' }, exportedAt: NOW });
    const result = await parse(text);
    expect(result.skipped).toEqual([]);
    expect(result.notes).toStrictEqual(expected);
  });

  it('gives the same ids when the same file is imported again', async () => {
    const text = toJsonLd(notes, { entityNames: {}, exportedAt: NOW });
    expect((await parse(text)).notes.map((n) => n.id)).toEqual((await parse(text)).notes.map((n) => n.id));
  });
});

describe('the W3C Web Annotation Data Model examples', () => {
  it('reads a TextualBody comment on a TextQuoteSelector', async () => {
    expect(await parse(fixture('w3c-textual-body-quote.json'))).toEqual({
      notes: [
        {
          id: '50e34752-c247-836c-90c0-8c98c0f96767',
          url: 'http://example.org/page1',
          title: '',
          anchor: { quote: { exact: 'anotation', prefix: 'this is an ', suffix: ' that has some' } },
          body: 'This seems to be a typo.',
          color: 'yellow',
          tags: [],
          createdAt: Date.UTC(2015, 9, 13, 13),
          updatedAt: Date.UTC(2015, 9, 13, 13),
        },
      ],
      skipped: [],
      changed: [],
    });
  });

  it('reads several selectors, a tagging body, a describing body and a urn:uuid id in capitals', async () => {
    const [note] = (await parse(fixture('w3c-multiple-selectors.json'))).notes;
    expect(note).toEqual({
      id: 'dbfb1861-0ecf-41ad-be94-a584e5c4f1df',
      url: 'http://example.org/page1.html',
      title: '',
      anchor: {
        quote: { exact: 'anotation', prefix: 'this is an ', suffix: ' that has some' },
        position: { start: 412, end: 421 },
      },
      body: 'A good description of the topic that bears further investigation',
      color: 'yellow',
      tags: ['readme'],
      createdAt: Date.UTC(2016, 1, 1, 12, 5, 23),
      updatedAt: Date.UTC(2016, 1, 2, 8),
    });
  });

  it('reads bodyValue on a page target as a page note dated now', async () => {
    const [note] = (await parse(fixture('w3c-body-value.json'))).notes;
    expect(note).toEqual({
      id: expect.stringMatching(V8_UUID),
      url: 'http://example.org/target1',
      title: '',
      anchor: null,
      body: 'Comment text',
      color: 'yellow',
      tags: [],
      createdAt: NOW,
      updatedAt: NOW,
    });
  });

  it('reads a collection with first.items: an image region becomes a page note, and one with no body is skipped, both said', async () => {
    const { notes, skipped, changed } = await parse(fixture('w3c-collection.json'));
    expect(notes.map(({ url, anchor, body }) => ({ url, anchor, body }))).toEqual([
      { url: 'http://example.com/page1', anchor: null, body: 'http://example.org/post1' },
      {
        url: 'http://example.com/image1#xywh=100,100,300,300',
        anchor: null,
        body: 'http://example.org/description1',
      },
      { url: 'http://example.org/photo1', anchor: null, body: "j'adore !" },
      {
        url: 'http://example.org/page1',
        anchor: {
          quote: { exact: 'Selected Text', prefix: 'text before the ', suffix: ' and text after it' },
        },
        body: 'See the selected text.',
      },
    ]);
    expect(skipped).toEqual([
      { index: 4, id: 'http://example.org/anno8', reason: 'has neither text nor a quoted passage' },
    ]);
    expect(changed).toEqual([
      {
        index: 2,
        id: 'http://example.org/anno4',
        change: 'became a page note, as Gloss cannot show an image region (xywh=100,100,300,300)',
      },
    ]);
  });
});

describe('a Hypothesis export', () => {
  it('reads rows with their quotes, positions, titles, tags and dates, and skips what Gloss cannot show', async () => {
    const { notes, skipped } = await parse(fixture('hypothesis-export.json'));
    expect(notes).toEqual([
      {
        id: expect.stringMatching(V8_UUID),
        url: 'https://www.example.com/news/cyber-law',
        title: 'New cyber law: what changes',
        anchor: {
          quote: {
            exact: 'operators of critical information infrastructure must report',
            prefix: 'Under the new rules, ',
            suffix: ' incidents within 24 hours.',
          },
          position: { start: 1200, end: 1257 },
        },
        body: "The **key** clause: compare with last year's draft.",
        color: 'yellow',
        tags: ['policy', 'cyber law'],
        createdAt: Date.parse('2022-04-05T10:00:00.123Z'),
        updatedAt: Date.parse('2022-04-06T11:30:00Z'),
      },
      {
        id: expect.stringMatching(V8_UUID),
        url: 'https://www.example.com/news/cyber-law',
        title: 'New cyber law: what changes',
        anchor: null,
        body: 'Page note: worth rereading after the consultation closes.',
        color: 'yellow',
        tags: [],
        createdAt: Date.parse('2022-04-07T09:00:00Z'),
        updatedAt: Date.parse('2022-04-07T09:00:00Z'),
      },
      {
        id: expect.stringMatching(V8_UUID),
        url: 'https://blog.example.org/post',
        title: 'A blog post',
        anchor: { quote: { exact: 'a highlighted sentence', prefix: '', suffix: '' } },
        body: '',
        color: 'yellow',
        tags: [],
        createdAt: Date.parse('2022-04-10T09:00:00Z'),
        updatedAt: Date.parse('2022-04-10T09:00:00Z'),
      },
    ]);
    expect(skipped).toEqual([
      {
        index: 3,
        id: 'Sy3BnRxJGgARfKgQcFyF-S',
        reason: 'targets a urn:x-pdf address, not a web page Gloss can show',
      },
      {
        index: 4,
        id: 'Tz4CoSyKHhBSgLhRdGzG-T',
        reason:
          'is a highlight without its quoted text, so Gloss cannot place it (its selectors: TextPositionSelector)',
      },
    ]);
  });

  it('gives a Hypothesis annotation the same id by its API id or by its hypothes.is link', async () => {
    const row = { uri: 'https://example.com/a', text: 'x', target: [{ source: 'https://example.com/a' }] };
    const byApiId = await parseOne({ ...row, id: 'Qw1ZlPvHEeyPdIeOaDwD-Q' });
    const byLink = await parseOne({ ...annotation(), id: 'https://hypothes.is/a/Qw1ZlPvHEeyPdIeOaDwD-Q' });
    expect(byApiId.id).toBe(byLink.id);
    expect(byApiId.id).toMatch(V8_UUID);
  });

  it('reads a bare list of rows', async () => {
    const rows = JSON.parse(fixture('hypothesis-export.json')).rows;
    expect((await parse(JSON.stringify(rows))).notes).toHaveLength(3);
  });
});

describe('the shapes real tools write', () => {
  const one = annotation({ id: 'urn:uuid:11111111-2222-4333-8444-555555555555' });
  const two = annotation({ id: 'urn:uuid:66666666-2222-4333-8444-555555555555' });
  const ids = async (doc: unknown): Promise<string[]> =>
    (await parse(JSON.stringify(doc))).notes.map((n) => n.id);
  const both = ['11111111-2222-4333-8444-555555555555', '66666666-2222-4333-8444-555555555555'];

  it('reads a collection with items on itself, or with first as a list of pages', async () => {
    expect(await ids({ type: 'AnnotationCollection', items: [one, two] })).toEqual(both);
    expect(
      await ids({
        type: ['AnnotationCollection'],
        first: [{ items: [one] }, { type: 'AnnotationPage', items: [two] }],
      }),
    ).toEqual(both);
  });

  it('reads an AnnotationPage, a single annotation, a bare list and a JSON-LD @graph', async () => {
    expect(
      await ids({
        '@context': ['http://www.w3.org/ns/anno.jsonld'],
        type: 'AnnotationPage',
        items: [one, two],
      }),
    ).toEqual(both);
    expect(await ids(one)).toEqual(both.slice(0, 1));
    expect(await ids([one, two])).toEqual(both);
    expect(await ids({ '@graph': [one, two] })).toEqual(both);
  });

  it('reports a target of a list that is not a web page, and reads a target given as a string or a bare object', async () => {
    const { notes, skipped, changed } = await parse(
      JSON.stringify(
        annotation({
          target: ['urn:x-pdf:abc', { source: { id: 'https://example.com/p', 'dcterms:title': ['', 'T'] } }],
        }),
      ),
    );
    expect(notes.map(({ url, title, body }) => ({ url, title, body }))).toEqual([
      { url: 'https://example.com/p', title: 'T', body: 'text' },
    ]);
    expect(skipped).toEqual([
      { index: 1, reason: 'has a target Gloss cannot use (1 of 2): a urn:x-pdf address, not a web page' },
    ]);
    expect(changed).toEqual([]);
    expect((await parseOne(annotation({ target: 'https://example.com/s' }))).url).toBe(
      'https://example.com/s',
    );
    expect(
      (await parseOne(annotation({ target: { id: 'https://example.com/o', title: 'Own title' } }))).title,
    ).toBe('Own title');
  });

  it('reads a quote without prefix or suffix, and expanded type names', async () => {
    const note = await parseOne(
      annotation({
        target: { source: 'https://example.com/a', selector: { type: 'oa:TextQuoteSelector', exact: 'q' } },
      }),
    );
    expect(note.anchor).toEqual({ quote: { exact: 'q', prefix: '', suffix: '' } });
  });

  it('makes a page note of text whose only selector is a position (a position alone cannot anchor), and says so', async () => {
    const { notes, changed } = await parse(
      JSON.stringify(
        annotation({
          target: {
            source: 'https://example.com/a',
            selector: { type: 'TextPositionSelector', start: 1, end: 5 },
          },
        }),
      ),
    );
    expect(notes.map(({ anchor, body }) => ({ anchor, body }))).toEqual([{ anchor: null, body: 'text' }]);
    expect(changed).toEqual([
      {
        index: 1,
        change:
          'became a page note, as Gloss places passages by their quoted text and this one has none (its selectors: TextPositionSelector)',
      },
    ]);
  });

  it('reads string bodies, tagging motivations, Gloss colours under expanded keys and entity targets', async () => {
    expect((await parseOne(annotation({ bodyValue: undefined, body: 'plain words' }))).body).toBe(
      'plain words',
    );
    const tagged = await parseOne(
      annotation({
        motivation: 'tagging',
        bodyValue: undefined,
        body: [{ type: 'TextualBody', value: ' important ' }],
      }),
    );
    expect(tagged.tags).toEqual(['important']);
    expect(tagged.body).toBe('');
    expect(
      (await parseOne(annotation({ 'https://github.com/gloss-extension/ns#color': 'Blue' }))).color,
    ).toBe('blue');
    expect((await parseOne(annotation({ 'gloss:color': 'magenta' }))).color).toBe('yellow');
    const entity = await parseOne(annotation({ target: 'urn:gloss:entity:cicada' }));
    expect(entity).toMatchObject({ entityId: 'cicada', url: '', title: '', anchor: null });
  });

  it('keeps the 64 characters of context nearest the quote and shortens long titles', async () => {
    const prefix = `${'p'.repeat(100)}NEAR-PREFIX`;
    const suffix = `NEAR-SUFFIX${'s'.repeat(100)}`;
    const note = await parseOne(
      annotation({
        target: {
          source: { id: 'https://example.com/a', 'dcterms:title': 't'.repeat(600) },
          selector: { type: 'TextQuoteSelector', exact: 'q', prefix, suffix },
        },
      }),
    );
    expect(note.anchor!.quote.prefix).toBe(prefix.slice(-64));
    expect(note.anchor!.quote.prefix.endsWith('NEAR-PREFIX')).toBe(true);
    expect(note.anchor!.quote.suffix).toBe(suffix.slice(0, 64));
    expect(note.title).toBe('t'.repeat(500));
  });

  it('falls back on the other date, then on now', async () => {
    const onlyModified = await parseOne(
      annotation({ created: 'yesterday', modified: '2020-05-06T07:08:09Z' }),
    );
    expect([onlyModified.createdAt, onlyModified.updatedAt]).toEqual([
      Date.UTC(2020, 4, 6, 7, 8, 9),
      Date.UTC(2020, 4, 6, 7, 8, 9),
    ]);
    const none = await parseOne(annotation());
    expect([none.createdAt, none.updatedAt]).toEqual([NOW, NOW]);
  });
});

describe('several targets', () => {
  const two = {
    id: 'https://example.org/anno/two',
    type: 'Annotation',
    bodyValue: 'Both reports say the same.',
    target: [
      {
        source: 'https://example.com/report-a',
        selector: { type: 'TextQuoteSelector', exact: '72 hours', prefix: 'within ', suffix: '.' },
      },
      'urn:x-pdf:0f3c',
      { id: 'https://example.com/report-b', 'dcterms:title': 'Report B' },
    ],
  };

  it('makes one note per web target, each naming the annotation, and reports the target it cannot use', async () => {
    const { notes, skipped, changed } = await parse(JSON.stringify(two));
    const line = (n: number) =>
      `(Note ${n} of 2 from annotation https://example.org/anno/two, one note per target.)`;
    expect(notes.map(({ url, title, anchor, body }) => ({ url, title, anchor, body }))).toEqual([
      {
        url: 'https://example.com/report-a',
        title: '',
        anchor: { quote: { exact: '72 hours', prefix: 'within ', suffix: '.' } },
        body: `Both reports say the same.\n\n${line(1)}`,
      },
      {
        url: 'https://example.com/report-b',
        title: 'Report B',
        anchor: null,
        body: `Both reports say the same.\n\n${line(2)}`,
      },
    ]);
    expect(skipped).toEqual([
      {
        index: 1,
        id: 'https://example.org/anno/two',
        reason: 'has a target Gloss cannot use (2 of 3): a urn:x-pdf address, not a web page',
      },
    ]);
    expect(changed).toEqual([
      { index: 1, id: 'https://example.org/anno/two', change: 'became 2 notes, one per target' },
    ]);
  });

  it('keeps the id the annotation alone would give for its first note, and stable, distinct ids for the others', async () => {
    const first = await parseOne({ ...two, target: two.target[0] });
    const { notes } = await parse(JSON.stringify(two));
    expect(notes[0]!.id).toBe(first.id);
    expect(notes[1]!.id).toMatch(V8_UUID);
    expect(notes[1]!.id).not.toBe(notes[0]!.id);
    expect((await parse(JSON.stringify(two))).notes.map((n) => n.id)).toEqual(notes.map((n) => n.id));
  });

  it('reports every target when none is usable, and a missing target as such', async () => {
    const { notes, skipped } = await parse(
      JSON.stringify([
        { ...two, target: ['urn:x-pdf:1', { type: 'SpecificResource' }] },
        { type: 'Annotation', bodyValue: 'no target' },
      ]),
    );
    expect(notes).toEqual([]);
    expect(skipped.map(({ index, reason }) => [index, reason])).toEqual([
      [1, 'has a target Gloss cannot use (1 of 2): a urn:x-pdf address, not a web page'],
      [1, 'has a target Gloss cannot use (2 of 2): it names no resource (no id, source or items)'],
      [2, 'has no target'],
    ]);
  });

  it('takes the first usable member of a Choice target as one target', async () => {
    const note = await parseOne(
      annotation({ target: { type: 'Choice', items: ['urn:x-pdf:1', 'https://example.com/html-copy'] } }),
    );
    expect(note.url).toBe('https://example.com/html-copy');
  });

  it('leaves the naming line out of a note it would take over the length limit, and still says so', async () => {
    const long = 'x'.repeat(19_990);
    const { notes, changed } = await parse(
      JSON.stringify(annotation({ bodyValue: long, target: ['https://a.example/', 'https://b.example/'] })),
    );
    expect(notes.map((n) => n.body)).toEqual([long, long]);
    expect(changed.map((c) => c.change)).toEqual(['became 2 notes, one per target']);
  });

  it('refuses a file that would make more than 10,000 notes, however they are split', async () => {
    const items = Array.from({ length: 10_001 }, (_, i) => `https://example.com/${i}`);
    const error = await importError(JSON.stringify(annotation({ target: { type: 'Composite', items } })));
    expect(error.message).toContain('Annotation 1 in this file has more than 10,000 targets');
    const spread = Array.from({ length: 101 }, () =>
      annotation({ target: { type: 'Independents', items: items.slice(0, 100) } }),
    );
    expect((await importError(JSON.stringify(spread))).message).toBe(
      'This file makes 10,100 notes (one per target of each annotation); Gloss imports up to 10,000 at a time. Nothing was imported.',
    );
  });

  it("uses a Hypothesis row's uri only when no target is a web page", async () => {
    const row = {
      id: 'Hx1',
      uri: 'https://example.com/doc.pdf',
      text: 'On the PDF',
      target: [{ source: 'urn:x-pdf:9' }],
    };
    expect((await parseOne(row)).url).toBe('https://example.com/doc.pdf');
    const both = { ...row, target: [{ source: 'https://example.com/doc.pdf' }] };
    expect((await parse(JSON.stringify(both))).notes).toHaveLength(1);
  });
});

describe('bodies that link', () => {
  const onPage = (body: unknown) => ({ type: 'Annotation', body, target: 'https://example.com/page' });

  it('keep a link given in source like one given in id', async () => {
    expect((await parseOne(onPage({ id: 'https://example.org/comment1' }))).body).toBe(
      'https://example.org/comment1',
    );
    expect(
      (await parseOne(onPage({ type: 'SpecificResource', source: 'https://example.org/comment2' }))).body,
    ).toBe('https://example.org/comment2');
    expect(
      (await parseOne(onPage({ type: 'SpecificResource', source: { id: 'https://example.org/comment3' } })))
        .body,
    ).toBe('https://example.org/comment3');
  });

  it('keep a media fragment of the linked resource on its address, and say when another part is lost', async () => {
    const clip = {
      source: 'https://example.org/talk.mp4',
      selector: {
        type: 'FragmentSelector',
        conformsTo: 'http://www.w3.org/TR/media-frags/',
        value: 't=30,60',
      },
    };
    expect((await parseOne(onPage(clip))).body).toBe('https://example.org/talk.mp4#t=30,60');
    const { notes, changed } = await parse(
      JSON.stringify(
        onPage({ source: 'https://example.org/page2', selector: { type: 'CssSelector', value: 'p' } }),
      ),
    );
    expect(notes[0]!.body).toBe('https://example.org/page2');
    expect(changed[0]!.change).toBe(
      'links to all of https://example.org/page2, as Gloss does not keep the part its body selects (CssSelector)',
    );
  });

  it('make a linked tag a tag, or text when it is longer than a tag can be', async () => {
    const tag = (source: string) => onPage({ type: 'SpecificResource', purpose: 'tagging', source });
    const short = await parseOne(tag('http://www.wikidata.org/entity/Q42'));
    expect([short.tags, short.body]).toEqual([['http://www.wikidata.org/entity/Q42'], '']);
    const url = `https://dbpedia.org/resource/${'Long_title_'.repeat(6)}`;
    const { notes, changed } = await parse(JSON.stringify(tag(url)));
    expect([notes[0]!.tags, notes[0]!.body]).toEqual([[], url]);
    expect(changed[0]!.change).toContain(
      "in the note's text, as it is longer than a tag can be (64 characters)",
    );
  });

  it('refuse a body linking to javascript: or data:, naming the annotation', async () => {
    const error = await importError(JSON.stringify(onPage({ source: 'javascript:alert(1)' })));
    expect(error.message).toBe(
      'Annotation 1 in this file has a body ("body") linking to a "javascript:" address. Nothing was imported.',
    );
    await importError(JSON.stringify(onPage([{ id: 'data:text/html,<b>x</b>' }])));
  });
});

describe('HTML bodies', () => {
  const html = (value: string) =>
    parseOne(annotation({ bodyValue: undefined, body: { type: 'TextualBody', format: 'text/html', value } }));

  it('become plain text: tags and scripts gone, blocks as lines, entities decoded', async () => {
    const note = await html(
      '<p>Tom &amp; Jerry</p><img src=x onerror=alert(1)><script>alert(2)</script><ul><li>one</li><li>two&nbsp;&#x41;&#66;</li></ul><p>a &lt;b&gt; c<br>next</p>',
    );
    expect(note.body).toBe('Tom & Jerry\n\n- one\n- two AB\n\na <b> c\nnext');
  });

  it('skip script content case-insensitively, and keep text after a self-closing svg', async () => {
    expect((await html('İ<SCRIPT>alert(1)</Script >after<svg/>end')).body).toBe('İafterend');
  });

  it('never keep markup, even unclosed or with ">" inside attributes', async () => {
    const note = await html(
      'safe <img src=x onerror=alert(1)> <a title="x>y" href="javascript:alert(3)">link</a> <img src=y',
    );
    expect(note.body).toBe('safe link');
  });
});

describe('files Gloss refuses', () => {
  it('says where a file stops being JSON, by line and column, without quoting it', async () => {
    const cases: Array<[string, string]> = [
      ['{"type": "Annotation",}', 'line 1, column 23 (a property name in double quotes was expected)'],
      ['{\n  "type": "Annotation",\n  "body": x\n}', 'line 3, column 11 (a value was expected)'],
      ['{\r\n"a": [1, 2\r\n"b"]}', 'line 3, column 1 (a comma or a closing bracket was expected)'],
      ['\ufeff{"a": 1 "b": 2}', 'line 1, column 9 (a comma or a closing brace was expected)'],
      ['{"a" 1}', 'line 1, column 6 (a colon was expected after the property name)'],
      ['{"a": "line\nbreak"}', 'line 1, column 12 (a text value holds a line break or control character)'],
      ['{"a": "\\x"}', 'line 1, column 8 (a text value holds an invalid backslash escape)'],
      ['[{"a": 1}', 'line 1, column 10 (the file ends before its data does)'],
      ['{"a": 1} {}', 'line 1, column 10 (more follows the end of the data)'],
      ['{"😀": 01}', 'line 1, column 8 (a comma or a closing brace was expected)'],
      [`${'['.repeat(300_000)}}`, 'line 1, column 300001 (a value was expected)'],
    ];
    for (const [text, where] of cases)
      expect((await importError(text)).message).toBe(
        `This file is not valid JSON: ${where}. Nothing was imported.`,
      );
  });

  it('says a binary or garbage file is not JSON, and never echoes its bytes', async () => {
    const png = '\ufffdPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0001';
    let seed = 7;
    const noise = Array.from({ length: 4000 }, () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      const byte = seed % 256;
      // What TextDecoder makes of random bytes: controls, ASCII, and U+FFFD for every invalid sequence.
      return byte >= 0x80 ? '\ufffd' : String.fromCharCode(byte || 1);
    }).join('');
    for (const text of [png, noise, `{"a": "${'\u0007'.repeat(50)}"}`])
      expect((await importError(text)).message).toBe(
        'This file is not JSON (it looks like a binary file). Nothing was imported.',
      );
    // A few mis-decoded accents do not make a text file binary.
    expect(
      (await importError('{"body": "Cr\ufffdme br\ufffdl\ufffde, as the caf\ufffd makes it",}')).message,
    ).toMatch(/^This file is not valid JSON: line 1/);
    for (const text of ['', '  \n'])
      expect((await importError(text)).message).toBe('This file is empty. Nothing was imported.');
  });

  it('says how big a file over 10 MB is, counting UTF-8 bytes', async () => {
    const error = await importError(`"${'é'.repeat(5_300_000)}"`);
    expect(error.message).toBe(
      'This file is 10.1 MB; Gloss imports files of up to 10 MB. Nothing was imported.',
    );
    expect(MAX_FILE_BYTES).toBe(10 * 1024 * 1024);
  });

  it('refuses more than 10,000 annotations', async () => {
    const error = await importError(
      JSON.stringify(Array.from({ length: 10_001 }, () => ({ bodyValue: 'x' }))),
    );
    expect(error.message).toBe(
      'This file holds 10,001 annotations; Gloss imports up to 10,000 at a time. Nothing was imported.',
    );
  });

  it('refuses data nested deeper than any annotation needs, however deep', async () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    for (const depth of [40, 200_000])
      expect((await importError(deep(depth))).message).toBe(
        'This file nests its data more than 32 levels deep, which no annotation needs. Nothing was imported.',
      );
  });

  it('says when there are no annotations at all', async () => {
    for (const text of ['{}', '[]', '{"type": "AnnotationCollection", "total": 0}', '"text"', 'null'])
      expect((await importError(text)).message).toBe(
        'This file holds no W3C Web Annotations. Nothing was imported.',
      );
  });

  it('refuses javascript: and data: targets, naming the annotation', async () => {
    for (const source of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'JavaScript:void(0)',
    ]) {
      const file = [
        annotation(),
        annotation({ target: { source, selector: { type: 'TextQuoteSelector', exact: 'q' } } }),
      ];
      expect((await importError(JSON.stringify(file))).message).toMatch(
        /^Annotation 2 in this file targets a "(javascript|data):" address; Gloss only imports notes on web pages \(http or https\)\. Nothing was imported\.$/,
      );
    }
    expect((await importError(JSON.stringify(annotation({ target: 'page1' })))).message).toBe(
      'Annotation 1 in this file has a target that is not a web address. Nothing was imported.',
    );
  });

  it('refuses wrong types, naming the annotation and the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [
        { target: { source: 'https://example.com', selector: { type: 'TextQuoteSelector', exact: 42 } } },
        '"target.selector.exact" must be text',
      ],
      [
        {
          target: {
            source: 'https://example.com',
            selector: [{ type: 'TextPositionSelector', start: -1, end: 3 }],
          },
        },
        '"target.selector[0].start" must not be negative',
      ],
      [{ target: 7 }, '"target" must be text or an object'],
      [{ body: [{ type: 'TextualBody', value: ['a'] }] }, '"body[0].value" must be text'],
      [{ created: 2020 }, '"created" must be text'],
      [{ tags: 'policy' }, '"tags" must be a list of text'],
      [{ 'gloss:color': 3 }, '"gloss:color" must be text'],
    ];
    for (const [fields, problem] of cases)
      expect((await importError(JSON.stringify([annotation(), annotation(fields)]))).message).toBe(
        `Annotation 2 in this file is malformed: ${problem}. Nothing was imported.`,
      );
    expect((await importError('[1]')).message).toBe(
      'Annotation 1 in this file is malformed: it must be an object. Nothing was imported.',
    );
  });

  it('refuses text, quotes, tags and addresses over the limits rather than cutting them', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [
        { bodyValue: 'x'.repeat(20_001) },
        'has a note of 20,001 characters; Gloss keeps notes of up to 20,000',
      ],
      [
        {
          target: {
            source: 'https://example.com',
            selector: { type: 'TextQuoteSelector', exact: 'q'.repeat(5_001) },
          },
        },
        'quotes a passage of 5,001 characters; Gloss keeps quotes of up to 5,000',
      ],
      [
        { tags: ['t'.repeat(65)] },
        `has a tag of 65 characters ("${'t'.repeat(20)}…"); Gloss keeps tags of up to 64`,
      ],
      [
        { tags: Array.from({ length: 33 }, (_, i) => `tag${i}`) },
        'has 33 tags; Gloss keeps up to 32 per note',
      ],
      [
        { target: `https://example.com/${'a'.repeat(8_200)}` },
        'targets an address of 8,220 characters; Gloss keeps addresses of up to 8,192',
      ],
      [
        { target: 'urn:gloss:entity:Not An Id' },
        'is malformed: it names an entity whose id Gloss cannot read',
      ],
    ];
    for (const [fields, problem] of cases)
      expect(
        (await importError(JSON.stringify({ items: [annotation(fields)], type: 'AnnotationPage' }))).message,
      ).toBe(`Annotation 1 in this file ${problem}. Nothing was imported.`);
  });

  it('returns nothing when a good annotation comes before a bad one', async () => {
    const file = [annotation(), annotation(), annotation({ target: 'javascript:alert(1)' })];
    await expect(parse(JSON.stringify(file))).rejects.toBeInstanceOf(ImportError);
  });
});

describe('ids', () => {
  it('keeps the first of two annotations with the same id and skips the second', async () => {
    const file = [
      annotation({ id: 'urn:uuid:11111111-2222-4333-8444-555555555555', bodyValue: 'first' }),
      annotation({ id: 'https://example.org/anno/1', bodyValue: 'other' }),
      annotation({ id: 'URN:UUID:11111111-2222-4333-8444-555555555555', bodyValue: 'second' }),
    ];
    const { notes, skipped } = await parse(JSON.stringify(file));
    expect(notes.map((n) => n.body)).toEqual(['first', 'other']);
    expect(skipped).toEqual([
      {
        index: 3,
        id: 'URN:UUID:11111111-2222-4333-8444-555555555555',
        reason: 'has the same id as annotation 1, which was imported',
      },
    ]);
  });

  it('derives the same v8 UUID from the same id, different ones from different ids', async () => {
    const file = JSON.stringify([
      annotation({ id: 'https://example.org/anno/1' }),
      annotation({ id: 'https://example.org/anno/2' }),
    ]);
    const first = (await parse(file)).notes.map((n) => n.id);
    const again = (await parse(file)).notes.map((n) => n.id);
    expect(first).toEqual(again);
    expect(first[0]).not.toBe(first[1]);
    for (const id of first) expect(id).toMatch(V8_UUID);
    // Pinned: a change here would make every earlier import come back as duplicates.
    expect(first[0]).toBe(
      (await parseOne(annotation({ id: 'https://example.org/anno/1', bodyValue: 'other' }))).id,
    );
    expect((await parseOne(annotation({ id: 'http://example.org/anno5' }))).id).toBe(
      '50e34752-c247-836c-90c0-8c98c0f96767',
    );
  });

  it('derives an id from the content when there is none', async () => {
    const a = await parseOne(annotation({ created: '2024-01-01T00:00:00Z' }));
    const b = await parseOne(annotation({ created: '2024-01-01T00:00:00Z' }));
    const c = await parseOne(annotation({ created: '2024-01-01T00:00:00Z', bodyValue: 'different' }));
    expect(a.id).toMatch(V8_UUID);
    expect(a.id).toBe(b.id);
    expect(c.id).not.toBe(a.id);
  });
});

describe('hostile keys', () => {
  it('does not let __proto__ or constructor in the file reach Object.prototype', async () => {
    const text = `[{
      "__proto__": { "polluted": "yes" },
      "constructor": { "prototype": { "polluted": "yes" } },
      "type": "Annotation",
      "bodyValue": "x",
      "gloss:color": "green",
      "target": {
        "__proto__": { "polluted": "yes" },
        "source": { "id": "https://example.com/a", "__proto__": { "polluted": "yes" } },
        "selector": { "type": "TextQuoteSelector", "exact": "q", "__proto__": { "polluted": "yes" } }
      }
    }]`;
    const { notes, skipped } = await parse(text);
    expect(skipped).toEqual([]);
    const note = notes[0]!;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(Object.getPrototypeOf(note)).toBe(Object.prototype);
    expect(Object.keys(note).sort()).toEqual(
      ['anchor', 'body', 'color', 'createdAt', 'id', 'tags', 'title', 'updatedAt', 'url'].sort(),
    );
    expect(Object.keys(note.anchor!.quote).sort()).toEqual(['exact', 'prefix', 'suffix']);
    expect(note.color).toBe('green');
  });
});
