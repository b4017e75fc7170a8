/**
 * Cuts quotable passages out of a source block: the sentence that holds a mention, with the sentence
 * before it when the mention's sentence cannot stand alone (too short, or it opens with a word that
 * points back, such as "This" or "However").
 */

/** A sentence's offsets in its block. */
export interface Span {
  start: number;
  end: number;
}

/** Sentences shorter than this borrow the previous one for context. */
const SHORT_SENTENCE = 90;

/**
 * A sentence's length for that rule, counting a CJK character as three: a Japanese sentence says in 30
 * characters what an English one says in 90.
 */
function visibleLength(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/.test(ch) ? 3 : 1;
  return n;
}
const POINTS_BACK =
  /^(?:this|these|that|those|it|its|they|their|such|however|instead|nevertheless|both|as such|one example|for example|for instance|also|likewise|similarly)\b/i;

const segmenters = new Map<string, Intl.Segmenter>();

/** A sentence segmenter for the text's language (the rules differ little, but Japanese and Hindi need theirs). */
function segmenterFor(lang: string | undefined): Intl.Segmenter {
  const key = lang ?? 'en';
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(key, { granularity: 'sentence' });
    } catch {
      segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    }
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/**
 * Splits text into sentences with `Intl.Segmenter`, trimming surrounding whitespace from each. Sentences end
 * at "." "?" "!" and also at Japanese "。" and the Devanagari danda "।".
 */
export function sentences(text: string, lang?: string): Span[] {
  const segmenter = segmenterFor(lang);
  const out: Span[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const lead = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (trimmed.length > 0) out.push({ start: index + lead, end: index + lead + trimmed.length });
  }
  return out;
}

/**
 * The passages (merged where they touch) that cover `mentions` in a block of `text`. Each mention falls in
 * exactly one passage.
 */
export function passageSpans(text: string, mentions: readonly Span[], lang?: string): Span[] {
  const all = sentences(text, lang);
  const chosen: Span[] = [];
  for (const mention of mentions) {
    const i = all.findIndex((s) => mention.start >= s.start && mention.start < s.end);
    if (i < 0) continue;
    const sentence = all[i]!;
    const body = text.slice(sentence.start, sentence.end);
    const needsPrevious = i > 0 && (visibleLength(body) < SHORT_SENTENCE || POINTS_BACK.test(body));
    chosen.push({
      start: needsPrevious ? all[i - 1]!.start : sentence.start,
      end: Math.max(sentence.end, mention.end),
    });
  }
  chosen.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of chosen) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end + 1) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
