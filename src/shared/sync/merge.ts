/**
 * The per-field merge of docs/sync.md, shared by the extension and the server: for each field the
 * value with the later hybrid logical clock wins (HLCs end in the device id, so two clocks are never equal
 * unless they are the same write). `deleted` is a field like the others, so the later of an edit and a
 * delete wins. The merge is commutative, associative and idempotent, which is what lets records travel
 * whole, be retried, and arrive in any order.
 */
import { compareHlc } from '../notes/hlc';
import { NOTE_FIELDS, type NoteField } from '../notes/note-types';
import type { SyncFields, SyncNote } from './wire';

/** The highest of a record's field clocks. */
export function maxClock(clocks: Record<NoteField, string>): string {
  return NOTE_FIELDS.map((f) => clocks[f]).reduce((a, b) => (compareHlc(a, b) >= 0 ? a : b));
}

/** What merging `incoming` into `current` changed: the merged record and the fields `incoming` won. */
export interface MergeResult {
  note: SyncNote;
  /** Fields whose value came from `incoming` (empty when `current` already had everything). */
  won: NoteField[];
}

/** Merges two versions of the same note. Immutable facts come from the earlier-created side. */
export function mergeNotes(current: SyncNote, incoming: SyncNote): MergeResult {
  if (current.id !== incoming.id) throw new Error('merging two different notes');
  const fields = { ...current.fields } as SyncFields;
  const clocks = { ...current.clocks };
  const won: NoteField[] = [];
  for (const f of NOTE_FIELDS) {
    if (compareHlc(incoming.clocks[f], current.clocks[f]) > 0) {
      (fields as unknown as Record<NoteField, unknown>)[f] = incoming.fields[f];
      clocks[f] = incoming.clocks[f];
      won.push(f);
    }
  }
  // The device and update time of whichever side wrote the latest field.
  const latest = compareHlc(maxClock(incoming.clocks), maxClock(current.clocks)) > 0 ? incoming : current;
  // Ties broken by content, never by argument order, so merge(a, b) equals merge(b, a).
  const first =
    incoming.createdAt !== current.createdAt
      ? incoming.createdAt < current.createdAt
        ? incoming
        : current
      : `${incoming.url}\u0000${incoming.title}` < `${current.url}\u0000${current.title}`
        ? incoming
        : current;
  return {
    note: {
      id: current.id,
      url: first.url,
      pageKey: first.pageKey,
      title: first.title,
      ...(first.entityId ? { entityId: first.entityId } : {}),
      createdAt: first.createdAt,
      updatedAt: Math.max(current.updatedAt, incoming.updatedAt),
      fields,
      clocks,
      deviceId: latest.deviceId,
    },
    won,
  };
}
