/**
 * Sending the outbox. Records travel whole (wire.ts), so a batch holds each queued note once, in its
 * current state, under the highest mutation id among its outbox entries: ten edits to one note cost one
 * record, and a retried or reordered record is harmless under the per-field merge. Notes go in the order of
 * their latest change, so mutation ids rise through a batch and from one batch to the next, which a server
 * that remembers only the highest id seen per device also handles.
 *
 * After a reply, a sent note's entries up to both its sent id and `appliedThrough` are dropped, in one
 * transaction; an edit made while the request was in flight has a higher id and stays queued. Refused
 * (clock-ahead) notes keep their entries and are re-stamped (clock-correction.ts).
 */
import * as v from 'valibot';
import type { Mutation, PushReply } from '../../shared/sync/wire';
import { SyncNoteSchema } from '../../shared/sync/wire-schemas';
import { type GlossDb, inTransaction } from '../db/database';
import { deviceId, setClockOffset } from '../db/device-clock';
import { notesByIds } from '../db/notes-repo';
import { dropQueuedFor, dropSent, queuedInOrder } from '../db/outbox-repo';
import { correctClocks, offsetFor } from './clock-correction';
import { toSyncNote } from './note-codec';
import { assertAccount } from './sync-store';
import { type AuthorisedTransport, SyncHttpError } from './transport';

/** How much one push may carry. */
export interface PushLimits {
  mutations: number;
  bytes: number;
}

/** What a push needs. */
export interface PushContext {
  db: GlossDb;
  transport: AuthorisedTransport;
  token: string;
  now: () => number;
  limits: PushLimits;
}

/** Most requests in one cycle (20,000 notes at 500 a batch); the rest goes on a quick next cycle. */
const MAX_BATCHES = 40;
/** Room left in the byte limit for the request envelope (`{"deviceId":…,"mutations":[…]}`). */
const ENVELOPE_BYTES = 200;
const encoder = new TextEncoder();

/** A batch, and the queued notes left out because the server would refuse them. */
export interface Batch {
  mutations: Mutation[];
  /** Notes that fail the protocol's schema (e.g. an imported title over the limit), with the first reason. */
  held: { count: number; issue: string };
}

/**
 * Sends the outbox, batch by batch. Returns whether another cycle should follow soon: refused changes were
 * re-stamped, or more batches wait than one cycle sends.
 */
export async function pushAll(ctx: PushContext): Promise<{ isRetryNeeded: boolean }> {
  const device = await deviceId(ctx.db);
  for (let round = 0; round < MAX_BATCHES; round++) {
    const { mutations, held } = await readBatch(ctx.db, ctx.limits);
    if (mutations.length === 0) {
      if (held.count === 0) return { isRetryNeeded: false };
      throw new SyncHttpError({ kind: 'unsendable', count: held.count, detail: held.issue });
    }
    const sent = await sendBatch(ctx, device, mutations);
    if (sent === 'smaller') continue;
    if (sent.refused > 0) {
      const restamped = await correctClocks(ctx.db, ctx.token, ctx.now(), sent.serverTime);
      if (restamped === 0) throw new SyncHttpError({ kind: 'future-clock' });
      return { isRetryNeeded: true };
    }
    if (sent.dropped === 0) throw new SyncHttpError({ kind: 'no-progress' });
  }
  return { isRetryNeeded: true };
}

/**
 * The next batch to send, read in one transaction so every record matches the id it is sent under. A note
 * the server would refuse as a whole request is held back (it stays queued and is reported) rather than
 * sent, so that one bad record cannot stop every other note from syncing.
 */
export function readBatch(db: GlossDb, limits: PushLimits): Promise<Batch> {
  return inTransaction(db, 'rw', ['notes', 'outbox'], async () => {
    const order = await queuedInOrder(db);
    const batch: Batch = { mutations: [], held: { count: 0, issue: '' } };
    let bytes = ENVELOPE_BYTES;
    for (
      let from = 0;
      from < order.length && batch.mutations.length < limits.mutations;
      from += limits.mutations
    ) {
      const chunk = order.slice(from, from + limits.mutations);
      const notes = await notesByIds(
        db,
        chunk.map(([id]) => id),
      );
      // Notes are never removed, but an entry without its note could never be sent: drop it.
      await dropQueuedFor(
        db,
        chunk.filter((_, i) => !notes[i]).map(([id]) => id),
      );
      for (const [i, [, mutationId]] of chunk.entries()) {
        const note = notes[i];
        if (!note || batch.mutations.length >= limits.mutations) continue;
        const mutation = { mutationId, note: toSyncNote(note) };
        const checked = v.safeParse(SyncNoteSchema, mutation.note);
        if (!checked.success) {
          batch.held.count += 1;
          const [issue] = checked.issues;
          batch.held.issue ||= `${v.getDotPath(issue) ?? 'note'}: ${issue.message}`;
          continue;
        }
        const size = encoder.encode(JSON.stringify(mutation)).length + 1;
        if (batch.mutations.length > 0 && bytes + size > limits.bytes) return batch;
        batch.mutations.push(mutation);
        bytes += size;
      }
    }
    return batch;
  });
}

/**
 * Sends one batch. A 413 halves the batch size for the rest of the cycle and sends nothing (the next batch
 * is read again at the smaller size); a single note the server still refuses stops the push with
 * `too-large` (the protocol's note limits make that a server misconfiguration).
 */
async function sendBatch(ctx: PushContext, device: string, batch: Mutation[]): Promise<Sent | 'smaller'> {
  try {
    const reply = await ctx.transport.push({ deviceId: device, mutations: batch });
    const dropped = await ackBatch(ctx.db, ctx.token, batch, reply, ctx.now());
    return { dropped, refused: reply.rejected.length, serverTime: reply.serverTime };
  } catch (e) {
    if (!(e instanceof SyncHttpError && e.kind === 'too-large' && batch.length > 1)) throw e;
    ctx.limits.mutations = Math.ceil(batch.length / 2);
    return 'smaller';
  }
}

interface Sent {
  dropped: number;
  refused: number;
  serverTime: number;
}

/** Drops what the server applied and records the clock offset; returns how many entries were dropped. */
export function ackBatch(
  db: GlossDb,
  token: string,
  sent: readonly Mutation[],
  reply: PushReply,
  localNow: number,
): Promise<number> {
  return inTransaction(db, 'rw', ['outbox', 'meta'], async () => {
    await assertAccount(db, token);
    const refused = new Set(reply.rejected.map((r) => r.mutationId));
    const through = new Map(
      sent
        .filter((m) => !refused.has(m.mutationId))
        .map((m) => [m.note.id, Math.min(m.mutationId, reply.appliedThrough)]),
    );
    const dropped = await dropSent(db, through);
    await setClockOffset(db, offsetFor(reply.serverTime, localNow));
    return dropped;
  });
}
