/**
 * Schema version 7: search and "where you have seen it" (issue 14).
 * - `searchIndex`: the search index, serialised, so a large library is not indexed again on every start
 *   (background/search/ owns it);
 * - `searchJournal`: the key of every note and kept source written since that snapshot, added in the same
 *   transaction as the write (db/search-journal.ts), so a snapshot plus its journal is never stale;
 * - `sightings`: the pages on which each entity was highlighted, local only (background/history/).
 * Nothing existing changes. Append-only: never edit after release.
 */
import type { Migration } from './migration';

export const migration007: Migration = {
  version: 7,
  stores: {
    searchIndex: 'key',
    searchJournal: '++seq',
    sightings: '[entityId+pageKey], entityId, pageKey, lastSeen',
  },
};
