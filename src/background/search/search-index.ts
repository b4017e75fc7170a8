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

/** How strictly a pass of a query matches (run-query.ts tries them in this order until one finds enough). */
export type Strictness = 'exact' | 'typos' | 'any word';

/**
 * How queries match: every word must occur (but in the last pass, any word); the word being typed (the
 * last, from three letters) and words of unspaced scripts match as prefixes; the second pass also forgives
 * one typo in Latin words of five to eight letters, two from nine letters. Fuzzy matching walks the whole term tree,
 * so it runs only when the exact pass found too little.
 */
export function searchOptions(strictness: Strictness, filter?: (id: string) => boolean): SearchOptions {
  return {
    boost: BOOST,
    combineWith: strictness === 'any word' ? 'OR' : 'AND',
    prefix: (term, i, terms) => isUnspacedTerm(term) || (i === terms.length - 1 && term.length >= 3),
    fuzzy: (term) => {
      if (strictness === 'exact' || term.length < 5 || isUnspacedTerm(term)) return false;
      // One edit up to eight letters, two from nine: a second edit multiplies the terms the walk visits.
      return term.length >= 9 ? 2 : 1;
    },
    ...(filter ? { filter: (result) => filter(String(result.id)) } : {}),
  };
}
