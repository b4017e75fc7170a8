/** The `search` request (being built: issue 14). */
import type { SearchQuery, SearchResults } from '../../shared/search/search-types';
import type { GlossDb } from '../db/database';
import type { HandlerTable } from '../handler-types';

/** Runs one search over notes, sources and entities (also for the omnibox). */
export async function searchLibrary(
  _db: GlossDb,
  _kb: () => Promise<string>,
  _q: SearchQuery,
): Promise<SearchResults> {
  throw new Error('Search is not built yet.');
}

export function makeSearchHandlers(db: GlossDb, kb: () => Promise<string>): HandlerTable<'search'> {
  return {
    search: (q) => searchLibrary(db, kb, q),
  };
}
