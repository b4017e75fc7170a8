/**
 * The `search` request and `searchLibrary` (also the omnibox's): the effective KB at its current version,
 * the index brought up to date with it and with every write since, then the query.
 */
import type { SearchQuery, SearchResults } from '../../shared/search/search-types';
import type { GlossDb } from '../db/database';
import type { HandlerTable } from '../handler-types';
import { readyKb } from '../library/passage-index';
import { readyIndex } from './index-store';
import { runQuery } from './run-query';

/** Runs one search over notes, sources and entities. */
export async function searchLibrary(
  db: GlossDb,
  kb: () => Promise<string>,
  q: SearchQuery,
): Promise<SearchResults> {
  const started = performance.now();
  const state = await readyKb(db, kb);
  const index = await readyIndex(db, state);
  const groups = await runQuery(db, index, state, q);
  return { query: q.query, groups, tookMs: Math.round((performance.now() - started) * 10) / 10 };
}

export function makeSearchHandlers(db: GlossDb, kb: () => Promise<string>): HandlerTable<'search'> {
  return {
    search: (q) => searchLibrary(db, kb, q),
  };
}
