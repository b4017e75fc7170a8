/**
 * Offsets in Unicode code points, the unit the W3C Web Annotation Data Model requires of a
 * TextPositionSelector ("start/end MUST be in terms of unicode code points … not in terms of code units"),
 * and in UTF-16 code units, the unit of JavaScript string indices (and so of the page text model,
 * content/notes/text-map.ts). The two differ by one for every character outside the Basic Multilingual
 * Plane (emoji, some rare CJK characters, mathematical letters) before the offset.
 *
 * Converting needs only where those characters are: one native pass finds them, and a binary search over
 * them converts an offset either way. Most pages have none, and then both units are the same.
 */

/** Code-unit offsets of the high surrogate of every surrogate pair in a text, in order. */
type Pairs = readonly number[];

const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** The text converted last: anchoring places every note of a page in the same text, one after the other. */
let last: { text: string; pairs: Pairs } | undefined;

function pairsOf(text: string): Pairs {
  if (last?.text === text) return last.pairs;
  const pairs: number[] = [];
  for (const m of text.matchAll(PAIR)) pairs.push(m.index);
  last = { text, pairs };
  return pairs;
}

/**
 * The code-point offset of code-unit offset `index` of `text`. An offset between the two halves of a pair
 * (no selection makes one, but a DOM Range can) counts as the pair's start.
 */
export function toCodePoints(text: string, index: number): number {
  const pairs = pairsOf(text);
  // Pairs starting before `index`: each made one code point of two code units.
  let lo = 0;
  let hi = pairs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pairs[mid]! < index) lo = mid + 1;
    else hi = mid;
  }
  return index - lo;
}

/** The code-unit offset of code-point offset `point` of `text` (past the end: the text's length). */
export function toCodeUnits(text: string, point: number): number {
  const pairs = pairsOf(text);
  // Pair k is code point pairs[k] - k; count the pairs before `point`.
  let lo = 0;
  let hi = pairs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pairs[mid]! - mid < point) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(text.length, point + lo);
}

/** Code points in `s` (a lone surrogate counts as one). */
export function codePointLength(s: string): number {
  let n = s.length;
  for (const _ of s.matchAll(PAIR)) n -= 1;
  return n;
}
