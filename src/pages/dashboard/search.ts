/**
 * The Notes tab's filter: narrows the list already loaded in the page by plain substring matching on folded
 * text (so Japanese without spaces, Hindi and "Pokemon" for "Pokémon" work without a word splitter). The one
 * search across notes, sources and entities, ranked and typo-tolerant, is the background's index
 * (background/search/); this filter only ever sees the notes on screen.
 */
import type { NoteView } from '../../shared/notes/note-types';
import { foldText } from '../../shared/search/fold';

export { foldText };

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
