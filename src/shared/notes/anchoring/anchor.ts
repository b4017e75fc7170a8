/**
 * Finds a note's passage again in the page text (content/notes/text-map.ts), cheapest step first, each
 * accepted only if the text there still fits the quote:
 *
 * 1. position: the stored offsets still hold the quote and its context (an unchanged page). They are
 *    read as Unicode code points (what Gloss stores, and what the Web Annotation Data Model requires),
 *    then as UTF-16 code units (what earlier versions of Gloss stored, and what Hypothesis exports); the
 *    two differ after a character outside the BMP, such as an emoji. When only the code-unit reading fits,
 *    the match says so (`correctedPosition`) and the content script has the note corrected, once;
 * 2. exact: the best-placed verbatim occurrence of the quote, then the same ignoring whitespace (see
 *    exact.ts); both report 'exact';
 * 3. fuzzy: the best approximate occurrence, if it scores well enough (see fuzzy.ts).
 *
 * Null means the passage is gone; the caller keeps the note as an orphan. Offsets in and out of this
 * module's steps are code units of `text`; only the stored position is in code points.
 *
 * The figures below can be measured again with tests/unit/content/notes/reanchor-figures.ts (631
 * passages of 8 saved pages, the same kinds of edits and a repeated passage; see docs/notes.md).
 *
 * How the fuzzy limits were chosen: on 8 saved pages of ../shared/pages (English and Japanese), about
 * 730 prose passages of 20–250 characters were re-anchored (a) after deleting them with 40 characters
 * around, (b) after changing one word and one punctuation mark, (c) as (b) with a word changed on
 * either side too, (d) as (b) with all the surrounding text replaced. Scores use Hypothesis's weights
 * (quote 50, prefix 20, suffix 20, position 2, normalised to 0..1, missing parts counted as 0.5).
 * - At MIN_FUZZY_SCORE 0.7, 1% of deleted passages still matched, every one a near-copy of the passage
 *   (another citation of the same source, a repeated menu line). In (b) and (c) edited passages were
 *   found 79% of the time at 20 characters, 87% at 30, 97–100% from 45 on (the misses are short quotes
 *   where one changed word is 40% of the text). 0.75 halved the false matches but found only 38% of
 *   the 20-character passages of (c) and almost no imported quote without context.
 * - MAX_ERROR_SHARE 0.4 rather than Hypothesis's 0.5: 0.5 found about 2% more edited short passages and
 *   made the whole-text search 20–55% slower; beyond 40% of its characters changed, a passage was
 *   rewritten rather than edited.
 * - In (d) the replaced context drags the combined score under 0.7 even for a near-verbatim quote, so the
 *   quote alone (context counted as undecided) may also carry a match: a quote 87% intact is accepted
 *   whatever surrounds it. That found 82–99% of (d) from 70 characters on, for two more
 *   false matches (near-copies again).
 *
 * Measured with reanchor-figures.ts (Node 20, happy-dom, the largest prose page: readability__wikipedia-2.html,
 * 493k characters of text), anchoring 50 notes of 30–600 characters in one text: unchanged page 0.2 ms;
 * 500 characters inserted at the top 5 ms; every passage edited in place 20 ms (the search near the old
 * position suffices); every passage deleted, the worst case, about 0.5 s (a whole-text approximate search
 * each, 5 ms for a 30-character quote to 30 ms for 600), so callers anchoring many notes should do it in
 * slices. Finding the characters outside the BMP costs about 1 ms per page text of that size, once; a
 * quote that occurs hundreds of times costs 1–2.5 ms, each occurrence's context compared by edit distance.
 */
import type { NoteAnchor } from '../note-types';
import { toCodePoints, toCodeUnits } from './code-points';
import { exactMatch } from './exact';
import { fuzzyMatch } from './fuzzy';
import { type AnchorMatch, contextAfter, contextBefore, type Span, solidLength } from './score';

export type { AnchorMatch } from './score';

/** Where `anchor`'s passage is in `text` now, or null when it cannot be placed with confidence. */
export function anchorInText(text: string, anchor: NoteAnchor): AnchorMatch | null {
  const { quote, position } = anchor;
  if (quote.exact === '') return null;
  const old = position ? readings(text, position) : [];
  // A quote of nothing but whitespace occurs everywhere; only its own offsets can place it.
  if (solidLength(quote.exact) === 0) return atPosition(text, anchor, old);
  return atPosition(text, anchor, old) ?? exactMatch(text, quote, old) ?? fuzzyMatch(text, quote, old);
}

/**
 * The stored offsets as code-unit spans of `text`: read as code points (what Gloss stores, and the W3C
 * unit), then as code units (what Gloss stored before, and what Hypothesis exports), when that differs.
 * Which one was meant is not recorded anywhere; the quote tells.
 */
function readings(text: string, position: Span): Span[] {
  const points = { start: toCodeUnits(text, position.start), end: toCodeUnits(text, position.end) };
  const same = points.start === position.start && points.end === position.end;
  return same ? [points] : [points, { start: position.start, end: position.end }];
}

/**
 * The stored offsets, if the quote is still there and its context agrees in full. Requiring the context
 * keeps a repeated phrase that slid into the old offsets from winning; the exact step then still prefers
 * that spot when nothing else fits better. Offsets that hold the passage only as code units are given
 * back in code points as `correctedPosition`, for the note to store.
 */
function atPosition(text: string, anchor: NoteAnchor, old: Span[]): AnchorMatch | null {
  const { quote } = anchor;
  for (const [i, span] of old.entries()) {
    if (text.slice(span.start, span.end) !== quote.exact) continue;
    const fits =
      (contextBefore(text, span.start, quote.prefix) ?? 1) === 1 &&
      (contextAfter(text, span.end, quote.suffix) ?? 1) === 1;
    if (!fits) continue;
    const match: AnchorMatch = { ...span, method: 'position', score: 1 };
    if (i === 0) return match;
    return {
      ...match,
      correctedPosition: { start: toCodePoints(text, span.start), end: toCodePoints(text, span.end) },
    };
  }
  return null;
}
