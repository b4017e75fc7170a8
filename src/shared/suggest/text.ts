/** Small text helpers shared by the suggester's pattern finders: name keys and sentence bounds. */

/**
 * The key two spellings of one name share: lower case, curly quotes and apostrophes made plain, whitespace
 * runs and hyphens as one space, a leading "the" dropped ("The Lazarus Group" = "Lazarus group").
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”"]/g, '')
    .replace(/[\s\u00a0-]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Sentence ends: Latin punctuation followed by space, or CJK full stops (which need no space). */
const SENTENCE_END = /[.!?][”"’')\]]*\s+|[。！？]/;

/** How far evidence reaches either side of a name when no sentence end is nearer (a page without full stops). */
const REACH = 400;

/** Offsets of the sentence of `text` that holds [start, end): the evidence a reader is shown. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  // Only the neighbourhood is searched, so a huge block with many names stays linear.
  let from = Math.max(0, start - REACH);
  let to = Math.min(text.length, end + REACH);
  const re = new RegExp(SENTENCE_END.source, 'g');
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const stop = m.index + m[0].length;
    // "U.S. Cyber Command" and "Dr. Tanaka" are not sentence ends: a single letter or a common abbreviation
    // right before the full stop keeps the sentence going.
    if (
      m[0].startsWith('.') &&
      /\b[A-Z]$|\b(?:Mr|Ms|Mrs|Dr|Prof|St|Inc|Ltd|Co|Corp|vs)$/.test(
        text.slice(Math.max(0, m.index - 5), m.index),
      )
    )
      continue;
    if (stop <= start) from = stop;
    else if (m.index >= end) {
      to = m.index + 1;
      break;
    }
  }
  return { start: from, end: to };
}

/** Whether offset `at` of `text` starts a sentence (or the block): only space and quotes/brackets before it. */
export function isSentenceStart(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 8), at);
  if (at <= 8 && /^[\s"“‘'([]*$/.test(before)) return true;
  return /(?:[.!?:;。！？]|\n)[\s"“‘'([]*$/.test(before);
}
