/**
 * Far-future clocks (issue 10): a replayed mutation id used to skip the clock check, so any token of the
 * user could store a clock years ahead, after which every honest edit of that field silently lost. Now every
 * mutation is checked, a token is bound to the client device id it first pushed as, and an operator can
 * re-stamp a field already frozen (`restamp-clocks`).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../src/server/admin/commands';
import { RESTAMP_DEVICE } from '../../src/server/sync/restamp';
import { decodeHlc, encodeHlc } from '../../src/shared/notes/hlc';
import { NOTE_FIELDS } from '../../src/shared/notes/note-types';
import type { SyncNote } from '../../src/shared/sync/wire';
import type { TestDevice } from './helpers/device';
import { DAY, Harness, type TestUser } from './helpers/harness';
import { openTestDb, type TestDb } from './helpers/test-db';

let db: TestDb;
let h: Harness;
let user: TestUser;
let a: TestDevice;

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.drop());
beforeEach(async () => {
  h = new Harness(db.sql);
  user = await h.user();
  a = await user.device('dev-a');
});

const YEARS = 3 * 365 * DAY;
/** `note` with its body clock set to `wallMs` on `device`. */
const bodyAt = (note: SyncNote, wallMs: number, device: string): SyncNote => ({
  ...note,
  clocks: { ...note.clocks, body: encodeHlc({ wallMs, counter: 0, deviceId: device }) },
});

describe('far-future clocks', () => {
  it('a replayed (already applied) mutation id with a clock years ahead is refused, not stored', async () => {
    const note = a.create({ body: 'honest' });
    expect((await a.push([{ mutationId: 5, note }])).body.appliedThrough).toBe(5);
    const frozen = bodyAt({ ...note, fields: { ...note.fields, body: 'frozen' } }, h.time + YEARS, 'dev-a');
    const replay = await a.push([{ mutationId: 3, note: frozen }]);
    expect(replay.status).toBe(200);
    expect(replay.body.rejected).toEqual([{ mutationId: 3, reason: 'clock-ahead' }]);
    const stored = (await a.pullAll()).notes.get(note.id)!;
    expect(stored.fields.body).toBe('honest');
    expect(decodeHlc(stored.clocks.body).wallMs).toBeLessThanOrEqual(h.time);
  });

  it('a token pushes only as the client device id it first pushed as', async () => {
    expect((await a.push([a.create()])).status).toBe(200);
    const other = await a.pushRaw({
      deviceId: 'dev-someone-else',
      mutations: [{ mutationId: 1, note: a.create() }],
    });
    expect(other.status).toBe(403);
    expect(other.body.error).toBe('this device token belongs to another device id');
    // Another token of the same user may use its own id.
    const b = await user.device('dev-b');
    expect((await b.push([b.create()])).status).toBe(200);
  });

  it('restamp-clocks gives a frozen field a clock at server time, after which an honest edit wins', async () => {
    const note = a.create({ body: 'before' });
    await a.push([note]);
    // A field frozen before the fix: written straight into the table, as the old server stored it.
    const frozen = bodyAt({ ...note, fields: { ...note.fields, body: 'frozen' } }, h.time + YEARS, 'dev-x');
    await db.sql.query('UPDATE notes SET record = $3 WHERE user_id = $1 AND id = $2', [
      user.id,
      note.id,
      JSON.stringify(frozen),
    ]);
    h.time += 60_000;
    const honest = a.edit(frozen, { body: 'honest edit, lost' });
    await a.push([honest]);
    expect((await a.pullAll()).notes.get(note.id)?.fields.body).toBe('frozen');

    const before = (await a.pullAll()).version;
    const reply = await runAdminCommand(db.sql, { command: 'restamp-clocks', arg: user.name }, h.time);
    expect(reply).toEqual({
      code: 0,
      out: ['Re-stamped 1 field of 1 note to server time; devices get them on their next sync.'],
    });
    const repaired = (await a.pullAll(before)).notes.get(note.id)!;
    expect(repaired.fields.body).toBe('frozen');
    expect(repaired.clocks.body).toBe(encodeHlc({ wallMs: h.time, counter: 0, deviceId: RESTAMP_DEVICE }));
    expect(NOTE_FIELDS.filter((f) => decodeHlc(repaired.clocks[f]).wallMs > h.time)).toEqual([]);

    // An honest device that never pulled the future clock (device a folded it into its own clock).
    h.time += 60_000;
    const b = await user.device('dev-b');
    expect((await b.push([b.edit(repaired, { body: 'honest edit, wins' })])).body.rejected).toEqual([]);
    expect((await a.pullAll()).notes.get(note.id)?.fields.body).toBe('honest edit, wins');
    expect(await runAdminCommand(db.sql, { command: 'restamp-clocks' }, h.time)).toEqual({
      code: 0,
      out: ['No note has a clock from the future.'],
    });
  });
});
