/**
 * Snippets: the text around the first matched word, with every matched word marked. Words are found with
 * the index's own tokenizer, so what is marked is exactly what matched (a typo's correction, a prefix's
 * completion, both halves of サイ|バー, which merge into one mark).
 */
import type { SnippetPart } from './search-types';
import { type Token, tokenSpans } from './tokenize';

/** Characters of context before the first match, and the snippet's usual length. */
const BEFORE = 60;
const LENGTH = 220;

/** The first matched word of `text`, with its place. */
export function firstMatch(text: string, terms: ReadonlySet<string>): Token | undefined {
  return tokenSpans(text).find((t) => terms.has(t.term));
}

/** Marks the matched words of a short text (a title) whole. */
export function markAll(text: string, terms: ReadonlySet<string>): SnippetPart[] {
  return cutAndMark(text, terms, 0, text.length);
}

/**
 * The part of `text` around its first matched word, marked; `undefined` when no word of it matched. Cuts
 * fall on spaces where there are any near, and say so with an ellipsis.
 */
export function snippetOf(text: string, terms: ReadonlySet<string>): SnippetPart[] | undefined {
  const first = firstMatch(text, terms);
  if (!first) return undefined;
  let from = Math.max(0, first.start - BEFORE);
  let to = Math.min(text.length, from + LENGTH);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < first.start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > first.end) to = space;
  }
  const parts = cutAndMark(text, terms, from, to);
  if (from > 0) parts.unshift({ text: '…' });
  if (to < text.length) parts.push({ text: '…' });
  return mergeText(parts);
}

function cutAndMark(text: string, terms: ReadonlySet<string>, from: number, to: number): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = from;
  for (const t of tokenSpans(text.slice(from, to))) {
    if (!terms.has(t.term)) continue;
    const start = from + t.start;
    const end = from + t.end;
    const last = parts.at(-1);
    if (last?.mark && at === start) {
      last.text += text.slice(start, end);
    } else {
      if (start > at) parts.push({ text: text.slice(at, start) });
      parts.push({ text: text.slice(start, end), mark: true });
    }
    at = end;
  }
  if (to > at) parts.push({ text: text.slice(at, to) });
  return mergeText(parts);
}

/** Joins neighbouring unmarked parts (the ellipses) so the snippet is as few nodes as it can be. */
function mergeText(parts: SnippetPart[]): SnippetPart[] {
  const out: SnippetPart[] = [];
  for (const p of parts) {
    const last = out.at(-1);
    if (last && !last.mark && !p.mark) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}
