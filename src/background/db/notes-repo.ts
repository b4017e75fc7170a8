/**
 * Notes in Dexie. Every change writes the note, its per-field clocks and an outbox entry in one
 * transaction (docs/sync.md), so a crash or a full disk leaves either the whole edit or none of it.
 * Deleting sets the `deleted` tombstone; nothing here ever removes a note row.
 */

import { codePointLength } from '../../shared/notes/anchoring/code-points';
import { decodeHlc } from '../../shared/notes/hlc';
import { siteOf } from '../../shared/notes/normalize-url';
import { NOTE_FIELDS, type NoteField, type NoteRecord, type NoteView } from '../../shared/notes/note-types';
import { storableFields } from '../../shared/notes/storable-text';
import { normalizeTags } from '../../shared/notes/tags';
import type { NewNote, NoteEdit } from '../../shared/protocol';
import { maxClock } from '../../shared/sync/merge';
import { type GlossDb, inTransaction, NOTE_TABLES } from './database';
import { nextClock } from './device-clock';
import { queueChange } from './outbox-repo';

/** A note as the other contexts see it. */
export function viewOf(note: NoteRecord): NoteView {
  const { clocks: _c, hlc: _h, deviceId: _d, serverVersion: _s, ...view } = note;
  return view;
}

/** A note ready to be stored (from the editor or an import), before clocks are assigned. */
export type UnstampedNote = Omit<
  NoteRecord,
  'clocks' | 'hlc' | 'deviceId' | 'serverVersion' | 'deleted' | 'site'
>;

/** The draft of a note written in the page UI, filed under `pageKey`. */
export function draftOf(input: NewNote, pageKey: string, nowMs: number): UnstampedNote {
  return {
    id: crypto.randomUUID(),
    url: input.page.url,
    pageKey,
    title: input.page.title.trim(),
    ...(input.page.lang ? { lang: input.page.lang } : {}),
    ...(input.entityId ? { entityId: input.entityId } : {}),
    anchor: input.anchor ?? null,
    body: input.body,
    color: input.color,
    tags: normalizeTags(input.tags),
    createdAt: nowMs,
    updatedAt: nowMs,
  };
}

/** Called with the database after a local change to its notes has committed. */
export type LocalChangeListener = (db: GlossDb) => void;
const localChangeListeners = new Set<LocalChangeListener>();

/**
 * Calls `listener` after every committed local change (the sync engine schedules a push with it). Changes
 * pulled from the sync server do not count. Returns a function that removes the listener.
 */
export function onLocalNoteChange(listener: LocalChangeListener): () => void {
  localChangeListeners.add(listener);
  return () => localChangeListeners.delete(listener);
}

/** Runs a write transaction and, once it has committed, tells the listeners when it queued anything. */
async function writeLocal<T>(
  db: GlossDb,
  write: () => Promise<T>,
  hasChanged: (value: T) => boolean,
): Promise<T> {
  const value = await inTransaction(db, 'rw', NOTE_TABLES, write);
  if (hasChanged(value)) for (const listener of localChangeListeners) listener(db);
  return value;
}

async function stamp(db: GlossDb, draft: UnstampedNote, nowMs: number): Promise<NoteRecord> {
  const { hlc, deviceId } = await nextClock(db, nowMs);
  const clocks = Object.fromEntries(NOTE_FIELDS.map((f) => [f, hlc])) as Record<NoteField, string>;
  const storable = storableFields(draft);
  return { ...storable, site: siteOf(storable.pageKey), deleted: false, deviceId, clocks, hlc };
}

/** Stores a new note. */
export function addNote(db: GlossDb, draft: UnstampedNote, nowMs: number): Promise<NoteRecord> {
  return writeLocal(
    db,
    async () => {
      const note = await stamp(db, draft, nowMs);
      await db.notes.add(note);
      await queueChange(db, note.id, [...NOTE_FIELDS]);
      return note;
    },
    () => true,
  );
}

/** The fields a local change may set. A field that is absent, or present as `undefined`, stays as it is. */
export type NoteChange = Partial<Pick<NoteRecord, 'body' | 'color' | 'tags' | 'deleted'>>;

/**
 * The change without its `undefined` entries. Callers build changes from optional fields (the dashboard
 * sends only what was edited), and spreading `{ color: undefined }` over a record would store `undefined`
 * (issue 9: notes lost their colour and tags that way), so this is the one place that decides it.
 */
function definedFields(change: NoteChange): NoteChange {
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
}

/** The change as it will be stored: its fields present, and its text storable (storable-text.ts). */
function storableChange(change: NoteChange): NoteChange {
  return storableFields(definedFields(change));
}

/** Applies a change to some fields; unchanged fields keep their clocks. Throws for unknown notes. */
export function changeNote(db: GlossDb, id: string, change: NoteChange, nowMs: number): Promise<NoteRecord> {
  let patch = storableChange(change);
  let hasChanged = false;
  const write = async () => {
    const note = await db.notes.get(id);
    if (!note) throw new Error('That note no longer exists.');
    const changed = (Object.keys(patch) as Array<keyof NoteChange>).filter(
      (f) => JSON.stringify(patch[f]) !== JSON.stringify(note[f]),
    );
    if (changed.length === 0) return note;
    // An edit says the note is alive: its `deleted` clock moves too, so that under the per-field merge an
    // edit made after a delete on another device brings the note back (sync.md), as a later delete would win.
    if (changed.some((f) => f !== 'deleted') && !changed.includes('deleted')) {
      changed.push('deleted');
      patch = { ...patch, deleted: false };
    }
    const next = await writeFields(db, note, { ...patch, updatedAt: nowMs }, changed, nowMs);
    hasChanged = true;
    return next;
  };
  return writeLocal(db, write, () => hasChanged);
}

/**
 * The one rule for changing a stored note: `fields` get a new clock from this device (the others keep
 * theirs), `patch` is applied, and the change is queued for sync, in the caller's transaction.
 */
async function writeFields(
  db: GlossDb,
  note: NoteRecord,
  patch: Partial<NoteRecord>,
  fields: NoteField[],
  nowMs: number,
): Promise<NoteRecord> {
  const { hlc } = await nextClock(db, nowMs);
  const clocks = { ...note.clocks };
  for (const f of fields) clocks[f] = hlc;
  const latest = maxClock(clocks);
  const next: NoteRecord = { ...note, ...patch, clocks, hlc: latest, deviceId: decodeHlc(latest).deviceId };
  await db.notes.put(next);
  await queueChange(db, note.id, fields);
  return next;
}

/**
 * Gives `fields` of a note a new clock without changing their values (clock-correction.ts: values written
 * under a fast wall clock), and queues them. Not a reader's edit: `updatedAt` stays, no listener is told.
 */
export function restampFields(
  db: GlossDb,
  note: NoteRecord,
  fields: NoteField[],
  nowMs: number,
): Promise<NoteRecord> {
  return writeFields(db, note, {}, fields, nowMs);
}

/** Offsets of a note's passage (NoteAnchor's position). */
export type Offsets = { start: number; end: number };

/**
 * Stores a passage note's position in Unicode code points in place of the UTF-16 code units it was saved
 * in (notes written before Gloss counted code points, Hypothesis's exports): the content script found the
 * passage at exactly `from` read as code units, with characters outside the BMP before it, so `to` is the
 * same place. Only the anchor's clock moves, so the correction syncs; it is not a reader's edit, so
 * `updatedAt` stays. Nothing is written unless the note is live, still holds `from`, and `to` is a
 * consistent correction of it (the same passage counted in fewer units). Resolves to whether it wrote.
 */
export function correctPosition(
  db: GlossDb,
  id: string,
  from: Offsets,
  to: Offsets,
  nowMs: number,
): Promise<boolean> {
  const write = async () => {
    const note = await db.notes.get(id);
    const anchor = note?.anchor;
    if (!note || note.deleted || !anchor?.position) return false;
    const held = anchor.position;
    const exact = anchor.quote.exact;
    const fits =
      held.start === from.start &&
      held.end === from.end &&
      from.end - from.start === exact.length &&
      to.end - to.start === codePointLength(exact) &&
      to.start <= from.start &&
      (to.start !== from.start || to.end !== from.end);
    if (!fits) return false;
    await writeFields(
      db,
      note,
      { anchor: { ...anchor, position: { start: to.start, end: to.end } } },
      ['anchor'],
      nowMs,
    );
    return true;
  };
  return writeLocal(db, write, (wrote) => wrote);
}

/** Applies a reader's edit from the page UI or the dashboard. */
export function editNote(db: GlossDb, edit: NoteEdit, nowMs: number): Promise<NoteRecord> {
  const { id, body, color, tags } = edit;
  return changeNote(db, id, { body, color, tags: tags && normalizeTags(tags) }, nowMs);
}

/** One note, deleted or not; undefined for an unknown id. */
export function getNote(db: GlossDb, id: string): Promise<NoteRecord | undefined> {
  return db.notes.get(id);
}

/** The passage and page notes filed under a page (not entity notes, not deleted). */
export async function notesForPage(db: GlossDb, pageKey: string): Promise<NoteRecord[]> {
  const rows = await db.notes.where('pageKey').equals(pageKey).toArray();
  return rows.filter((n) => !n.deleted && !n.entityId).sort((a, b) => a.createdAt - b.createdAt);
}

/** Ids of the notes (any state) about one entity: the search's entity filter. */
export async function noteIdsAbout(db: GlossDb, entityId: string): Promise<string[]> {
  return (await db.notes.where('entityId').equals(entityId).primaryKeys()).map(String);
}

/** Ids of the notes (any state) filed under any of `pageKeys`. */
export async function noteIdsOnPages(db: GlossDb, pageKeys: readonly string[]): Promise<string[]> {
  if (pageKeys.length === 0) return [];
  return (await db.notes.where('pageKey').anyOf(pageKeys).primaryKeys()).map(String);
}

/** The notes about one entity, oldest first. */
export async function notesForEntity(db: GlossDb, entityId: string): Promise<NoteRecord[]> {
  const rows = await db.notes.where('entityId').equals(entityId).toArray();
  return rows.filter((n) => !n.deleted).sort((a, b) => a.createdAt - b.createdAt);
}

/** Every note that is not deleted, newest change first. */
export async function liveNotes(db: GlossDb): Promise<NoteRecord[]> {
  const rows = await db.notes.orderBy('updatedAt').reverse().toArray();
  return rows.filter((n) => !n.deleted);
}

/**
 * Stores imported notes in one transaction: ids already present (in any state) are left alone, so the
 * same file imported twice adds nothing. Either every new note is stored or none is.
 */
export function importDrafts(
  db: GlossDb,
  drafts: readonly UnstampedNote[],
  nowMs: number,
): Promise<{ added: number; unchanged: number }> {
  const write = async () => {
    const existing = await db.notes.bulkGet(drafts.map((d) => d.id));
    const fresh = drafts.filter((_, i) => existing[i] === undefined);
    const records: NoteRecord[] = [];
    for (const draft of fresh) records.push(await stamp(db, draft, nowMs));
    await db.notes.bulkAdd(records);
    for (const r of records) await queueChange(db, r.id, [...NOTE_FIELDS]);
    return { added: records.length, unchanged: drafts.length - records.length };
  };
  return writeLocal(db, write, ({ added }) => added > 0);
}

/** The notes with these ids, in order; undefined where there is none. */
export function notesByIds(db: GlossDb, ids: readonly string[]): Promise<Array<NoteRecord | undefined>> {
  return db.notes.bulkGet([...ids]);
}

/** Every note's id (deleted ones too), least recently changed first. */
export async function allNoteIds(db: GlossDb): Promise<string[]> {
  return (await db.notes.orderBy('updatedAt').primaryKeys()) as string[];
}

/** Stores notes merged from the sync server as they are: no clock moves, nothing is queued. */
export async function storePulledNotes(db: GlossDb, notes: readonly NoteRecord[]): Promise<void> {
  await db.notes.bulkPut([...notes]);
}

/** The highest note clock (`hlc`, a note's latest field clock) below `limit`, if any. */
export async function latestClockBelow(db: GlossDb, limit: string): Promise<string | undefined> {
  return (await db.notes.where('hlc').below(limit).last())?.hlc;
}
