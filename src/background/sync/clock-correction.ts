/**
 * Undoing a fast wall clock. The server refuses changes whose clocks run more than a few minutes ahead of
 * its own (they would beat every later edit made elsewhere) and replies with its time. The refused changes
 * stay queued; this module records how far this device's clock is off (device-clock.ts applies it to every
 * later local edit), resets the device's HLC state, which would otherwise keep issuing the fast time, and
 * gives the refused fields a corrected clock under a new mutation id, to be sent on the next cycle.
 *
 * A re-stamped field counts as written now (corrected): an edit made elsewhere between the original edit
 * and the correction loses to it. The original time cannot be trusted, so there is nothing better to use.
 */
import { encodeHlc, tickHlc } from '../../shared/notes/hlc';
import { NOTE_FIELDS, type NoteRecord } from '../../shared/notes/note-types';
import { SYNC_LIMITS } from '../../shared/sync/wire';
import { type GlossDb, inTransaction, NOTE_TABLES } from '../db/database';
import { deviceId, resetClock, setClockOffset } from '../db/device-clock';
import { latestClockBelow, notesByIds, restampFields } from '../db/notes-repo';
import { queuedNoteIds } from '../db/outbox-repo';
import { assertAccount } from './sync-store';

/** A clock this much ahead of the server's (or less) is left alone: network time is never exact. */
export const CLOCK_TOLERANCE_MS = 60_000;

/** The correction for this device's clock given the server's time: only a fast clock is corrected. */
export function offsetFor(serverTime: number, localNow: number): number {
  const skew = serverTime - localNow;
  return skew < -CLOCK_TOLERANCE_MS ? Math.round(skew) : 0;
}

/** The smallest encoded clock whose wall time is after `wallMs`. */
const clockAfter = (wallMs: number): string => encodeHlc({ wallMs: wallMs + 1, counter: 0, deviceId: '0' });

/** The latest clock this device may keep building on: the highest one not beyond what the server accepts. */
async function trustedClock(db: GlossDb, limit: string, ahead: NoteRecord[]): Promise<string | undefined> {
  let best = await latestClockBelow(db, limit);
  for (const note of ahead)
    for (const f of NOTE_FIELDS) {
      const c = note.clocks[f];
      if (c < limit && (best === undefined || c > best)) best = c;
    }
  return best;
}

/**
 * Records the clock offset from the server's time and re-stamps every queued field dated beyond what the
 * server accepts. Returns how many notes were re-stamped (0 when none was ahead: then the server's own
 * clock is the likelier culprit). One transaction, so a crash leaves the old clocks queued, to be refused
 * and corrected again.
 */
export function correctClocks(
  db: GlossDb,
  token: string,
  localNow: number,
  serverTime: number,
): Promise<number> {
  return inTransaction(db, 'rw', NOTE_TABLES, async () => {
    await assertAccount(db, token);
    const offset = offsetFor(serverTime, localNow);
    await setClockOffset(db, offset);
    const correctedNow = localNow + offset;
    // Queued fields beyond half the allowed skew are re-stamped; clocks up to the full skew may have been
    // pulled from other devices and accepted by the server, so they still count for the device's clock.
    const restampFrom = clockAfter(correctedNow + SYNC_LIMITS.maxClockSkewMs / 2);
    const trustedBelow = clockAfter(correctedNow + SYNC_LIMITS.maxClockSkewMs);
    const ahead = (await notesByIds(db, await queuedNoteIds(db))).filter(
      (n): n is NoteRecord => n !== undefined && n.hlc >= restampFrom,
    );
    const base = await trustedClock(db, trustedBelow, ahead);
    await resetClock(db, tickHlc(base, correctedNow, await deviceId(db)));
    for (const note of ahead)
      await restampFields(
        db,
        note,
        NOTE_FIELDS.filter((f) => note.clocks[f] >= restampFrom),
        localNow,
      );
    return ahead.length;
  });
}
