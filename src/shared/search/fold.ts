/**
 * Folding text for search, one rule for the dashboard's note filter and the search index: what a reader
 * types without accents, in full-width or half-width forms, or in another case, still finds the text.
 */

/**
 * Combining marks that are accents on Latin, Greek and Cyrillic letters. Only these are stripped: the vowel
 * signs of Devanagari and the dakuten of kana are combining marks too, but they are part of the letter
 * (हि is not ह, が is not か), so stripping every `\p{M}` would make Hindi and Japanese searches match too much.
 */
const ACCENTS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/**
 * Letters with a stroke or other attached mark that Unicode does not decompose, which readers still type
 * without it ("Lodz" for "Łódź", "Malmo" for "Malmø"); ß is folded the way case folding does.
 */
const UNDECOMPOSED: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
};
const UNDECOMPOSED_RE = /[łøđħıßæœ]/g;

/**
 * Text as search compares it: compatibility-decomposed (full-width letters and half-width katakana become
 * the ordinary ones, "ﬁ" becomes "fi"), accents dropped, recomposed so kana and Hangul compare whole, lower
 * case, a few undecomposable letters spelled plain, and runs of white space as one space.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(ACCENTS, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(UNDECOMPOSED_RE, (letter) => UNDECOMPOSED[letter] ?? letter)
    .replace(/\s+/g, ' ');
}
