/**
 * The writes at the end of a push, batched into a few statements (a first sync pushes hundreds of notes at a
 * time): changed notes upserted with fresh versions, lost values appended to the history, and the user's
 * counter moved on. Must run inside the push transaction, after the user's row is locked.
 */
import type { SyncNote } from '../../shared/sync/wire';
import type { Sql } from '../db/sql';
import type { LostValue } from './losers';

export interface Changes {
  userId: string;
  /** The user's version when the push began (read under the row lock). */
  baseVersion: number;
  notes: SyncNote[];
  lost: LostValue[];
  now: number;
}

/**
 * Writes the changes and returns the user's new version. Each changed note gets its own version (base + 1,
 * base + 2, …), so a pull page can end between any two notes without splitting a push's changes.
 */
export async function writeChanges(
  tx: Sql,
  { userId, baseVersion, notes, lost, now }: Changes,
): Promise<number> {
  const version = baseVersion + notes.length;
  if (notes.length) {
    const rows = notes.map((record, i) => ({ record, version: baseVersion + 1 + i }));
    await tx.query(
      `INSERT INTO notes (user_id, id, record, version)
       SELECT $1, n.record->>'id', n.record, n.version
       FROM jsonb_to_recordset($2::jsonb) AS n(record jsonb, version bigint)
       ON CONFLICT (user_id, id) DO UPDATE SET record = EXCLUDED.record, version = EXCLUDED.version`,
      [userId, JSON.stringify(rows)],
    );
    await tx.query('UPDATE users SET version = $2 WHERE id = $1', [userId, version]);
  }
  if (lost.length) {
    // A stale value pushed again (inside a later whole record) is the same loss: recorded once. `h->'value'`
    // keeps a JSON null (an empty anchor) as jsonb null; jsonb_to_recordset would turn it into SQL NULL.
    await tx.query(
      `INSERT INTO note_history (user_id, note_id, field, value, clock, winner_clock, version, recorded_at)
       SELECT $1, h->>'noteId', h->>'field', h->'value', h->>'clock', h->>'winnerClock', $3, $4
       FROM jsonb_array_elements($2::jsonb) AS h
       ON CONFLICT (user_id, note_id, field, clock) DO NOTHING`,
      [userId, JSON.stringify(lost), version, now],
    );
  }
  return version;
}
