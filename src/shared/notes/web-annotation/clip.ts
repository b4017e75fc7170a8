/**
 * Shortening text by UTF-16 length (the unit NOTE_LIMITS counts in) without splitting a surrogate pair,
 * which would leave half an emoji that later fails to encode.
 */

/** The first `max` units of `text`, one fewer if that would cut a pair. */
export function keepStart(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** The last `max` units of `text`, one fewer if that would cut a pair. */
export function keepEnd(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(text.length - max);
  return /^[\uDC00-\uDFFF]/.test(cut) ? cut.slice(1) : cut;
}
