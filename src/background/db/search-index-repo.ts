/**
 * The stored search index: one row holding the serialised index and what it was built from. Saving it
 * drops the journal entries it covers in the same transaction, so a snapshot and its journal always add up.
 */
import { type GlossDb, inTransaction } from './database';
import { clearJournal, trimJournal } from './search-journal';

const KEY = 'main';

/** The stored snapshot; search/index-store.ts gives `value` its shape and checks it. */
export async function loadSearchSnapshot(db: GlossDb): Promise<unknown> {
  return (await db.searchIndex.get(KEY))?.value;
}

/** Stores a snapshot that covers the journal up to `journalSeq`, and drops those entries. */
export function saveSearchSnapshot(db: GlossDb, value: unknown, journalSeq: number): Promise<void> {
  return inTransaction(db, 'rw', ['searchIndex', 'searchJournal'], async () => {
    await db.searchIndex.put({ key: KEY, value });
    await trimJournal(db, journalSeq);
  });
}

/** Forgets the snapshot and the journal (the next search builds the index again). */
export function dropSearchSnapshot(db: GlossDb): Promise<void> {
  return inTransaction(db, 'rw', ['searchIndex', 'searchJournal'], async () => {
    await db.searchIndex.clear();
    await clearJournal(db);
  });
}
