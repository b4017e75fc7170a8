// @vitest-environment happy-dom
/**
 * Apache Annotator's text-position and text-quote test cases (tests/fixtures/anchoring/
 * apache-annotator-cases.ts, Apache-2.0), run through Gloss's own path: a DOM range → TextMap offsets →
 * describeText, and stored selectors → anchorInText → TextMap range. Its position cases count code points
 * past an emoji (😃), which is what issue 12.1 is about.
 *
 * Where Gloss answers otherwise by design, the case says so and checks Gloss's answer instead:
 * - Gloss maps the text of the body only (no <title>), so text in <head> is never a passage;
 * - a note always has a passage, so empty quotes and ranges are refused (and never anchored);
 * - Gloss returns the one best place for a quote, not every match (the first of equally good ones);
 * - Gloss scores context by similarity and ignores whitespace in it, where Apache Annotator requires it
 *   verbatim, so a quote whose context only nearly agrees is still found;
 * - Gloss always stores 32 characters of context either side, not the least that tells occurrences apart,
 *   so its context contains Apache Annotator's (the describe cases).
 */
import { describe, expect, it } from 'vitest';
import { TextMap } from '../../../../src/content/notes/text-map';
import { anchorInText } from '../../../../src/shared/notes/anchoring/anchor';
import { CONTEXT_LENGTH, describeText } from '../../../../src/shared/notes/anchoring/describe';
import {
  describeQuoteCases,
  type RangeInfo,
  splitTextCases,
  textPositionCases,
  textQuoteCases,
} from '../../../fixtures/anchoring/apache-annotator-cases';

/**
 * The case's HTML as this window's document (Apache Annotator parses it with DOMParser; happy-dom's ranges
 * do not work in a parsed document, and the result is the same: a head, if given, and a body).
 */
function load(html: string): Document {
  document.documentElement.innerHTML = html;
  return document;
}

/** The node an XPath of the fixtures names: `//tag/text()` or `//tag/text()[n]` (text nodes counted from 1). */
function nodeAt(doc: Document, xpath: string): Node {
  const m = /^\/\/(\w+)\/text\(\)(?:\[(\d+)\])?$/.exec(xpath);
  if (!m) throw new Error(`Unsupported XPath ${xpath}`);
  const elements = doc.getElementsByTagName(m[1]!);
  expect(elements.length, xpath).toBe(1);
  const texts = [...elements[0]!.childNodes].filter((n) => n.nodeType === 3);
  const node = texts[Number(m[2] ?? 1) - 1];
  if (!node) throw new Error(`No node at ${xpath}`);
  return node;
}

function rangeFrom(doc: Document, info: RangeInfo): Range {
  const range = doc.createRange();
  range.setStart(nodeAt(doc, info.startContainerXPath), info.startOffset);
  range.setEnd(nodeAt(doc, info.endContainerXPath), info.endOffset);
  return range;
}

/** Describing the range gives the selector, and anchoring the selector gives the range back. */
function expectPositionRoundTrip(
  map: TextMap,
  expected: Range,
  selector: { start: number; end: number },
): void {
  const span = map.offsetsOf(expected)!;
  expect(span).not.toBeNull();
  const anchor = describeText(map.text, span.start, span.end);
  expect(anchor.position).toEqual(selector);
  // Anchoring by the position: a quote that is there, no context, so only the offsets decide the method.
  const match = anchorInText(map.text, {
    quote: { exact: expected.toString(), prefix: '', suffix: '' },
    position: selector,
  });
  expect(match).toMatchObject({ start: span.start, end: span.end, method: 'position' });
  expect(match?.correctedPosition).toBeUndefined();
  const found = map.rangeOf(match!.start, match!.end);
  expect(found.toString()).toBe(expected.toString());
  expect(map.offsetsOf(found)).toEqual(span);
}

describe('Apache Annotator text-position cases: describe and match, in code points', () => {
  const notApplicable: Record<string, (doc: Document, map: TextMap) => void> = {
    'text inside <head>': (doc, map) => {
      // Gloss's text is the body's: the title's characters are not counted, and no note can start there.
      expect(doc.title).toBe('l😃rem ipsum dolor amet');
      expect(map.text).toBe('yada yada');
    },
    'empty quote': (doc, map) => {
      const empty = rangeFrom(doc, textPositionCases['empty quote']!.expected[0]!);
      expect(map.offsetsOf(empty)).toBeNull();
      expect(() => describeText(map.text, 4, 4)).toThrow(RangeError);
      const anchor = { quote: { exact: '', prefix: '', suffix: '' }, position: { start: 3, end: 4 } };
      expect(anchorInText(map.text, anchor)).toBeNull();
    },
  };

  for (const [name, { html, selector, expected }] of Object.entries(textPositionCases)) {
    it(`case: '${name}'`, () => {
      const doc = load(html);
      const map = new TextMap(doc.body);
      const different = notApplicable[name];
      if (different) {
        different(doc, map);
        return;
      }
      expect(expected).toHaveLength(1);
      expectPositionRoundTrip(map, rangeFrom(doc, expected[0]!), selector);
    });
  }

  for (const [name, { splits, expected }] of Object.entries(splitTextCases)) {
    it(name, () => {
      const { html, selector } = textPositionCases.simple!;
      const doc = load(html);
      const node = nodeAt(doc, '//b/text()') as Text;
      for (const at of splits) node.splitText(at);
      const map = new TextMap(doc.body);
      expectPositionRoundTrip(map, rangeFrom(doc, expected), selector);
    });
  }

  it('works when scope spans one text node’s contents, matching its first characters', () => {
    const { html, selector, expected } = textPositionCases['first characters']!;
    const doc = load(html);
    const map = new TextMap(nodeAt(doc, '//b/text()'));
    expectPositionRoundTrip(map, rangeFrom(doc, expected[0]!), selector);
  });

  it('works when scope starts with an empty text node, matching its first characters', () => {
    const { html, selector } = textPositionCases['first characters']!;
    const doc = load(html);
    (nodeAt(doc, '//b/text()') as Text).splitText(0);
    const map = new TextMap(doc.getElementsByTagName('b')[0]!);
    const expected = {
      startContainerXPath: '//b/text()[2]',
      startOffset: 0,
      endContainerXPath: '//b/text()[2]',
      endOffset: 12,
    };
    expectPositionRoundTrip(map, rangeFrom(doc, expected), selector);
  });
  // Apache Annotator's other scope cases take a Range as the scope; Gloss maps whole subtrees only.
});

describe('Apache Annotator text-quote match cases', () => {
  const onlyDolor = { start: 12, end: 17 };
  /** Gloss's answer where it differs by design (see the top of this file), as offsets or null. */
  const glossAnswers: Record<string, { start: number; end: number } | null> = {
    'text inside <head>': null,
    'empty quote': null,
    'empty quote, multiple elements': null,
    'empty quote, with prefix': null,
    'empty quote, with suffix': null,
    'empty quote, with prefix and suffix': null,
    'empty quote, no matches': null,
    // Context that nearly agrees ("ipsum " for "oopsum ", " amet" for " amot") still counts.
    'with prefix, no matches': onlyDolor,
    'with suffix, no matches': onlyDolor,
    // Whitespace in context is skipped: " amet" agrees with "a".
    'with suffix, no matches due to whitespace': onlyDolor,
  };

  for (const [name, { html, selector, expected }] of Object.entries(textQuoteCases)) {
    it(`case: '${name}'`, () => {
      const doc = load(html);
      const map = new TextMap(doc.body);
      const quote = { exact: selector.exact, prefix: selector.prefix ?? '', suffix: selector.suffix ?? '' };
      const match = anchorInText(map.text, { quote });
      const want =
        name in glossAnswers
          ? glossAnswers[name]
          : expected[0]
            ? map.offsetsOf(rangeFrom(doc, expected[0]))
            : null;
      if (want === null) {
        expect(match).toBeNull();
        return;
      }
      expect(match).toMatchObject({ ...want, method: 'exact' });
      expect(map.rangeOf(match!.start, match!.end).toString()).toBe(selector.exact);
    });
  }
});

describe('Apache Annotator text-quote describe cases: Gloss’s context holds theirs', () => {
  const refused = new Set(['empty quote', 'minimal context: empty quote']);

  for (const [name, { html, range, expected }] of Object.entries(describeQuoteCases)) {
    it(`case: '${name}'`, () => {
      const doc = load(html);
      const map = new TextMap(doc.body);
      const dom = rangeFrom(doc, range);
      const span = map.offsetsOf(dom);
      if (refused.has(name)) {
        // A collapsed range is no passage.
        expect(span).toBeNull();
        expect(() => describeText(map.text, dom.startOffset, dom.endOffset)).toThrow(RangeError);
        return;
      }
      const { quote, position } = describeText(map.text, span!.start, span!.end);
      expect(quote.exact).toBe(expected.exact);
      expect(quote.prefix.endsWith(expected.prefix)).toBe(true);
      // Gloss keeps CONTEXT_LENGTH characters; Apache Annotator's 50-character suffix is cut there.
      const suffix = expected.suffix.slice(0, CONTEXT_LENGTH);
      expect(quote.suffix.startsWith(suffix)).toBe(true);
      // And the note is placed where it was described.
      expect(anchorInText(map.text, { quote, position })).toMatchObject({ ...span, method: 'position' });
    });
  }
});
