/**
 * Importing each of the 44 examples of the W3C Web Annotation Data Model Recommendation
 * (tests/fixtures/w3c-rec-examples.json, extracted unchanged) gives its own, true outcome: which notes
 * (page, passage, one per target), what the summary says was changed, what is skipped and why, or the
 * error a file of it gives. The same outcomes are the table in docs/notes.md ("The Recommendation's 44
 * examples"); a change here must change that table too.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnnotations } from '../../../../../src/shared/notes/web-annotation/import-parse';

interface Example {
  number: number;
  title: string;
  document: Record<string, unknown>;
}

const { examples } = JSON.parse(
  readFileSync(new URL('../../../../fixtures/w3c-rec-examples.json', import.meta.url), 'utf8'),
) as { examples: Example[] };

/** A note as the table shows it: its page, the quote it is anchored to, its text and tags. */
interface NoteShape {
  url: string;
  quote?: string;
  body: string;
  tags?: string[];
}

/** What importing one example gives. */
interface Outcome {
  notes?: NoteShape[];
  changed?: string;
  skipped?: string[];
  more?: string;
  error?: string;
}

const page = (url: string, body: string, tags?: string[]): NoteShape =>
  tags ? { url, body, tags } : { url, body };
/** Note `part` of `count` made from annotation `id`, one per target: the text ends with the line naming it. */
const part = (url: string, body: string, n: number, count: number, id: string, tags?: string[]): NoteShape =>
  page(
    url,
    `${body ? `${body}\n\n` : ''}(Note ${n} of ${count} from annotation ${id}, one note per target.)`,
    tags,
  );
const unplaced = (selectors: string) =>
  `became a page note, as Gloss places passages by their quoted text and this one has none (its selectors: ${selectors})`;

const OUTCOMES: Record<number, Outcome> = {
  1: { notes: [page('http://example.com/page1', 'http://example.org/post1')] },
  2: { notes: [page('http://example.gov/patent1.pdf', 'http://example.org/analysis1.mp3')] },
  3: { notes: [page('http://example.org/website1', 'http://example.org/video1')] },
  4: {
    notes: [page('http://example.com/image1#xywh=100,100,300,300', 'http://example.org/description1')],
    changed: 'became a page note, as Gloss cannot show an image region (xywh=100,100,300,300)',
  },
  5: { notes: [page('http://example.org/photo1', "j'adore !")] },
  6: { notes: [page('http://example.org/target1', 'Comment text')] },
  7: { notes: [page('http://example.org/target1', 'Comment text')] },
  8: { skipped: ['has neither text nor a quoted passage'] },
  9: {
    notes: [
      part(
        'http://example.org/image1',
        'http://example.org/description1\n\ntag1',
        1,
        2,
        'http://example.org/anno9',
      ),
      part(
        'http://example.org/image2',
        'http://example.org/description1\n\ntag1',
        2,
        2,
        'http://example.org/anno9',
      ),
    ],
    changed: 'became 2 notes, one per target',
  },
  10: {
    notes: [page('http://example.org/website1', 'http://example.org/note1')],
    changed: 'kept the first of 2 alternative bodies (a Choice)',
  },
  11: { notes: [page('http://example.com/restaurant1', 'http://example.net/review1')] },
  12: { notes: [page('http://example.com/restaurant1', 'http://example.net/review1')] },
  13: { notes: [page('http://example.com/textbook1', 'http://example.net/classnotes1')] },
  14: { notes: [page('http://example.com/video1', 'http://example.net/comment1')] },
  15: {
    notes: [
      page('http://example.com/page1', 'A good description of the topic that bears further investigation', [
        'readme',
      ]),
    ],
  },
  16: { notes: [page('http://example.com/product1', 'http://example.net/review1')] },
  17: { notes: [page('http://example.com/product1', 'http://example.net/review1')] },
  18: { notes: [page('http://example.org/photo1', '', ['http://example.org/city1'])] },
  19: {
    notes: [page('http://example.com/dataset1', 'http://example.org/page1')],
    changed: `${unplaced('external selector http://example.org/dataselector1')}, and links to all of http://example.org/page1, as Gloss does not keep the part its body selects (external selector http://example.org/paraselector1)`,
  },
  20: { notes: [page('http://example.org/image1', 'http://example.org/video1#t=30,60')] },
  21: {
    notes: [page('http://example.org/page1.html', 'http://example.org/note1')],
    changed: unplaced('CssSelector'),
  },
  22: {
    notes: [page('http://example.org/page1.html', 'http://example.org/note1')],
    changed: unplaced('XPathSelector'),
  },
  23: {
    notes: [{ url: 'http://example.org/page1', quote: 'anotation', body: 'http://example.org/comment1' }],
  },
  24: {
    notes: [page('http://example.org/ebook1', 'http://example.org/review1')],
    changed: unplaced('TextPositionSelector'),
  },
  25: {
    notes: [page('http://example.org/diskimg1', 'http://example.org/note1')],
    changed: 'became a page note, as Gloss cannot show a range of bytes (DataPositionSelector)',
  },
  26: {
    notes: [page('http://example.org/map1', 'http://example.org/road1')],
    changed: 'became a page note, as Gloss cannot show an SVG region (SvgSelector)',
  },
  27: {
    notes: [page('http://example.org/map1', 'http://example.org/road1')],
    changed: 'became a page note, as Gloss cannot show an SVG region (SvgSelector)',
  },
  28: {
    notes: [page('http://example.org/page1.html', 'http://example.org/comment1')],
    changed: unplaced('RangeSelector'),
  },
  29: {
    notes: [{ url: 'http://example.org/page1', quote: 'Selected Text', body: 'http://example.org/comment1' }],
  },
  30: {
    notes: [page('http://example.org/page1', 'http://example.org/note1')],
    changed: 'is filed under the page as it is now, without the state it was made in',
  },
  31: {
    notes: [page('http://example.org/page1', 'http://example.org/note1')],
    changed: 'is filed under the page as it is now, without the state it was made in (TimeState)',
  },
  32: {
    notes: [page('http://example.org/resource1', 'http://example.org/description1')],
    changed: 'is filed under the page as it is now, without the state it was made in (HttpRequestState)',
  },
  33: {
    notes: [page('http://example.org/ebook1', 'http://example.org/comment1')],
    changed: 'is filed under the page as it is now, without the state it was made in (TimeState)',
  },
  34: { notes: [page('http://example.org/document1', 'http://example.org/comment1')] },
  35: { notes: [page('http://example.org/target1', 'http://example.org/body1')] },
  36: {
    notes: [page('http://example.edu/article.pdf', 'http://example.org/comment1')],
    changed: unplaced('external selector http://example.org/selectors/html-selector1'),
  },
  37: {
    notes: [page('http://example.org/image1', 'http://example.org/note1')],
    changed: 'is filed under http://example.org/image1, not under its scope http://example.org/page1',
  },
  38: {
    error:
      'This file is an annotation collection of 42,023 annotations that only links to its pages (the first is http://example.org/page1); the annotations themselves are not in it. Import a file that holds them, such as each page saved from the tool that made the collection. Nothing was imported.',
  },
  39: {
    notes: [
      page('http://example.com/book/chapter1', 'http://example.net/comment1'),
      page('http://example.com/book/chapter2', 'http://example.net/comment2'),
    ],
    more: 'This file holds 2 annotations of a longer collection of 42,023 annotations; the others are on pages not in this file (the next page is http://example.org/page2).',
  },
  40: {
    notes: [
      page('http://example.com/book/chapter1', 'http://example.net/comment1'),
      page('http://example.com/book/chapter2', 'http://example.net/comment2'),
    ],
  },
  41: {
    notes: [
      page(
        'http://example.com/document1',
        'I really love this particular bit of text in this XML. No really.',
        ['love'],
      ),
    ],
    changed: `${unplaced('FragmentSelector (xpointer(/doc/body/section[2]/para[1])) and TextPositionSelector')}, and is filed under the page as it is now, without the state it was made in (HttpRequestState), and kept the first of 2 alternative bodies (a Choice)`,
  },
  42: {
    notes: ['http://example.com/page1', 'http://example.org/page6', 'http://example.net/page4'].map(
      (url, i) =>
        part(
          url,
          'These pages together provide evidence of the conspiracy',
          i + 1,
          3,
          'http://example.org/anno39',
        ),
    ),
    changed: 'became 3 notes, one per target (a Composite: the annotation is about them together)',
  },
  43: {
    notes: [1, 2, 3, 4].map((n) =>
      part(`http://example.com/book/page${n}`, '', n, 4, 'http://example.org/anno40', ['important']),
    ),
    changed: 'became 4 notes, one per target (a List: the annotation is about them in this order)',
  },
  44: {
    notes: [
      'http://example.com/image1',
      'http://example.net/image2',
      'http://example.com/image4',
      'http://example.org/image9',
    ].map((url, i) =>
      part(url, 'http://example.org/vocab/art/portrait', i + 1, 4, 'http://example.org/anno41'),
    ),
    changed: 'became 4 notes, one per target (Independents: the annotation is about each on its own)',
  },
};

const NOW = Date.UTC(2025, 0, 1);

describe("the Recommendation's 44 examples", () => {
  it('are all in the fixture, numbered 1 to 44, each with an outcome', () => {
    expect(examples.map((e) => e.number)).toEqual(Array.from({ length: 44 }, (_, i) => i + 1));
    expect(Object.keys(OUTCOMES).map(Number)).toEqual(examples.map((e) => e.number));
    expect(examples[41]!.title).toBe('Composite');
  });

  it.each(examples.map((e) => [e.number, e.title, e] as const))(
    'example %i (%s)',
    async (_n, _t, example) => {
      const want = OUTCOMES[example.number]!;
      const result = await parseAnnotations(JSON.stringify(example.document), { now: NOW }).then(
        (r) => ({ ok: true as const, r }),
        (e: unknown) => ({ ok: false as const, message: (e as Error).message }),
      );
      if (want.error !== undefined) {
        expect(result).toEqual({ ok: false, message: want.error });
        return;
      }
      if (!result.ok) throw new Error(result.message);
      const { notes, skipped, changed, more } = result.r;
      expect(
        notes.map((n) => ({
          url: n.url,
          ...(n.anchor ? { quote: n.anchor.quote.exact } : {}),
          body: n.body,
          ...(n.tags.length > 0 ? { tags: n.tags } : {}),
        })),
      ).toEqual(want.notes ?? []);
      // Every skip and change names the annotation: its place in the file and its own id.
      const items = (example.document.items as Array<{ id: string }> | undefined) ?? [example.document];
      const ref = (index: number) => ({ index, id: (items[index - 1] as { id: string }).id });
      expect(skipped).toEqual((want.skipped ?? []).map((reason) => ({ ...ref(1), reason })));
      expect(changed).toEqual(want.changed ? [{ ...ref(1), change: want.changed }] : []);
      expect(more).toBe(want.more);
      // One note per target: ids are distinct, and importing again gives the same ones.
      const again = await parseAnnotations(JSON.stringify(example.document), { now: NOW });
      expect(again.notes.map((n) => n.id)).toEqual(notes.map((n) => n.id));
      expect(new Set(notes.map((n) => n.id)).size).toBe(notes.length);
    },
  );
});
