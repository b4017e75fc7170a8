/**
 * Devices with wrong clocks (../shared/docs/sync.md): a slow device loses with an old clock but wins once it
 * has folded the clocks it pulled into its own; a fast device's changes are refused, not applied, and the
 * reply carries the server's time so the client can correct and send them again.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeHlc } from '../../src/shared/notes/hlc';
import { NOTE_FIELDS } from '../../src/shared/notes/note-types';
import { SYNC_LIMITS, type SyncNote } from '../../src/shared/sync/wire';
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

/** `note` with every clock set to `wallMs` on `device`. */
function stampedAt(note: SyncNote, wallMs: number, device: string): SyncNote {
  const c = encodeHlc({ wallMs, counter: 0, deviceId: device });
  return { ...note, clocks: Object.fromEntries(NOTE_FIELDS.map((f) => [f, c])) as SyncNote['clocks'] };
}

describe('a device whose clock is a day slow', () => {
  it('loses with its stale clock, and wins after folding in the clocks it pulled', async () => {
    const note = a.create({ body: 'written on a' });
    await a.push([note]);
    const slow = await user.device('dev-slow', -DAY);
    h.time += 60_000;

    // Editing without having pulled: its clock says yesterday, so the edit loses (and is kept in history).
    const blind = slow.edit(note, { body: 'slow, blind' });
    expect((await slow.push([blind])).body).toMatchObject({ appliedThrough: 1, rejected: [], version: 1 });
    expect((await a.pullAll()).notes.get(note.id)?.fields.body).toBe('written on a');
    const [lost] = await db.sql.query<{ value: string }>(
      'SELECT value FROM note_history WHERE note_id = $1 AND field = $2',
      [note.id, 'body'],
    );
    expect(lost?.value).toBe('slow, blind');

    // After a pull, its clock is past everything it saw: the next edit wins despite the slow wall clock.
    const pulled = (await slow.pullAll()).notes.get(note.id)!;
    const informed = slow.edit(pulled, { body: 'slow, after pulling' });
    expect((await slow.push([informed])).body).toMatchObject({ appliedThrough: 2, version: 2 });
    expect((await a.pullAll()).notes.get(note.id)?.fields.body).toBe('slow, after pulling');
  });
});

describe('a device whose clock is a day fast', () => {
  it('has its change refused, unapplied, with the server time, and applied once corrected', async () => {
    const fast = await user.device('dev-fast', DAY);
    const note = fast.create({ body: 'from the future' });
    const reply = await fast.push([note]);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      appliedThrough: 0,
      rejected: [{ mutationId: 1, reason: 'clock-ahead' }],
      serverTime: h.time,
      version: 0,
    });
    expect((await a.pullAll()).notes.size).toBe(0);

    // The client corrects its clock from serverTime and sends the same mutation again.
    fast.skewMs = 0;
    fast.hlc = undefined;
    const corrected = stampedAt(note, reply.body.serverTime, 'dev-fast');
    expect((await fast.push([{ mutationId: 1, note: corrected }])).body).toMatchObject({
      appliedThrough: 1,
      rejected: [],
      version: 1,
    });
    expect((await a.pullAll()).notes.get(note.id)?.fields.body).toBe('from the future');
  });

  it('allows exactly the documented skew and refuses one millisecond more, on any field', async () => {
    const base = a.create({ body: 'edge' });
    const atLimit = stampedAt(base, h.time + SYNC_LIMITS.maxClockSkewMs, 'dev-a');
    const past = {
      ...atLimit,
      clocks: {
        ...atLimit.clocks,
        tags: encodeHlc({ wallMs: h.time + SYNC_LIMITS.maxClockSkewMs + 1, counter: 0, deviceId: 'dev-a' }),
      },
    };
    const reply = await a.push([
      { mutationId: 1, note: atLimit },
      { mutationId: 2, note: { ...past, id: '00000000-0000-4000-8000-ffffffffffff' } },
    ]);
    expect(reply.body).toMatchObject({
      appliedThrough: 1,
      rejected: [{ mutationId: 2, reason: 'clock-ahead' }],
      version: 1,
    });
  });

  it('holds back appliedThrough at a refused mutation but still applies the ones after it', async () => {
    const fast = encodeHlc({ wallMs: h.time + DAY, counter: 0, deviceId: 'dev-a' });
    const first = a.create({ body: 'one' });
    const refused = { ...a.create({ body: 'two' }), clocks: { ...first.clocks, body: fast } };
    const third = a.create({ body: 'three' });
    const reply = await a.push([
      { mutationId: 1, note: first },
      { mutationId: 2, note: refused },
      { mutationId: 3, note: third },
    ]);
    expect(reply.body).toMatchObject({ appliedThrough: 1, rejected: [{ mutationId: 2 }], version: 2 });
    expect([...(await a.pullAll()).notes.keys()]).toEqual([first.id, third.id]);

    // The client resends 2 (corrected) and 3: 3 is applied again, harmlessly, and costs no version.
    const fixed = { ...refused, clocks: third.clocks };
    const again = await a.push([
      { mutationId: 2, note: fixed },
      { mutationId: 3, note: third },
    ]);
    expect(again.body).toMatchObject({ appliedThrough: 3, rejected: [], version: 3 });
    const { notes } = await a.pullAll();
    expect([...notes.values()].map((n) => [n.fields.body, n.version])).toEqual([
      ['one', 1],
      ['three', 2],
      ['two', 3],
    ]);
  });
});
