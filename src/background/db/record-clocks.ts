/**
 * Clocks for the reader's sync-ready records other than notes (sources, entities): the same rule as a
 * note's (notes-repo.ts `writeFields`), one hybrid logical clock per field, the changed fields moving to a
 * new clock from this device and the others keeping theirs, and `hlc` the latest of them.
 */
import { compareHlc, decodeHlc } from '../../shared/notes/hlc';
import type { GlossDb } from './database';
import { nextClock } from './device-clock';

/** What a record's clocks look like after a change. */
export interface Stamped<F extends string> {
  clocks: Record<F, string>;
  hlc: string;
  deviceId: string;
}

/**
 * New clocks for `changed` (every field of `all` when the record is new), in the caller's transaction.
 */
export async function stampFields<F extends string>(
  db: GlossDb,
  previous: Record<F, string> | undefined,
  changed: readonly F[],
  all: readonly F[],
  nowMs: number,
): Promise<Stamped<F>> {
  const { hlc } = await nextClock(db, nowMs);
  const clocks = { ...(previous ?? ({} as Record<F, string>)) };
  for (const f of previous ? changed : all) clocks[f] = hlc;
  const latest = Object.values<string>(clocks).reduce((a, b) => (compareHlc(a, b) >= 0 ? a : b));
  return { clocks, hlc: latest, deviceId: decodeHlc(latest).deviceId };
}

/** The fields whose values differ between two versions of a record (compared as JSON). */
export function changedFields<F extends string>(
  fields: readonly F[],
  before: Partial<Record<F, unknown>>,
  after: Partial<Record<F, unknown>>,
): F[] {
  return fields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}
