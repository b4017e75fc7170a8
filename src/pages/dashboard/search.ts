/**
 * Full-text search over notes, written by hand because what readers type is short and the notebook is small
 * enough to scan on every keystroke: no index library is worth its weight here. Matching is plain substring
 * search on folded text, so Japanese and Chinese (no spaces between words) and Hindi work without a word
 * splitter, and "Pokemon" finds "Pokémon".
 */
import type { NoteView } from '../../shared/notes/note-types';

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

/** The words of a query, folded; every one must occur for a note to match. Empty for a blank query. */
export function parseQuery(query: string): string[] {
  return foldText(query)
    .split(' ')
    .filter((word) => word !== '');
}

/** Addresses are stored percent-encoded; search the form a reader sees ("/wiki/東京", not "/wiki/%E6%9D%B1…"). */
function readableUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/**
 * Everything a note can be found by, folded into one string. Fields are joined with a line break, which
 * folds to a space that no query word contains, so a word never matches across two fields.
 */
export function noteHaystack(note: NoteView, entityName = ''): string {
  return foldText(
    [
      note.body,
      note.anchor?.quote.exact ?? '',
      note.tags.join('\n'),
      note.title,
      readableUrl(note.url),
      entityName,
    ].join('\n'),
  );
}

/** Folded search text per note id, built once per notebook rather than on every keystroke. */
export type SearchIndex = ReadonlyMap<string, string>;

/** Builds the search text of every note; `entityNames` maps entity ids to the names notes are found by. */
export function buildSearchIndex(
  notes: readonly NoteView[],
  entityNames: ReadonlyMap<string, string>,
): SearchIndex {
  return new Map(
    notes.map((note) => [
      note.id,
      noteHaystack(note, note.entityId ? (entityNames.get(note.entityId) ?? '') : ''),
    ]),
  );
}

/** Whether every word occurs in `haystack` (already folded). No words: everything matches. */
export function matchesWords(haystack: string, words: readonly string[]): boolean {
  return words.every((word) => haystack.includes(word));
}
