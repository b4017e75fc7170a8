/**
 * The last step of anchor.ts: an approximate search for the quote (Myers' bit-parallel algorithm from
 * `approx-string-match`, as Hypothesis uses), for passages whose words were edited since the note was made.
 * Candidates are scored by quote, prefix and suffix similarity and closeness to the old position, and only
 * a clearly good one is accepted: a passage that is gone must become an orphan, not a highlight on
 * whatever happens to share a few of its words.
 */
import search from 'approx-string-match';
import type { NoteAnchor } from '../note-types';
import { type AnchorMatch, closeness, combine, type Span } from './score';

type Quote = NoteAnchor['quote'];

/**
 * Shortest quote searched approximately. With fewer characters a couple of errors match almost anywhere,
 * so short quotes rely on the exact step and their context alone.
 */
const MIN_FUZZY_QUOTE = 8;

/** Share of the quote's characters that may differ (see the top of anchor.ts for how it was chosen). */
const MAX_ERROR_SHARE = 0.4;

/** Least combined score accepted (see the top of anchor.ts). */
const MIN_FUZZY_SCORE = 0.7;

/** Error cap per search, as in Hypothesis: the search costs time in proportion to it. */
const MAX_ERRORS = 256;

/** Equally good candidates scored; a page repeating near-copies of the quote more often is not worth it. */
const MAX_CANDIDATES = 100;

/**
 * How far around the old position the first, cheap search looks: a passage edited in place is found
 * there without scanning the whole page (a full search costs 5–30 ms per note on a 500k-character
 * page). The whole text is searched only when that fails, for a passage that moved further.
 */
const NEARBY = 2000;

/**
 * The best approximate occurrence of the quote scoring at least `minScore`, or null; `old` holds the
 * stored offsets, in code units, as anchor.ts read them. (Tests lower `minScore` to see how candidates
 * that would not be accepted rank.)
 */
export function fuzzyMatch(
  text: string,
  quote: Quote,
  old: readonly Span[],
  minScore = MIN_FUZZY_SCORE,
): AnchorMatch | null {
  const { exact } = quote;
  if (exact.length < MIN_FUZZY_QUOTE) return null;
  if (old.length > 0) {
    const from = Math.max(0, Math.min(...old.map((o) => o.start)) - NEARBY - exact.length);
    const to = Math.min(text.length, Math.max(...old.map((o) => o.end)) + NEARBY + exact.length);
    const nearby = bestIn(text, from, to, quote, old, minScore);
    if (nearby || (from === 0 && to === text.length)) return nearby;
  }
  return bestIn(text, 0, text.length, quote, old, minScore);
}

/** The best acceptable candidate within `text.slice(from, to)` (context may reach outside it). */
function bestIn(
  text: string,
  from: number,
  to: number,
  quote: Quote,
  old: readonly Span[],
  minScore: number,
): AnchorMatch | null {
  const { exact, prefix, suffix } = quote;
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(exact.length * MAX_ERROR_SHARE));
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  const matches = search(part, exact, maxErrors);
  // The search keeps only the matches with the fewest errors, so all candidates share one quote score;
  // context and position rank them.
  let winner: AnchorMatch | null = null;
  for (const m of matches.slice(0, MAX_CANDIDATES)) {
    const start = from + m.start;
    const end = from + m.end;
    const score = combine({
      quote: 1 - m.errors / exact.length,
      prefix: similarity(text.slice(Math.max(0, start - prefix.length), start), prefix),
      suffix: similarity(text.slice(end, end + suffix.length), suffix),
      position: closeness(text.length, start, old),
    });
    if (!winner || score > winner.score) winner = { start, end, method: 'fuzzy', score };
  }
  if (!winner) return null;
  // Context that no longer agrees is weak evidence against a close quote match: pages rewrite the
  // sentences around a passage more often than they repeat near-copies of it. So the quote alone, its
  // context counted as undecided, may also carry the match.
  const alone = combine({
    quote: 1 - matches[0]!.errors / exact.length,
    prefix: undefined,
    suffix: undefined,
    position: undefined,
  });
  const score = Math.max(winner.score, alone);
  return score >= minScore ? { ...winner, score } : null;
}

/**
 * 1 - edit distance / length between `expected` and the best-fitting part of `window`, whitespace
 * included. The exact step compares context differently (score.ts contextBefore: whitespace skipped, aligned
 * at the passage); on the saved pages of reanchor-figures.ts that comparison found 2 to 4% fewer edited
 * passages of 20 to 30 characters here, in whitespace-heavy link lists, where a run of indentation beside
 * the passage still agrees and this comparison counts it.
 */
function similarity(window: string, expected: string): number | undefined {
  if (expected.trim() === '') return undefined;
  const errors = Math.min(expected.length, ...search(window, expected, expected.length).map((m) => m.errors));
  return 1 - errors / expected.length;
}
