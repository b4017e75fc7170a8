/**
 * The outbox: one row per local change still to be sent, naming the note and the fields that changed,
 * under a per-device mutation id that only grows (docs/sync.md). This module is the store's only reader
 * and writer. Records travel whole, so the fields are a record of what changed, not of what is sent.
 *
 * Changes of the reader's sources and entities (issue 13) are queued here too, under the same mutation
 * ids, as entries with a `kind` and no `noteId`. Until their sync lands (issue 16) the note sync must
 * neither send, count nor drop them: every note function below reads note entries only (the `noteId`
 * index holds no other row).
 */
import type {
  LibraryOutboxEntry,
  NoteField,
  NoteOutboxEntry,
  OutboxEntry,
} from '../../shared/notes/note-types';
import type { GlossDb } from './database';
import { nextMutationId, nextMutationIds } from './device-clock';

/** Queues a change to `fields` of a note under a new mutation id. Call it in the change's transaction. */
export async function queueChange(db: GlossDb, noteId: string, fields: NoteField[]): Promise<void> {
  await db.outbox.add({ noteId, mutationId: await nextMutationId(db), fields });
}

/**
 * Replaces the whole outbox with one entry per note, in the given order, under fresh mutation ids. Nothing
 * queued is lost (records travel whole) and an outbox that grew while no server was connected shrinks.
 */
export async function replaceQueue(
  db: GlossDb,
  noteIds: readonly string[],
  fields: readonly NoteField[],
): Promise<number> {
  await notesOnly(db).delete();
  if (noteIds.length === 0) return 0;
  const first = await nextMutationIds(db, noteIds.length);
  await db.outbox.bulkAdd(
    noteIds.map((noteId, i) => ({ noteId, mutationId: first + i, fields: [...fields] })),
  );
  return noteIds.length;
}

/** The note entries of the outbox (an index holds only rows that have its key). */
function notesOnly(db: GlossDb) {
  return db.outbox.where('noteId').above('');
}

/** Each queued note once, with its highest mutation id, lowest id first (the order changes were made). */
export async function queuedInOrder(db: GlossDb): Promise<Array<[noteId: string, mutationId: number]>> {
  const latest = new Map<string, number>();
  for (const e of (await notesOnly(db).toArray()) as NoteOutboxEntry[])
    latest.set(e.noteId, Math.max(latest.get(e.noteId) ?? 0, e.mutationId));
  return [...latest].sort((a, b) => a[1] - b[1]);
}

/** The ids of the notes with queued changes. */
export async function queuedNoteIds(db: GlossDb): Promise<string[]> {
  return [...new Set(((await notesOnly(db).toArray()) as NoteOutboxEntry[]).map((e) => e.noteId))];
}

/** How many note changes wait to be sent. */
export function countQueued(db: GlossDb): Promise<number> {
  return notesOnly(db).count();
}

/**
 * Queues a change to `fields` of one of the reader's sources or entities, in the change's transaction.
 * A Dexie promise chain rather than `async`, for the same reason as `nextMutationId`.
 */
export function queueLibraryChange(
  db: GlossDb,
  kind: 'source' | 'entity',
  recordId: string,
  fields: readonly string[],
): Promise<void> {
  return nextMutationId(db).then((mutationId) => {
    const entry: LibraryOutboxEntry = { kind, recordId, mutationId, fields: [...fields] };
    return db.outbox.add(entry as OutboxEntry).then(() => undefined);
  });
}

/** How many changes of the reader's sources and entities wait for their sync (issue 16). */
export function countQueuedLibrary(db: GlossDb): Promise<number> {
  return db.outbox.where('[kind+recordId]').between(['entity', ''], ['source', '\uffff']).count();
}

/** Forgets every queued change of these notes. */
export async function dropQueuedFor(db: GlossDb, noteIds: readonly string[]): Promise<void> {
  if (noteIds.length > 0) await db.outbox.where('noteId').anyOf(noteIds).delete();
}

/**
 * Drops, for each note in `through`, its entries up to the given mutation id (the server has them); an edit
 * queued after the request went out has a higher id and stays. Returns how many entries were dropped.
 */
export async function dropSent(db: GlossDb, through: ReadonlyMap<string, number>): Promise<number> {
  const done = await db.outbox
    .where('noteId')
    .anyOf([...through.keys()])
    .filter((e) => e.noteId !== undefined && e.mutationId <= (through.get(e.noteId) ?? 0))
    .primaryKeys();
  await db.outbox.bulkDelete(done);
  return done.length;
}
