/**
 * How a candidate place for a note's passage is judged, shared by the steps of anchor.ts: the Hypothesis
 * weights (quote 50, prefix 20, suffix 20, position 2, normalised to 0..1), and the context similarity
 * of the position and exact steps (the fuzzy step compares context its own way, see fuzzy.ts).
 *
 * Evidence the anchor lacks (an imported quote without context or offsets) counts as undecided, 0.5,
 * where Hypothesis counts it as a perfect 1: that would give a context-free quote 40 free points, and a
 * weak fuzzy match anywhere on the page would pass the threshold.
 */
import { isWhitespace } from '../../matcher/fold';
import { Pattern } from './edit-distance';

/** Where a note's passage was found in the page text, and how. */
export interface AnchorMatch {
  /** Code-unit offsets in the page text (string indices, as content/notes/text-map.ts maps them). */
  start: number;
  end: number;
  /** Which step found it: the stored offsets, an exact occurrence of the quote, or an approximate one. */
  method: 'position' | 'exact' | 'fuzzy';
  /**
   * 0..1, how well quote, context and old position agree (1 for an unchanged page); for a fuzzy match,
   * the higher of that and what the quote alone scores (see fuzzy.ts).
   */
  score: number;
  /**
   * Set when the stored offsets held the passage only when read as UTF-16 code units (notes saved before
   * Gloss counted code points, and Hypothesis's exports), with a character outside the BMP before it: the
   * same offsets in code points, which the note should store instead (see anchor.ts).
   */
  correctedPosition?: Span;
}

/** Offsets of a span of text, end exclusive. */
export interface Span {
  start: number;
  end: number;
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
 * that only decides between otherwise equal candidates. `old` holds the stored offsets read each way they
 * may have been meant (see anchor.ts); the nearer counts.
 */
export function closeness(textLength: number, start: number, old: readonly Span[]): number | undefined {
  if (old.length === 0) return undefined;
  let distance = Number.POSITIVE_INFINITY;
  for (const o of old) distance = Math.min(distance, Math.abs(start - o.start));
  return 1 - distance / Math.max(1, textLength);
}

/**
 * How closely the text just before `end` matches `expected` (a stored prefix): 1 − its edit distance from
 * that text over the length of `expected`, so 1 for a verbatim match and about 0 for unrelated text;
 * undefined when `expected` holds only whitespace. An edit beside the passage then costs one character, not
 * the whole side. Whitespace is skipped on both sides, so that a context saved with other line breaks or
 * indentation still counts in full. The alignment is anchored at the passage and free at the far end,
 * where the stored context was simply cut off.
 */
export function contextBefore(text: string, end: number, expected: string): number | undefined {
  return contextSimilarity(text, end, expected, -1);
}

/** Like contextBefore, for the text from `start` on and a stored suffix. */
export function contextAfter(text: string, start: number, expected: string): number | undefined {
  return contextSimilarity(text, start, expected, 1);
}

/** A stored context read outward from the passage: its solid characters, prepared for comparing. */
interface Context {
  expected: string;
  step: 1 | -1;
  pattern: Pattern;
}

/** The contexts compared last: the exact step compares one prefix and one suffix with every occurrence. */
const recent: Context[] = [];

function contextOf(expected: string, step: 1 | -1): Pattern {
  const known = recent.find((c) => c.expected === expected && c.step === step);
  if (known) return known.pattern;
  const chars = new Uint16Array(expected.length);
  let m = 0;
  for (let k = 0; k < expected.length; k += 1) {
    const c = expected.charCodeAt(step === 1 ? k : expected.length - 1 - k);
    if (!isSpace(c)) chars[m++] = c;
  }
  const pattern = new Pattern(chars, m);
  recent.unshift({ expected, step, pattern });
  recent.length = Math.min(recent.length, 2);
  return pattern;
}

/** The page's solid characters beside the passage, read outward. */
let have = new Uint16Array(64);

function contextSimilarity(text: string, at: number, expected: string, step: 1 | -1): number | undefined {
  const pattern = contextOf(expected, step);
  const { chars: want, length: m } = pattern;
  if (m === 0) return undefined;
  // Enough of the page to align with: the context's length and room for characters inserted into it.
  const wanted = m + (m >> 2) + 2;
  if (have.length < wanted) have = new Uint16Array(wanted);
  // Bounds how far a long whitespace run in the page can stretch the comparison.
  const limit = 4 * expected.length + 16;
  let n = 0;
  // Unchanged context, the common case, needs no distance.
  let verbatim = true;
  for (let j = step === 1 ? at : at - 1, seen = 0; n < wanted && seen < limit; j += step, seen += 1) {
    if (j < 0 || j >= text.length) break;
    const c = text.charCodeAt(j);
    if (isSpace(c)) continue;
    if (n < m && c !== want[n]) verbatim = false;
    have[n++] = c;
    if (verbatim && n === m) return 1;
  }
  return 1 - Math.min(m, pattern.distance(have, n)) / m;
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
