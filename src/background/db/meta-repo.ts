/**
 * The `meta` store: small named facts, one row per key. This module is the store's only reader and writer;
 * each key belongs to one module, listed here, which gives the value its meaning.
 */
import type { GlossDb } from './database';

/** Every key in `meta`, by owner. */
export type MetaKey =
  // device-clock.ts: this device's identity and clocks
  | 'deviceId'
  | 'hlc'
  | 'mutationSeq'
  | 'clockOffsetMs'
  // sync/sync-store.ts: the sync account and its progress
  | 'sync.account'
  | 'sync.cursor'
  | 'sync.state'
  // kb-repo.ts: the built-in knowledge base loaded
  | 'kbVersion'
  // library-meta.ts: when the reader's entities and sources last changed, and what passages reflect
  | 'libraryRevision'
  | 'sourcesRevision'
  | 'passagesFor';

// These return Dexie's own promises (`.then`, not `async`): every native `async` level between a
// transaction's scope and its request costs Dexie's zone tracking a step, and callers such as
// device-clock.ts already nest two, so a third would let the transaction commit before the request.

/** The value stored under `key`, if any. */
export function readMeta(db: GlossDb, key: MetaKey): Promise<string | undefined> {
  return db.meta.get(key).then((row) => row?.value);
}

/** Stores `value` under `key`. */
export function writeMeta(db: GlossDb, key: MetaKey, value: string): Promise<void> {
  return db.meta.put({ key, value }).then(() => undefined);
}

/** Removes the keys. */
export function deleteMeta(db: GlossDb, ...keys: MetaKey[]): Promise<void> {
  return db.meta.bulkDelete(keys);
}
