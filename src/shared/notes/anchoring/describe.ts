/**
 * Turns a span of the page text into the selectors a note stores: the quote with a little context either
 * side (W3C TextQuoteSelector) and its offsets (TextPositionSelector). The context is what lets
 * anchor.ts tell a repeated quote's occurrences apart and place a passage after the page changed,
 * so it is taken from the same text model the note will later be anchored in (content/notes/text-map.ts).
 *
 * The span comes in code units (string indices, as the text map gives them); the stored offsets are in
 * Unicode code points, as the Web Annotation Data Model requires, so that other tools read them right
 * after an emoji (see code-points.ts).
 */
import type { NoteAnchor } from '../note-types';
import { toCodePoints } from './code-points';

/**
 * Characters of context kept on each side. 32 is what Hypothesis stores: enough to tell occurrences of a
 * repeated phrase apart, short enough that an edit next to the passage only spoils part of it. Stays
 * within `NOTE_LIMITS.context`.
 */
export const CONTEXT_LENGTH = 32;

/**
 * The selectors for `text.slice(start, end)` (code-unit offsets), widened to whole characters where a
 * boundary falls inside a surrogate pair. Throws a RangeError for an empty or out-of-range span.
 */
export function describeText(text: string, from: number, to: number): NoteAnchor {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > text.length || from >= to) {
    throw new RangeError(`No passage at ${from}..${to} in a text of ${text.length} characters`);
  }
  const start = splitsPair(text, from) ? from - 1 : from;
  const end = splitsPair(text, to) ? to + 1 : to;
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: wholeCharacters(text.slice(Math.max(0, start - CONTEXT_LENGTH), start)),
      suffix: wholeCharacters(text.slice(end, end + CONTEXT_LENGTH)),
    },
    position: { start: toCodePoints(text, start), end: toCodePoints(text, end) },
  };
}

/** Whether offset `i` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, i: number): boolean {
  return i > 0 && isHighSurrogate(text.charCodeAt(i - 1)) && isLowSurrogate(text.charCodeAt(i));
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
