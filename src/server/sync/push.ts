/**
 * Applying a push (POST /v1/push) in one transaction, as docs/sync.md lays out:
 *
 *   lock the user's row ─ refuse clocks from the future ─ merge each note field by field ─ record the
 *   losing values ─ give each changed note the next version ─ remember the device's applied-through id
 *   ─ commit, or on any error apply nothing at all.
 *
 * Every mutation's clocks are checked, whatever its id: a replayed id must not let a far-future clock in
 * (one stored clock years ahead would make every honest edit of that field lose). The token is bound to
 * the client device id it first pushed as, so one device's token cannot push under another's id.
 *
 * Mutation ids at or below the device's cursor (already applied) are merged again rather than skipped.
 * For a true retry that changes nothing, since the merge is idempotent and records travel whole: no
 * version, no history, the same reply. But it also saves a push that merely arrives late: if a client ever
 * has two pushes in flight and the one with higher ids commits first, skipping would drop the other's
 * changes while `appliedThrough` told the client to forget them.
 *
 * `appliedThrough` rule: mutations are taken in id order; it is the highest id before the first mutation
 * refused for its clock, or the device's cursor when that is higher. Mutations after a refused one are still
 * applied, so unrelated notes are not held up, but the client keeps them queued and sends them again with
 * the refused one, which changes nothing the second time.
 */
import { decodeHlc } from '../../shared/notes/hlc';
import { NOTE_FIELDS } from '../../shared/notes/note-types';
import { mergeNotes } from '../../shared/sync/merge';
import { type PushReply, type PushRequest, SYNC_LIMITS, type SyncNote } from '../../shared/sync/wire';
import type { Principal } from '../accounts/enrol';
import type { Sql } from '../db/sql';
import { canonicalJson, type LostValue, lostValues } from './losers';
import { writeChanges } from './write-changes';

/** True when any of the note's clocks is further ahead of the server's clock than the protocol allows. */
export function isClockAhead(note: SyncNote, now: number): boolean {
  return NOTE_FIELDS.some((f) => decodeHlc(note.clocks[f]).wallMs > now + SYNC_LIMITS.maxClockSkewMs);
}

export async function applyPush(
  sql: Sql,
  who: Principal,
  push: PushRequest,
  now: number,
): Promise<PushReply> {
  // A stable sort: out-of-order ids are applied in id order, equal ids (a duplicate) in the order sent.
  const mutations = [...push.mutations].sort((a, b) => a.mutationId - b.mutationId);
  return sql.transaction(async (tx) => {
    const [user] = await tx.query<{ version: number }>('SELECT version FROM users WHERE id = $1 FOR UPDATE', [
      who.userId,
    ]);
    if (!user) throw new Error('the user of an authenticated device is missing');
    await bindClientDevice(tx, who, push.deviceId);
    const [cursor] = await tx.query<{ last: number }>(
      'SELECT last_mutation_id AS last FROM mutation_cursors WHERE user_id = $1 AND client_device_id = $2',
      [who.userId, push.deviceId],
    );
    const seen = cursor?.last ?? 0;
    const refused = mutations.filter((m) => isClockAhead(m.note, now));
    const accepted = mutations.filter((m) => !refused.includes(m));

    const stored = await loadNotes(tx, who.userId, [...new Set(accepted.map((m) => m.note.id))]);
    const changed = new Set<string>();
    const lost: LostValue[] = [];
    for (const { note } of accepted) {
      const current = stored.get(note.id);
      const merged = current ? mergeNotes(current, note).note : note;
      if (current) lost.push(...lostValues(current, note));
      if (!current || canonicalJson(merged) !== canonicalJson(current)) changed.add(note.id);
      stored.set(note.id, merged);
    }

    const firstRefused = refused[0]?.mutationId ?? Number.POSITIVE_INFINITY;
    const appliedThrough = Math.max(
      seen,
      ...accepted.filter((m) => m.mutationId < firstRefused).map((m) => m.mutationId),
    );
    const version = await writeChanges(tx, {
      userId: who.userId,
      baseVersion: user.version,
      notes: [...changed].map((id) => stored.get(id)!),
      lost,
      now,
    });
    if (appliedThrough > seen)
      await tx.query(
        `INSERT INTO mutation_cursors (user_id, client_device_id, last_mutation_id) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, client_device_id) DO UPDATE SET last_mutation_id = EXCLUDED.last_mutation_id`,
        [who.userId, push.deviceId, appliedThrough],
      );
    await tx.query('UPDATE devices SET last_push_at = $2 WHERE id = $1', [who.deviceId, now]);
    return {
      appliedThrough,
      rejected: refused.map((m) => ({ mutationId: m.mutationId, reason: 'clock-ahead' as const })),
      serverTime: now,
      version,
    };
  });
}

/** A push under a client device id other than the one its token is bound to. */
export class ForeignDeviceError extends Error {
  constructor() {
    super('this device token belongs to another device id');
    this.name = 'ForeignDeviceError';
  }
}

/** Binds the token to `clientDeviceId` on its first push; throws ForeignDeviceError on a different one. */
async function bindClientDevice(tx: Sql, who: Principal, clientDeviceId: string): Promise<void> {
  const [row] = await tx.query<{ bound: string | null }>(
    `UPDATE devices SET client_device_id = COALESCE(client_device_id, $2) WHERE id = $1
     RETURNING client_device_id AS bound`,
    [who.deviceId, clientDeviceId],
  );
  if (row?.bound !== clientDeviceId) throw new ForeignDeviceError();
}

async function loadNotes(tx: Sql, userId: string, ids: string[]): Promise<Map<string, SyncNote>> {
  if (!ids.length) return new Map();
  const rows = await tx.query<{ record: SyncNote }>(
    'SELECT record FROM notes WHERE user_id = $1 AND id = ANY($2::text[])',
    [userId, ids],
  );
  return new Map(rows.map((r) => [r.record.id, r.record]));
}
