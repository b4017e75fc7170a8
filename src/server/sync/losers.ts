/**
 * What a merge threw away. The merge itself is the shared one (shared/sync/merge.ts); this only names, for
 * the history table, each field where one side's value lost to a later clock, whichever side that was: a
 * stored value overwritten by a push, or a pushed value that arrived after a later edit had already won.
 */
import { compareHlc } from '../../shared/notes/hlc';
import { NOTE_FIELDS, type NoteField } from '../../shared/notes/note-types';
import type { SyncNote } from '../../shared/sync/wire';

export interface LostValue {
  noteId: string;
  field: NoteField;
  value: unknown;
  clock: string;
  winnerClock: string;
}

/** JSON with sorted keys: jsonb does not keep key order, so plain JSON.stringify would see false changes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The values that lost between `current` and `incoming` (equal values losing nothing). */
export function lostValues(current: SyncNote, incoming: SyncNote): LostValue[] {
  const lost: LostValue[] = [];
  for (const field of NOTE_FIELDS) {
    const order = compareHlc(incoming.clocks[field], current.clocks[field]);
    if (order === 0 || canonicalJson(incoming.fields[field]) === canonicalJson(current.fields[field]))
      continue;
    const [loser, winner] = order > 0 ? [current, incoming] : [incoming, current];
    lost.push({
      noteId: current.id,
      field,
      value: loser.fields[field],
      clock: loser.clocks[field],
      winnerClock: winner.clocks[field],
    });
  }
  return lost;
}
