/**
 * The exact step of anchor.ts: every occurrence of the quote, scored by how well its context and old
 * position agree, so a repeated phrase resolves to the occurrence the reader selected. When the quote does
 * not occur verbatim, it is looked for again with whitespace ignored: quotes imported from other tools
 * were often read with `innerText` (line breaks between blocks, collapsed spaces) while Gloss's text
 * model is raw `Text.data`. That search is a regular expression built from the quote, so it costs one
 * native pass over the page and no whitespace-normalised copy of the text (and offset table) per page.
 */
import type { NoteAnchor } from '../note-types';
import { type AnchorMatch, agreeAfter, agreeBefore, closeness, combine, solidLength } from './score';

/** Occurrences considered per note; a phrase more frequent than this on one page is not a passage. */
const MAX_OCCURRENCES = 1000;

/**
 * Below this many non-space characters a quote ("the", "2024") says little by itself: it is accepted only
 * where at least this many characters of its context agree as well, so that a deleted short passage is
 * not re-attached to the same word somewhere else.
 */
const SHORT_QUOTE = 8;

/** The best exact (or exact-but-for-whitespace) occurrence of the quote, or null. */
export function exactMatch(text: string, anchor: NoteAnchor): AnchorMatch | null {
  const { exact } = anchor.quote;
  const verbatim = best(text, anchor, occurrences(text, exact));
  if (verbatim || !/\s/.test(exact)) return verbatim;
  return best(text, anchor, looseOccurrences(text, exact));
}

type Span = { start: number; end: number };

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

function best(text: string, anchor: NoteAnchor, spans: Span[]): AnchorMatch | null {
  const { exact, prefix, suffix } = anchor.quote;
  const prefixLength = solidLength(prefix);
  const suffixLength = solidLength(suffix);
  // What a short quote's context must contribute (all of it when the stored context is shorter still).
  const needed = solidLength(exact) < SHORT_QUOTE ? Math.min(SHORT_QUOTE, prefixLength + suffixLength) : 0;
  let winner: AnchorMatch | null = null;
  for (const span of spans) {
    const before = prefixLength > 0 ? agreeBefore(text, span.start, prefix) : 0;
    const after = suffixLength > 0 ? agreeAfter(text, span.end, suffix) : 0;
    if (before + after < needed) continue;
    const score = combine({
      quote: 1,
      prefix: prefixLength > 0 ? before / prefixLength : undefined,
      suffix: suffixLength > 0 ? after / suffixLength : undefined,
      position: closeness(text.length, span.start, anchor.position),
    });
    if (!winner || score > winner.score) winner = { ...span, method: 'exact', score };
  }
  return winner;
}
