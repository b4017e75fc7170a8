/**
 * This device's identity and clocks, kept in the `meta` store: a random device id made on first use, the
 * last hybrid logical clock it issued or saw, the last outbox mutation id, and the correction for a wall
 * clock that runs fast (learnt from the sync server). Every call runs inside the caller's transaction, so a
 * note, its clocks and its outbox entry are written together or not at all.
 */
import { receiveHlc, tickHlc } from '../../shared/notes/hlc';
import type { GlossDb } from './database';
import { deleteMeta, readMeta, writeMeta } from './meta-repo';

/** This device's id, created the first time a note is written. */
export async function deviceId(db: GlossDb): Promise<string> {
  const stored = await readMeta(db, 'deviceId');
  if (stored) return stored;
  const id = crypto.randomUUID();
  await writeMeta(db, 'deviceId', id);
  return id;
}

/**
 * Milliseconds to add to this device's wall clock: negative when the sync server found the clock running
 * fast (it refuses clocks too far ahead of its own), 0 otherwise. A slow clock is never corrected here:
 * folding pulled clocks in (`observeClock`) already orders later edits after what was seen.
 */
export async function clockOffset(db: GlossDb): Promise<number> {
  return Number((await readMeta(db, 'clockOffsetMs')) ?? '0') || 0;
}

/** Records the wall-clock correction (0 removes it). */
export async function setClockOffset(db: GlossDb, offsetMs: number): Promise<void> {
  if (offsetMs === 0) await deleteMeta(db, 'clockOffsetMs');
  else await writeMeta(db, 'clockOffsetMs', String(Math.round(offsetMs)));
}

/** A new clock for a local edit, later than every clock this device issued or saw. */
export async function nextClock(db: GlossDb, nowMs: number): Promise<{ hlc: string; deviceId: string }> {
  const device = await deviceId(db);
  const last = await readMeta(db, 'hlc');
  const hlc = tickHlc(last, nowMs + (await clockOffset(db)), device);
  await writeMeta(db, 'hlc', hlc);
  return { hlc, deviceId: device };
}

/** Folds a clock pulled from the server into this device's clock, so later local edits beat it. */
export async function observeClock(db: GlossDb, remote: string, nowMs: number): Promise<void> {
  const device = await deviceId(db);
  const last = await readMeta(db, 'hlc');
  const hlc = receiveHlc(last, remote, nowMs + (await clockOffset(db)), device);
  await writeMeta(db, 'hlc', hlc);
}

/**
 * Replaces this device's clock state. Only for undoing a fast wall clock: the state would otherwise keep
 * issuing clocks from the fast time, which the server refuses.
 */
export async function resetClock(db: GlossDb, hlc: string): Promise<void> {
  await writeMeta(db, 'hlc', hlc);
}

/**
 * The next per-device mutation id for the outbox (increasing, never reused). Dexie promises, not `async`:
 * callers queue a change from inside their own `async` steps (see meta-repo.ts on why the depth matters).
 */
export function nextMutationId(db: GlossDb): Promise<number> {
  return nextMutationIds(db, 1);
}

/** Reserves `count` consecutive mutation ids and returns the first. */
export function nextMutationIds(db: GlossDb, count: number): Promise<number> {
  return readMeta(db, 'mutationSeq').then((stored) => {
    const last = Number(stored ?? '0');
    return writeMeta(db, 'mutationSeq', String(last + count)).then(() => last + 1);
  });
}
