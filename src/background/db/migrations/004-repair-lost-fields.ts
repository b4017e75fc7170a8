/**
 * Schema version 4: repairs notes damaged by the dashboard-edit bug of issue 9. An edit that changed only
 * some fields stored `undefined` over the others, so a note could lose its colour, tags or text. Such notes
 * crash the dashboard, paint as `gloss-note-undefined` and are held back from sync.
 *
 * A repaired field gets a valid value (the default colour, no tags, empty text) under the lowest clock
 * there is (`REPAIR_CLOCK`). The damaging edit never moved the clocks of the fields it destroyed, so the
 * server still holds their last good values under later clocks: on the next pull those win the per-field
 * merge over the repair, and a field the server never had keeps the repair. The note's other queued
 * changes stay in the outbox, so it is pushed as soon as it passes the wire schema again; to make sure the
 * server's good values come back even when nothing else about the note changes there, the pull starts
 * over once (the merge is idempotent, so re-reading what is already here changes nothing).
 * Append-only: never edit after release.
 */
import { DEFAULT_NOTE_COLOR, isNoteColor, type NoteRecord } from '../../../shared/notes/note-types';
import type { Migration } from './migration';

/** A clock earlier than every clock a device can issue (wall time 0), so any real value beats the repair. */
export const REPAIR_CLOCK = '0000000000.0000.repair';

/** Fields a damaged note can have lost, with the value each is given back. */
const REPAIRS = {
  color: (value: unknown) => (isNoteColor(value) ? undefined : DEFAULT_NOTE_COLOR),
  tags: (value: unknown) =>
    Array.isArray(value) && value.every((t) => typeof t === 'string') ? undefined : [],
  body: (value: unknown) => (typeof value === 'string' ? undefined : ''),
} as const;

/** Repairs one note in place; returns whether anything was wrong with it. */
export function repairLostFields(note: NoteRecord): boolean {
  let isRepaired = false;
  for (const [field, repair] of Object.entries(REPAIRS) as [
    keyof typeof REPAIRS,
    (v: unknown) => unknown,
  ][]) {
    const value = repair(note[field]);
    if (value === undefined) continue;
    (note as unknown as Record<string, unknown>)[field] = value;
    note.clocks[field] = REPAIR_CLOCK;
    isRepaired = true;
  }
  // The highest clock, which the `hlc` index holds, may have been one of the repaired fields.
  if (isRepaired) note.hlc = Object.values(note.clocks).reduce((a, b) => (a > b ? a : b));
  return isRepaired;
}

export const migration004: Migration = {
  version: 4,
  stores: {},
  async upgrade(tx) {
    const repaired: string[] = [];
    await tx
      .table<NoteRecord, string>('notes')
      .toCollection()
      .modify((note: NoteRecord) => {
        if (repairLostFields(note)) repaired.push(note.id);
      });
    if (repaired.length === 0) return;
    const outbox = tx.table('outbox');
    const queued = new Set(await outbox.where('noteId').anyOf(repaired).keys());
    const meta = tx.table('meta');
    let mutation = Number((await meta.get('mutationSeq'))?.value ?? '0');
    for (const noteId of repaired.filter((id) => !queued.has(id)))
      await outbox.add({ noteId, mutationId: ++mutation, fields: ['body', 'color', 'tags'] });
    await meta.put({ key: 'mutationSeq', value: String(mutation) });
    if (await meta.get('sync.cursor')) await meta.put({ key: 'sync.cursor', value: '0' });
  },
};
