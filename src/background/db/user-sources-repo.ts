/**
 * The reader's sources in Dexie (`userSources`): pages they kept, as text blocks and metadata. Every
 * change writes the record, its per-field clocks and an outbox entry in one transaction, like a note.
 * Deleting sets the tombstone (so it can be undone and synced); the text stays until then.
 * This module is the store's only reader and writer.
 */
import { SOURCE_FIELDS, type SourceField, type UserSourceRecord } from '../../shared/library/library-types';
import type { ExtractedSource } from '../../shared/sources/source-types';
import { type GlossDb, inTransaction, SOURCE_TABLES } from './database';
import { bumpSourcesRevision } from './library-meta';
import { queueLibraryChange } from './outbox-repo';
import { changedFields, stampFields } from './record-clocks';

/** One record, deleted or not. */
export function getUserSource(db: GlossDb, id: string): Promise<UserSourceRecord | undefined> {
  return db.userSources.get(id);
}

/** Every source that is not deleted, newest first. */
export async function liveUserSources(db: GlossDb): Promise<UserSourceRecord[]> {
  const rows = await db.userSources.orderBy('updatedAt').reverse().toArray();
  return rows.filter((s) => !s.deleted);
}

/** The live source kept under a page key, if any. */
export async function userSourceAt(db: GlossDb, pageKey: string): Promise<UserSourceRecord | undefined> {
  const rows = await db.userSources.where('pageKey').equals(pageKey).toArray();
  return rows.find((s) => !s.deleted);
}

/** The values of a source that its fields group: `meta` is everything but the text. */
function fieldValues(s: Omit<ExtractedSource, 'textLength'> & { deleted: boolean }) {
  const { blocks, deleted, ...meta } = s;
  return { meta, blocks, deleted };
}

/**
 * Stores a page under `id` (new, or replacing the text and metadata of the source with that id) with
 * `pageKey`; only the field groups that changed get new clocks.
 */
export function saveUserSource(
  db: GlossDb,
  id: string,
  pageKey: string,
  page: ExtractedSource,
  nowMs: number,
  addedAt = nowMs,
): Promise<UserSourceRecord> {
  return inTransaction(db, 'rw', SOURCE_TABLES, async () => {
    const previous = await db.userSources.get(id);
    const next = { ...page, deleted: false };
    const changed = previous
      ? changedFields<SourceField>(SOURCE_FIELDS, fieldValues(previous), fieldValues(next))
      : [...SOURCE_FIELDS];
    if (previous && changed.length === 0) return previous;
    const stamped = await stampFields<SourceField>(db, previous?.clocks, changed, SOURCE_FIELDS, nowMs);
    const record: UserSourceRecord = {
      ...page,
      id,
      pageKey,
      addedAt: previous?.addedAt ?? addedAt,
      updatedAt: nowMs,
      deleted: false,
      ...stamped,
      ...(previous?.serverVersion !== undefined ? { serverVersion: previous.serverVersion } : {}),
    };
    await db.userSources.put(record);
    await queueLibraryChange(db, 'source', id, changed);
    await bumpSourcesRevision(db);
    return record;
  });
}

/** Sets or clears the tombstone. Resolves to the record, or undefined when there is none. */
export function setUserSourceDeleted(
  db: GlossDb,
  id: string,
  deleted: boolean,
  nowMs: number,
): Promise<UserSourceRecord | undefined> {
  return inTransaction(db, 'rw', SOURCE_TABLES, async () => {
    const previous = await db.userSources.get(id);
    if (!previous || previous.deleted === deleted) return previous;
    const stamped = await stampFields<SourceField>(db, previous.clocks, ['deleted'], SOURCE_FIELDS, nowMs);
    const record: UserSourceRecord = { ...previous, deleted, updatedAt: nowMs, ...stamped };
    await db.userSources.put(record);
    await queueLibraryChange(db, 'source', id, ['deleted']);
    await bumpSourcesRevision(db);
    return record;
  });
}
