/**
 * The operator's repair for fields frozen by a far-future clock (stored before the server checked the
 * clocks of replayed mutations, or by a device whose clock ran years ahead): every note field whose clock
 * is further ahead of the server's clock than the protocol allows gets a clock at server time instead.
 * The value stays; from then on an honest edit of the field wins again. Each repaired note gets a new
 * version, so devices pull it. Run as `npm run server -- restamp-clocks [user]`.
 */
import { encodeHlc } from '../../shared/notes/hlc';
import { NOTE_FIELDS } from '../../shared/notes/note-types';
import { maxClock } from '../../shared/sync/merge';
import { SYNC_LIMITS, type SyncNote } from '../../shared/sync/wire';
import type { Sql } from '../db/sql';
import { writeChanges } from './write-changes';

/** The device id the re-stamped clocks carry, so they read as the server's own act in any export. */
export const RESTAMP_DEVICE = 'server-restamp';

/** What a repair did. */
export interface RestampResult {
  notes: number;
  fields: number;
}

/**
 * The smallest encoded clock that is too far ahead: HLC strings sort like the clocks (hlc.ts), and any
 * clock of a later millisecond sorts after every clock of this one.
 */
function firstFutureClock(now: number): string {
  return `${encodeHlc({ wallMs: now + SYNC_LIMITS.maxClockSkewMs + 1, counter: 0, deviceId: '0' }).slice(0, 10)}`;
}

/** Re-stamps the future clocks of one user's notes, or of every user's when `userId` is omitted. */
export async function restampFutureClocks(sql: Sql, now: number, userId?: string): Promise<RestampResult> {
  const users = userId
    ? [userId]
    : (await sql.query<{ id: string }>('SELECT id FROM users ORDER BY id')).map((u) => u.id);
  const total: RestampResult = { notes: 0, fields: 0 };
  for (const id of users) {
    const done = await restampUser(sql, id, now);
    total.notes += done.notes;
    total.fields += done.fields;
  }
  return total;
}

async function restampUser(sql: Sql, userId: string, now: number): Promise<RestampResult> {
  const threshold = firstFutureClock(now);
  const serverClock = encodeHlc({ wallMs: now, counter: 0, deviceId: RESTAMP_DEVICE });
  return sql.transaction(async (tx) => {
    // The same lock a push takes, so versions keep their order.
    const [user] = await tx.query<{ version: number }>('SELECT version FROM users WHERE id = $1 FOR UPDATE', [
      userId,
    ]);
    if (!user) return { notes: 0, fields: 0 };
    const rows = await tx.query<{ record: SyncNote }>(
      `SELECT record FROM notes WHERE user_id = $1 AND (${NOTE_FIELDS.map(
        (f) => `record->'clocks'->>'${f}' >= $2`,
      ).join(' OR ')}) ORDER BY version`,
      [userId, threshold],
    );
    let fields = 0;
    const repaired = rows.map(({ record }) => {
      const clocks = { ...record.clocks };
      for (const f of NOTE_FIELDS)
        if (clocks[f] >= threshold) {
          clocks[f] = serverClock;
          fields += 1;
        }
      return {
        ...record,
        clocks,
        deviceId: maxClock(clocks) === serverClock ? RESTAMP_DEVICE : record.deviceId,
      };
    });
    await writeChanges(tx, { userId, baseVersion: user.version, notes: repaired, lost: [], now });
    return { notes: repaired.length, fields };
  });
}
