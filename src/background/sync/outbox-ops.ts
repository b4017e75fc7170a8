/**
 * Queuing every note again, once: on connecting to a server (which may know none of this device's notes)
 * and when a server turns out to have lost changes.
 */
import { NOTE_FIELDS } from '../../shared/notes/note-types';
import type { GlossDb } from '../db/database';
import { allNoteIds } from '../db/notes-repo';
import { replaceQueue } from '../db/outbox-repo';

/**
 * Replaces the outbox with one entry per note (deleted ones too: other devices may hold them), least
 * recently changed first. Call it inside a transaction over NOTE_TABLES.
 */
export async function requeueAll(db: GlossDb): Promise<number> {
  return replaceQueue(db, await allNoteIds(db), NOTE_FIELDS);
}
