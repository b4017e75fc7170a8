/**
 * The index itself: MiniSearch (minisearch 7) over the documents of search-docs.ts, with Gloss's tokenizer
 * (shared/search/tokenize.ts) for indexing and queries alike. MiniSearch was chosen for what a background
 * needs (docs/search.md has the measurements): incremental add and discard, a compact JSON form to keep in
 * IndexedDB, prefix and typo-tolerant matching with per-field boosts, and 7 KB gzipped.
 */
import MiniSearch, { type SearchOptions } from 'minisearch';
import { isUnspacedTerm, tokenize } from '../../shared/search/tokenize';
import type { SearchDoc } from './search-docs';

/** Field boosts: a name beats another name, which beats a tag, a quote, then body text and addresses. */
const BOOST = { name: 6, alias: 4, quote: 2, text: 1, meta: 0.5 };
const FIELDS = Object.keys(BOOST);

const OPTIONS = {
  idField: 'id',
  fields: FIELDS,
  storeFields: [] as string[],
  tokenize: (text: string) => tokenize(text),
  processTerm: (term: string) => term,
};

export type Index = MiniSearch<SearchDoc>;

export function newIndex(): Index {
  return new MiniSearch<SearchDoc>(OPTIONS);
}

export function indexFromJson(json: string): Index {
  return MiniSearch.loadJSON<SearchDoc>(json, OPTIONS);
}

/** Adds or replaces a document. */
export function putDoc(index: Index, doc: SearchDoc): void {
  if (index.has(doc.id)) index.discard(doc.id);
  index.add(doc);
}

/** Removes a document if the index has it. */
export function dropDoc(index: Index, id: string): void {
  if (index.has(id)) index.discard(id);
}

/**
 * How queries match: every word must occur (`AND`; run-query.ts falls back to any word when none has all);
 * the word being typed (the last) and words of unspaced scripts match as prefixes; longer Latin words
 * forgive one typo in five letters, at most two.
 */
export function searchOptions(combineWith: 'AND' | 'OR', filter?: (id: string) => boolean): SearchOptions {
  return {
    boost: BOOST,
    combineWith,
    prefix: (term, i, terms) => isUnspacedTerm(term) || (i === terms.length - 1 && term.length >= 2),
    fuzzy: (term) => (term.length >= 5 && !isUnspacedTerm(term) ? 0.2 : false),
    maxFuzzy: 2,
    ...(filter ? { filter: (result) => filter(String(result.id)) } : {}),
  };
}
