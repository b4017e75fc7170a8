/**
 * This device's identity and clocks, kept in the `meta` store: a random device id made on first use, the
 * last hybrid logical clock it issued, and the last outbox mutation id. Every call runs inside the caller's
 * transaction, so a note, its clocks and its outbox entry are written together or not at all.
 */
import { tickHlc } from '../../shared/notes/hlc';
import type { GlossDb } from './database';

const DEVICE = 'deviceId';
const CLOCK = 'hlc';
const MUTATION = 'mutationSeq';

/** This device's id, created the first time a note is written. */
export async function deviceId(db: GlossDb): Promise<string> {
  const row = await db.meta.get(DEVICE);
  if (row) return row.value;
  const id = crypto.randomUUID();
  await db.meta.put({ key: DEVICE, value: id });
  return id;
}

/** A new clock for a local edit, later than every clock this device issued or saw. */
export async function nextClock(db: GlossDb, nowMs: number): Promise<{ hlc: string; deviceId: string }> {
  const device = await deviceId(db);
  const last = await db.meta.get(CLOCK);
  const hlc = tickHlc(last?.value, nowMs, device);
  await db.meta.put({ key: CLOCK, value: hlc });
  return { hlc, deviceId: device };
}

/** The next per-device mutation id for the outbox (increasing, never reused). */
export async function nextMutationId(db: GlossDb): Promise<number> {
  const last = Number((await db.meta.get(MUTATION))?.value ?? '0');
  const next = last + 1;
  await db.meta.put({ key: MUTATION, value: String(next) });
  return next;
}
