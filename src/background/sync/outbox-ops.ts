/**
 * Outbox upkeep outside ordinary edits: on connecting to a server (which may know none of this device's
 * notes) and when a server turns out to have lost changes, every note is queued again, once.
 */
import { NOTE_FIELDS } from '../../shared/notes/note-types';
import type { GlossDb } from '../db/database';
import { nextMutationIds } from '../db/device-clock';

/**
 * Replaces the outbox with one entry per note (deleted ones too: other devices may hold them), under fresh
 * mutation ids. Records travel whole, so this loses no queued change, and it also compacts an outbox that
 * grew while no server was connected. Call it inside a transaction over notes, outbox and meta.
 */
export async function requeueAll(db: GlossDb): Promise<number> {
  const ids = (await db.notes.orderBy('updatedAt').primaryKeys()) as string[];
  await db.outbox.clear();
  if (ids.length === 0) return 0;
  const first = await nextMutationIds(db, ids.length);
  await db.outbox.bulkAdd(
    ids.map((noteId, i) => ({ noteId, mutationId: first + i, fields: [...NOTE_FIELDS] })),
  );
  return ids.length;
}
