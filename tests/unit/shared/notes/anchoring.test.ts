/**
 * Describing a passage and finding it again in plain page text: the position, exact and fuzzy steps, and
 * the cases that must come back empty (a removed passage, a short word that only happens to recur).
 */
import { describe, expect, it } from 'vitest';
import { anchorInText } from '../../../../src/shared/notes/anchoring/anchor';
import { describeText } from '../../../../src/shared/notes/anchoring/describe';
import type { NoteAnchor } from '../../../../src/shared/notes/note-types';

const QUOTE =
  'The minister announced on Tuesday that the new cyber security law will take effect in April, after months of debate.';
const PAGE = `Breaking news from the ministry of internal affairs. ${QUOTE} Critics said the law was rushed through parliament. Other stories follow below.`;

/** The anchor for the first occurrence of `passage` in `text`. */
function describePassage(text: string, passage: string): NoteAnchor {
  const start = text.indexOf(passage);
  expect(start).toBeGreaterThanOrEqual(0);
  return describeText(text, start, start + passage.length);
}

describe('describeText', () => {
  it('keeps the passage, 32 characters either side and the offsets', () => {
    const start = PAGE.indexOf(QUOTE);
    expect(describeText(PAGE, start, start + QUOTE.length)).toEqual({
      quote: {
        exact: QUOTE,
        prefix: 'e ministry of internal affairs. ',
        suffix: ' Critics said the law was rushed',
      },
      position: { start, end: start + QUOTE.length },
    });
  });

  it('takes what there is at the edges of the text', () => {
    expect(describeText('abcdef', 0, 2).quote).toEqual({ exact: 'ab', prefix: '', suffix: 'cdef' });
    expect(describeText('abcdef', 4, 6).quote).toEqual({ exact: 'ef', prefix: 'abcd', suffix: '' });
  });

  it('does not cut a surrogate pair in the context', () => {
    // '😀' is two code units; 31 letters after it put the cut between them.
    const text = `😀${'a'.repeat(31)}X${'b'.repeat(31)}😀`;
    const x = text.indexOf('X');
    const { prefix, suffix } = describeText(text, x, x + 1).quote;
    expect(prefix).toBe('a'.repeat(31));
    expect(suffix).toBe('b'.repeat(31));
  });

  it('throws on empty and out-of-range spans', () => {
    expect(() => describeText('abc', 1, 1)).toThrow(RangeError);
    expect(() => describeText('abc', 2, 1)).toThrow(RangeError);
    expect(() => describeText('abc', -1, 2)).toThrow(RangeError);
    expect(() => describeText('abc', 1, 4)).toThrow(RangeError);
    expect(() => describeText('abc', 0.5, 2)).toThrow(RangeError);
  });
});

describe('anchorInText: position and exact', () => {
  it('finds a passage of an unchanged page at its stored offsets', () => {
    const anchor = describePassage(PAGE, QUOTE);
    expect(anchorInText(PAGE, anchor)).toEqual({ ...anchor.position, method: 'position', score: 1 });
  });

  it('finds the passage after text was inserted before it', () => {
    const anchor = describePassage(PAGE, QUOTE);
    const inserted = 'Update: this story was revised. ';
    const page = inserted + PAGE;
    const match = anchorInText(page, anchor);
    expect(match).toMatchObject({
      start: anchor.position!.start + inserted.length,
      end: anchor.position!.end + inserted.length,
    });
    expect(match?.method).toBe('exact');
    expect(page.slice(match!.start, match!.end)).toBe(QUOTE);
  });

  it('does not trust the old offsets when the context there changed', () => {
    const anchor = describePassage(PAGE, QUOTE);
    // Same length before the quote, different words: the quote is still at its offsets.
    const page = PAGE.replace('of internal affairs', 'of external matters');
    expect(anchorInText(page, anchor)).toMatchObject({ ...anchor.position, method: 'exact' });
  });

  it('resolves a repeated quote to the occurrence whose context matches', () => {
    const text =
      'Alpha Corp says the budget was approved by the board on Monday. ' +
      'Beta Industries says the budget was approved by the board on Monday. ' +
      'Gamma Holdings says the budget was approved by the board on Monday. The end.';
    const quote = 'the budget was approved';
    const beta = text.indexOf(quote, text.indexOf('Beta'));
    const gamma = text.indexOf(quote, text.indexOf('Gamma'));
    const anchor = describeText(text, beta, beta + quote.length);
    // The stored offsets point at another occurrence (the page was rearranged since).
    const stale = { ...anchor, position: { start: gamma, end: gamma + quote.length } };
    expect(anchorInText(text, stale)).toMatchObject({
      start: beta,
      end: beta + quote.length,
      method: 'exact',
    });
    // Without offsets at all, context alone decides.
    expect(anchorInText(text, { quote: anchor.quote })).toMatchObject({ start: beta, method: 'exact' });
  });

  it('picks the occurrence nearest the old position when the contexts are the same', () => {
    const row = '| cell A | cell B |\n';
    const text = row.repeat(8);
    const start = 4 * row.length + row.indexOf('cell B');
    const anchor = describeText(text, start, start + 6);
    const page = `Header\n${text}`;
    expect(anchorInText(page, anchor)).toMatchObject({ start: start + 7, end: start + 13, method: 'exact' });
  });

  it('anchors an imported quote without position', () => {
    const { quote } = describePassage(PAGE, QUOTE);
    const start = PAGE.indexOf(QUOTE);
    expect(anchorInText(PAGE, { quote })).toMatchObject({
      start,
      end: start + QUOTE.length,
      method: 'exact',
    });
    const bare = { quote: { exact: QUOTE, prefix: '', suffix: '' } };
    expect(anchorInText(PAGE, bare)).toMatchObject({ start, end: start + QUOTE.length, method: 'exact' });
  });

  it('ignores whitespace differences between the quote and the page', () => {
    // Read with innerText elsewhere: a line break and doubled spaces where the page has single spaces.
    const imported = {
      quote: {
        exact: 'The minister announced\non Tuesday  that the new cyber security law',
        prefix: 'ministry of internal affairs.\n',
        suffix: ' will take effect',
      },
    };
    const start = PAGE.indexOf('The minister');
    const end = PAGE.indexOf(' will take');
    expect(anchorInText(PAGE, imported)).toMatchObject({ start, end, method: 'exact' });
    // And the other way round: the page is indented source text, the quote has single spaces.
    const indented = PAGE.replace('on Tuesday that', 'on\n        Tuesday\n        that');
    const quote = 'announced on Tuesday that the new';
    const at = indented.indexOf('announced');
    const match = anchorInText(indented, { quote: { exact: quote, prefix: '', suffix: '' } });
    expect(match).toMatchObject({ start: at, end: indented.indexOf(' cyber'), method: 'exact' });
  });

  it('accepts a short quote only where its context agrees too', () => {
    const text = 'Prices rose 5% in May. Wages rose 2% in June. Nothing happened in July.';
    const anchor = describePassage(text, 'May');
    expect(anchorInText(`Summary. ${text}`, anchor)).toMatchObject({ start: text.indexOf('May') + 9 });
    // The sentence is gone; "May" still appears, elsewhere and in other words.
    expect(anchorInText('In May, nothing happened at all. Wages rose 2% in June.', anchor)).toBeNull();
  });

  it('places a whitespace-only quote only at its own offsets', () => {
    const text = 'one   two   three';
    const anchor = describeText(text, 3, 6);
    expect(anchorInText(text, anchor)).toMatchObject({ start: 3, end: 6, method: 'position' });
    expect(anchorInText(`x${text}`, anchor)).toBeNull();
  });

  it('finds nothing for an empty quote', () => {
    expect(anchorInText(PAGE, { quote: { exact: '', prefix: '', suffix: '' } })).toBeNull();
  });
});

describe('anchorInText: fuzzy', () => {
  const EDITED =
    'The minister announced on Wednesday that the new cyber security law would take effect in April; after months of debate.';
  const REWRITTEN = `Latest updates from the government. ${EDITED} Opponents argued the law was rushed through parliament. More stories follow.`;

  it('finds a lightly edited passage whose surroundings changed too', () => {
    const anchor = describePassage(PAGE, QUOTE);
    const start = REWRITTEN.indexOf(EDITED);
    const match = anchorInText(REWRITTEN, anchor);
    expect(match).toMatchObject({ start, end: start + EDITED.length, method: 'fuzzy' });
    expect(match!.score).toBeGreaterThanOrEqual(0.7);
  });

  it('finds an edited passage that also moved far from its old position', () => {
    const anchor = describePassage(PAGE, QUOTE);
    const page = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(100) + REWRITTEN;
    const start = page.indexOf(EDITED);
    expect(anchorInText(page, anchor)).toMatchObject({ start, end: start + EDITED.length, method: 'fuzzy' });
  });

  it('finds an edited imported quote without position or context', () => {
    const start = REWRITTEN.indexOf(EDITED);
    const bare = { quote: { exact: QUOTE.replace('will', 'shall'), prefix: '', suffix: '' } };
    const page = REWRITTEN.replace('would', 'will');
    expect(anchorInText(page, bare)).toMatchObject({ start, method: 'fuzzy' });
  });

  it('gives null when the passage was removed', () => {
    const anchor = describePassage(PAGE, QUOTE);
    expect(anchorInText(PAGE.replace(QUOTE, ''), anchor)).toBeNull();
  });

  it('gives null when only a few of the passage words remain elsewhere', () => {
    const anchor = describePassage(PAGE, QUOTE);
    const page =
      'Breaking news from the ministry of internal affairs. The minister spoke about security on Tuesday. ' +
      'A new law on cyber matters was debated for months and may take effect in April, critics said. ' +
      'Critics said the law was rushed through parliament. Other stories follow below.';
    expect(anchorInText(page, anchor)).toBeNull();
  });

  it('gives null for a similar sentence in other surroundings', () => {
    const anchor = describePassage(PAGE, QUOTE);
    // Within the error budget (a third of the characters differ), but neither quote nor context is close.
    const page =
      'Weekly roundup of regional technology policy. The minister said on Thursday that a new data ' +
      'protection law may take effect in May, after weeks of debate. Markets were calm; trading was thin.';
    expect(anchorInText(page, anchor)).toBeNull();
  });

  it('does not search approximately for very short quotes', () => {
    const text = 'It was Tuesday, and then it was Wednesday.';
    const anchor = describePassage(text, 'Tuesday');
    expect(anchorInText(text.replace('Tuesday', 'Tusday'), anchor)).toBeNull();
  });
});
