/**
 * The words of a text as the search index keeps them, one rule for indexing and for queries (and for
 * marking matches in snippets). Latin, Cyrillic and other spaced scripts split on anything that is not a
 * letter, mark or digit; runs of Japanese, Chinese, Korean, Thai and Devanagari go through `Intl.Segmenter`,
 * whose dictionaries find words where there are no spaces (日本のサイバー攻撃 → 日本 | の | サイ | バー | 攻撃)
 * and keep Hindi's vowel signs with their letters. Every term is folded (fold.ts): "Pokemon" finds
 * "Pokémon", full-width "ＡＰＴ１０" finds "APT10".
 */
import { foldText } from './fold';

/** A word of a text: its folded term and where it is in the text (UTF-16 offsets). */
export interface Token {
  term: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const SEGMENTED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Devanagari}]/u;
const DEVANAGARI = /\p{Script=Devanagari}/u;
const LONE_KANA = /^[\p{Script=Hiragana}ー]$/u;

/**
 * Words too common to help ranking in any text: leaving them out keeps the index a third smaller and
 * common-word queries fast. A query of only these finds nothing, which says so.
 */
const STOP_WORDS = new Set([
  ...'a an and are as at be but by for from has have in is it its of on or s that the their this to was were will with'.split(
    ' ',
  ),
  ...'का की के को में से है हैं और पर भी'.split(' '),
]);

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, s);
  }
  return s;
}

/** Whether a term is worth indexing: not a stop word, not a lone hiragana particle (は, の, を). */
export function isIndexable(term: string): boolean {
  return term !== '' && !STOP_WORDS.has(term) && !LONE_KANA.test(term);
}

function pushTerm(out: Token[], raw: string, start: number): void {
  const term = foldText(raw).replace(/ /g, '');
  if (isIndexable(term)) out.push({ term, start, end: start + raw.length });
}

/** Every indexable word of `text`, in order, with its place. */
export function tokenSpans(text: string): Token[] {
  const out: Token[] = [];
  for (const chunk of text.matchAll(WORD)) {
    const word = chunk[0];
    const at = chunk.index;
    if (!SEGMENTED.test(word)) {
      pushTerm(out, word, at);
      continue;
    }
    const segmenter = segmenterFor(DEVANAGARI.test(word) ? 'hi' : 'ja');
    for (const seg of segmenter.segment(word)) if (seg.isWordLike) pushTerm(out, seg.segment, at + seg.index);
  }
  return out;
}

/** The terms of `text`, for the index and for queries. */
export function tokenize(text: string): string[] {
  return tokenSpans(text).map((t) => t.term);
}

/** Whether a term is written in a script without spaces (prefix search always applies to those). */
export function isUnspacedTerm(term: string): boolean {
  return SEGMENTED.test(term) && !DEVANAGARI.test(term);
}
