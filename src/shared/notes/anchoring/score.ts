/**
 * How a candidate place for a note's passage is judged, shared by the steps of anchor.ts: the Hypothesis
 * weights (quote 50, prefix 20, suffix 20, position 2, normalised to 0..1), plus a cheap context
 * comparison for exact candidates.
 *
 * Evidence the anchor lacks (an imported quote without context or offsets) counts as undecided, 0.5,
 * where Hypothesis counts it as a perfect 1: that would give a context-free quote 40 free points, and a
 * weak fuzzy match anywhere on the page would pass the threshold.
 */
import { isWhitespace } from '../../matcher/fold';

/** Where a note's passage was found in the page text, and how. */
export interface AnchorMatch {
  start: number;
  end: number;
  /** Which step found it: the stored offsets, an exact occurrence of the quote, or an approximate one. */
  method: 'position' | 'exact' | 'fuzzy';
  /**
   * 0..1, how well quote, context and old position agree (1 for an unchanged page); for a fuzzy match,
   * the higher of that and what the quote alone scores (see fuzzy.ts).
   */
  score: number;
}

/** Agreement of a candidate with each part of the anchor, 0..1; undefined where the anchor has none. */
export interface Evidence {
  quote: number;
  prefix: number | undefined;
  suffix: number | undefined;
  position: number | undefined;
}

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

/** The weighted mean of the evidence, counting what the anchor lacks as undecided (0.5). */
export function combine(e: Evidence): number {
  const sum =
    WEIGHTS.quote * e.quote +
    WEIGHTS.prefix * (e.prefix ?? UNDECIDED) +
    WEIGHTS.suffix * (e.suffix ?? UNDECIDED) +
    WEIGHTS.position * (e.position ?? UNDECIDED);
  return sum / (WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position);
}

const UNDECIDED = 0.5;

/**
 * 1 at the old start, falling linearly to 0 a whole text length away (as Hypothesis does): a weak pull
 * that only decides between otherwise equal candidates.
 */
export function closeness(
  textLength: number,
  start: number,
  old: { start: number } | undefined,
): number | undefined {
  return old === undefined ? undefined : 1 - Math.abs(start - old.start) / Math.max(1, textLength);
}

/**
 * How many characters of `expected` agree with the text just before `end`, compared from the passage
 * outward and stopping at the first disagreement (the nearest context is the most telling, and an edit
 * further out then spoils only the part beyond it). Whitespace is skipped on both sides so that a
 * context saved with different line breaks or indentation still counts.
 */
export function agreeBefore(text: string, end: number, expected: string): number {
  // Bounds how far a long whitespace run in the page can stretch the comparison.
  const floor = Math.max(0, end - 4 * expected.length - 16);
  let i = expected.length - 1;
  let j = end - 1;
  let count = 0;
  for (;;) {
    while (i >= 0 && isSpace(expected.charCodeAt(i))) i -= 1;
    while (j >= floor && isSpace(text.charCodeAt(j))) j -= 1;
    if (i < 0 || j < floor || expected.charCodeAt(i) !== text.charCodeAt(j)) return count;
    count += 1;
    i -= 1;
    j -= 1;
  }
}

/** Like agreeBefore, for the text from `start` on. */
export function agreeAfter(text: string, start: number, expected: string): number {
  const ceiling = Math.min(text.length, start + 4 * expected.length + 16);
  let i = 0;
  let j = start;
  let count = 0;
  for (;;) {
    while (i < expected.length && isSpace(expected.charCodeAt(i))) i += 1;
    while (j < ceiling && isSpace(text.charCodeAt(j))) j += 1;
    if (i >= expected.length || j >= ceiling || expected.charCodeAt(i) !== text.charCodeAt(j)) return count;
    count += 1;
    i += 1;
    j += 1;
  }
}

/** Characters of `s` that are not whitespace. */
export function solidLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i += 1) if (!isSpace(s.charCodeAt(i))) n += 1;
  return n;
}

/** ECMAScript's `\s`, by code unit, without a regular expression per character. */
function isSpace(c: number): boolean {
  return isWhitespace(c) || c === 0xfeff;
}
