/**
 * The reader's entities in Dexie (`userEntities`): entities of their own (UUIDs) and their versions of
 * built-in ones (the built-in id). Every change writes the record, its per-field clocks and an outbox entry
 * in one transaction, like a note. Deleting sets the tombstone; for a built-in entity's version that is
 * "Reset to built-in". This module is the store's only reader and writer.
 */
import {
  ENTITY_FIELDS,
  type EntityField,
  type EntityInput,
  type UserEntityRecord,
} from '../../shared/library/library-types';
import { ENTITY_TABLES, type GlossDb, inTransaction } from './database';
import { bumpLibraryRevision } from './library-meta';
import { queueLibraryChange } from './outbox-repo';
import { changedFields, stampFields } from './record-clocks';

/** The values of an entity the reader sets: what they wrote, and whether it is hidden. */
export type EntityValues = EntityInput & { hidden: boolean };

/** One record, deleted or not. */
export function getUserEntity(db: GlossDb, id: string): Promise<UserEntityRecord | undefined> {
  return db.userEntities.get(id);
}

/** Every record that is not deleted. */
export async function liveUserEntities(db: GlossDb): Promise<UserEntityRecord[]> {
  return (await db.userEntities.toArray()).filter((e) => !e.deleted);
}

/**
 * Stores `values` under `id` (a new record, a change, or bringing a deleted one back); only the fields that
 * changed get new clocks. Joins the caller's transaction when there is one. Returns the record and whether
 * anything changed.
 */
export function saveUserEntity(
  db: GlossDb,
  id: string,
  values: EntityValues,
  nowMs: number,
): Promise<{ record: UserEntityRecord; hasChanged: boolean }> {
  return inTransaction(db, 'rw', ENTITY_TABLES, async () => {
    const previous = await db.userEntities.get(id);
    const next = { ...values, deleted: false };
    const changed = previous ? changedFields(ENTITY_FIELDS, previous, next) : [...ENTITY_FIELDS];
    if (previous && changed.length === 0) return { record: previous, hasChanged: false };
    // An edit says the entity is alive: under the per-field merge it then beats an older delete elsewhere.
    if (!changed.includes('deleted')) changed.push('deleted');
    const stamped = await stampFields<EntityField>(db, previous?.clocks, changed, ENTITY_FIELDS, nowMs);
    const record: UserEntityRecord = {
      id,
      ...next,
      createdAt: previous?.createdAt ?? nowMs,
      updatedAt: nowMs,
      ...stamped,
      ...(previous?.serverVersion !== undefined ? { serverVersion: previous.serverVersion } : {}),
    };
    await db.userEntities.put(record);
    await queueLibraryChange(db, 'entity', id, changed);
    await bumpLibraryRevision(db);
    return { record, hasChanged: true };
  });
}

/** Sets or clears the tombstone. Resolves to the record, or undefined when there is none. */
export function setUserEntityDeleted(
  db: GlossDb,
  id: string,
  deleted: boolean,
  nowMs: number,
): Promise<UserEntityRecord | undefined> {
  return inTransaction(db, 'rw', ENTITY_TABLES, async () => {
    const previous = await db.userEntities.get(id);
    if (!previous || previous.deleted === deleted) return previous;
    const stamped = await stampFields<EntityField>(db, previous.clocks, ['deleted'], ENTITY_FIELDS, nowMs);
    const record: UserEntityRecord = { ...previous, deleted, updatedAt: nowMs, ...stamped };
    await db.userEntities.put(record);
    await queueLibraryChange(db, 'entity', id, ['deleted']);
    await bumpLibraryRevision(db);
    return record;
  });
}
