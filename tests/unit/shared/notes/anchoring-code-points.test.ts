/**
 * TextPositionSelector offsets in Unicode code points (issue 12.1): the Web Annotation Data Model requires
 * them, JavaScript strings count UTF-16 code units, and the two differ by one per character outside the
 * BMP before the offset. Gloss stores code points; it still places notes whose offsets are code units
 * (saved by earlier versions of Gloss, or imported from Hypothesis) and says how to correct them.
 */
import { describe, expect, it } from 'vitest';
import { anchorInText } from '../../../../src/shared/notes/anchoring/anchor';
import {
  codePointLength,
  toCodePoints,
  toCodeUnits,
} from '../../../../src/shared/notes/anchoring/code-points';
import { describeText } from '../../../../src/shared/notes/anchoring/describe';
import type { NoteAnchor } from '../../../../src/shared/notes/note-types';

// Two emoji (2 code units each) and 𠮷 (U+20BB7, a CJK character outside the BMP) before the passage.
const PAGE =
  'Reactions 😀👍 poured in. 𠮷野家 opened early. ' +
  'The minister said the new cyber security law will take effect in April. Critics disagreed.';
const QUOTE = 'the new cyber security law will take effect';
const AT = PAGE.indexOf(QUOTE);
/** Three astral characters before the quote: its code-point offsets are 3 less. */
const SHIFT = 3;

describe('code points and code units', () => {
  it('converts offsets both ways around astral characters', () => {
    const text = 'a😀b𠮷c';
    // code units: a=0, 😀=1..2, b=3, 𠮷=4..5, c=6; code points: a=0, 😀=1, b=2, 𠮷=3, c=4.
    expect([0, 1, 3, 4, 6, 7].map((i) => toCodePoints(text, i))).toEqual([0, 1, 2, 3, 4, 5]);
    expect([0, 1, 2, 3, 4, 5].map((p) => toCodeUnits(text, p))).toEqual([0, 1, 3, 4, 6, 7]);
    expect(codePointLength(text)).toBe(5);
    expect(codePointLength('abc')).toBe(3);
  });

  it('counts an offset inside a pair as the pair’s start, and clamps past the end', () => {
    expect(toCodePoints('a😀b', 2)).toBe(1);
    expect(toCodeUnits('a😀b', 99)).toBe(4);
  });

  it('leaves text without astral characters alone', () => {
    const text = 'Plain text, even with ünïcödé and 日本語.';
    for (let i = 0; i <= text.length; i += 1) {
      expect(toCodePoints(text, i)).toBe(i);
      expect(toCodeUnits(text, i)).toBe(i);
    }
  });

  it('works on several texts in turn (the last one is remembered, not mixed up)', () => {
    expect(toCodeUnits('😀x', 1)).toBe(2);
    expect(toCodeUnits('xx', 1)).toBe(1);
    expect(toCodeUnits('😀x', 1)).toBe(2);
  });
});

describe('describeText counts code points', () => {
  it('stores the offsets of a passage after emoji in code points', () => {
    const anchor = describeText(PAGE, AT, AT + QUOTE.length);
    expect(anchor.quote.exact).toBe(QUOTE);
    expect(anchor.position).toEqual({ start: AT - SHIFT, end: AT - SHIFT + QUOTE.length });
    // What other tools do with a W3C position: count code points.
    expect([...PAGE].slice(anchor.position!.start, anchor.position!.end).join('')).toBe(QUOTE);
  });

  it('counts an emoji inside the passage as one', () => {
    const start = PAGE.indexOf('😀');
    const anchor = describeText(PAGE, start, start + 'poured'.length + 5);
    expect(anchor.quote.exact).toBe('😀👍 poured');
    expect(anchor.position).toEqual({ start: 10, end: 19 });
  });

  it('widens a span that cuts a surrogate pair to the whole character', () => {
    const start = PAGE.indexOf('😀');
    const anchor = describeText(PAGE, start + 1, start + 3);
    expect(anchor.quote.exact).toBe('😀👍');
    expect(anchor.position).toEqual({ start: 10, end: 12 });
  });
});

describe('anchoring reads stored offsets as code points, then as code units', () => {
  const described = describeText(PAGE, AT, AT + QUOTE.length);
  const points = { start: AT - SHIFT, end: AT - SHIFT + QUOTE.length };
  /** The same note as an earlier Gloss (or Hypothesis) stored it: offsets in code units. */
  const legacy: NoteAnchor = { ...described, position: { start: AT, end: AT + QUOTE.length } };

  it('places a new note at its code-point offsets', () => {
    expect(anchorInText(PAGE, { ...described, position: points })).toEqual({
      start: AT,
      end: AT + QUOTE.length,
      method: 'position',
      score: 1,
    });
  });

  it('places an old note (code units, passage after an emoji) at its offsets and gives them in code points', () => {
    const match = anchorInText(PAGE, legacy);
    expect(match).toEqual({
      start: AT,
      end: AT + QUOTE.length,
      method: 'position',
      score: 1,
      correctedPosition: points,
    });
    expect(PAGE.slice(match!.start, match!.end)).toBe(QUOTE);
  });

  it('has nothing to correct where both readings are the same', () => {
    const text = `No emoji before this passage. ${QUOTE}. 😀 after.`;
    const start = text.indexOf(QUOTE);
    const anchor = describeText(text, start, start + QUOTE.length);
    expect(anchor.position).toEqual({ start, end: start + QUOTE.length });
    expect(anchorInText(text, anchor)).toEqual({
      start,
      end: anchor.position!.end,
      method: 'position',
      score: 1,
    });
  });

  it('corrects only the end of a passage that holds an emoji', () => {
    const text = `Before. Launch day 🚀 was a success for the team. After.`;
    const start = text.indexOf('Launch');
    const end = text.indexOf(' After');
    const anchor = describeText(text, start, end);
    expect(anchor.position).toEqual({ start, end: end - 1 });
    const match = anchorInText(text, { ...anchor, position: { start, end } });
    expect(match).toMatchObject({
      start,
      end,
      method: 'position',
      correctedPosition: { start, end: end - 1 },
    });
  });

  it('places a Hypothesis-style import (code units, no context) and offers the correction', () => {
    const imported = { quote: { exact: QUOTE, prefix: '', suffix: '' }, position: legacy.position };
    expect(anchorInText(PAGE, imported)).toMatchObject({
      start: AT,
      method: 'position',
      correctedPosition: points,
    });
  });

  it('prefers the code-point reading when the quote is at both', () => {
    // "ab" repeated: read as code points the offsets land on one "ab", as code units on the next.
    const text = `😀${'ab'.repeat(6)}`;
    const anchor: NoteAnchor = {
      quote: { exact: 'ab', prefix: '', suffix: '' },
      position: { start: 3, end: 5 },
    };
    expect(anchorInText(text, anchor)).toEqual({ start: 4, end: 6, method: 'position', score: 1 });
  });

  it('still finds a moved old note, with no correction (its offsets held nothing)', () => {
    const page = `Breaking: an update was added at the top. ${PAGE}`;
    const match = anchorInText(page, legacy);
    expect(match).toMatchObject({ start: page.indexOf(QUOTE), method: 'exact' });
    expect(match?.correctedPosition).toBeUndefined();
  });
});
