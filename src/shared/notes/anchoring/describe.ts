/**
 * Turns a span of the page text into the selectors a note stores: the quote with a little context either
 * side (W3C TextQuoteSelector) and its offsets (TextPositionSelector). The context is what lets
 * anchor.ts tell a repeated quote's occurrences apart and place a passage after the page changed,
 * so it is taken from the same text model the note will later be anchored in (content/notes/text-map.ts).
 */
import type { NoteAnchor } from '../note-types';

/**
 * Characters of context kept on each side. 32 is what Hypothesis stores: enough to tell occurrences of a
 * repeated phrase apart, short enough that an edit next to the passage only spoils part of it. Stays
 * within `NOTE_LIMITS.context`.
 */
export const CONTEXT_LENGTH = 32;

/** The selectors for `text.slice(start, end)`. Throws a RangeError for an empty or out-of-range span. */
export function describeText(text: string, start: number, end: number): NoteAnchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`No passage at ${start}..${end} in a text of ${text.length} characters`);
  }
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: wholeCharacters(text.slice(Math.max(0, start - CONTEXT_LENGTH), start)),
      suffix: wholeCharacters(text.slice(end, end + CONTEXT_LENGTH)),
    },
    position: { start, end },
  };
}

/**
 * Drops a surrogate half left at either edge by the cut, so the stored context is valid Unicode (a lone
 * surrogate becomes U+FFFD in some encoders, and then never matches the page again).
 */
function wholeCharacters(s: string): string {
  let from = 0;
  let to = s.length;
  if (to > 0 && isLowSurrogate(s.charCodeAt(0))) from = 1;
  if (to > from && isHighSurrogate(s.charCodeAt(to - 1))) to -= 1;
  return s.slice(from, to);
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
