/**
 * The one tokenizer every library gets in compare-libraries.ts, so the comparison is of the indexes and
 * not of their language support: lower case, split on anything that is not a letter, mark or digit (marks
 * keep Devanagari vowel signs inside their word), and Intl.Segmenter's dictionary words for Japanese,
 * which has no spaces.
 */
const japanese = new Intl.Segmenter('ja', { granularity: 'word' });
const HAS_CJK = /[\u3040-\u30ff\u3400-\u9fff]/u;
const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/u;

/** The words of `text`, lower-cased. */
export function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  if (!HAS_CJK.test(lower)) return lower.split(NOT_WORD).filter(Boolean);
  const out: string[] = [];
  for (const s of japanese.segment(lower)) if (s.isWordLike) out.push(s.segment);
  return out;
}
