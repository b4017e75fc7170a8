/**
 * The exact step of anchor.ts: every occurrence of the quote, scored by how well its context (by edit
 * distance, score.ts) and old position agree, so a repeated phrase resolves to the occurrence the reader
 * selected, also when the text beside it changed a little since. When the quote does
 * not occur verbatim, it is looked for again with whitespace ignored: quotes imported from other tools
 * were often read with `innerText` (line breaks between blocks, collapsed spaces) while Gloss's text
 * model is raw `Text.data`. That search is a regular expression built from the quote, so it costs one
 * native pass over the page and no whitespace-normalised copy of the text (and offset table) per page.
 */
import type { NoteAnchor } from '../note-types';
import {
  type AnchorMatch,
  closeness,
  combine,
  contextAfter,
  contextBefore,
  type Span,
  solidLength,
} from './score';

/** Occurrences considered per note; a phrase more frequent than this on one page is not a passage. */
const MAX_OCCURRENCES = 1000;

/**
 * Below this many non-space characters a quote ("the", "2024") says little by itself: it is accepted only
 * where its context supports it as well (contextSupports), so that a deleted short passage is not
 * re-attached to the same word somewhere else.
 */
const SHORT_QUOTE = 8;

/** How closely one side of the context must match to carry a short quote alone (see contextSupports). */
const ONE_SIDE = 0.9;

type Quote = NoteAnchor['quote'];

/**
 * The best exact (or exact-but-for-whitespace) occurrence of the quote, or null; `old` holds the stored
 * offsets, in code units, as anchor.ts read them.
 */
export function exactMatch(text: string, quote: Quote, old: readonly Span[]): AnchorMatch | null {
  const { exact } = quote;
  const verbatim = best(text, quote, old, occurrences(text, exact));
  if (verbatim || !/\s/.test(exact)) return verbatim;
  return best(text, quote, old, looseOccurrences(text, exact));
}

function occurrences(text: string, exact: string): Span[] {
  const found: Span[] = [];
  for (
    let i = text.indexOf(exact);
    i !== -1 && found.length < MAX_OCCURRENCES;
    i = text.indexOf(exact, i + 1)
  ) {
    found.push({ start: i, end: i + exact.length });
  }
  return found;
}

/** Occurrences of the quote's words with any whitespace (or none) between them. */
function looseOccurrences(text: string, exact: string): Span[] {
  const words = exact.trim().split(/\s+/);
  if (words[0] === '') return [];
  // Each word is escaped and whitespace-free, so `\s*` between them cannot backtrack badly.
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'), 'g');
  const found: Span[] = [];
  for (const m of text.matchAll(pattern)) {
    found.push({ start: m.index, end: m.index + m[0].length });
    if (found.length >= MAX_OCCURRENCES) break;
  }
  return found;
}

function best(text: string, quote: Quote, old: readonly Span[], spans: Span[]): AnchorMatch | null {
  const { exact, prefix, suffix } = quote;
  const prefixLength = solidLength(prefix);
  const suffixLength = solidLength(suffix);
  const isShort = solidLength(exact) < SHORT_QUOTE;
  let winner: AnchorMatch | null = null;
  for (const span of spans) {
    const before = contextBefore(text, span.start, prefix);
    const after = contextAfter(text, span.end, suffix);
    if (isShort && !contextSupports(prefixLength, before ?? 0, suffixLength, after ?? 0)) continue;
    const score = combine({
      quote: 1,
      prefix: before,
      suffix: after,
      position: closeness(text.length, span.start, old),
    });
    if (!winner || score > winner.score) winner = { ...span, method: 'exact', score };
  }
  return winner;
}

/**
 * Whether the context of a short quote's occurrence is evidence enough: at least half of the stored
 * context agrees (by edit distance, both sides weighed by their length), or one side of at least
 * SHORT_QUOTE characters agrees almost verbatim (the other side may have been rewritten). A quote stored
 * without any context has nothing else to go by and stands alone.
 *
 * Measured on 1,103 words of 3 to 7 letters from the 8 saved pages of reanchor-figures.ts: this accepted
 * a wrong occurrence of 16% of them once their own was deleted, where requiring 8 verbatim characters
 * beside the quote (the rule before) accepted 23%, and it kept 100% when the character beside the quote
 * on either side changed (that rule: 6%), 86% when the word beside it did (6%) and 93% when one side was
 * rewritten (92%).
 */
function contextSupports(prefixLength: number, before: number, suffixLength: number, after: number): boolean {
  const total = prefixLength + suffixLength;
  if (total === 0 || prefixLength * before + suffixLength * after >= total / 2) return true;
  return (
    (prefixLength >= SHORT_QUOTE && before >= ONE_SIDE) || (suffixLength >= SHORT_QUOTE && after >= ONE_SIDE)
  );
}
