/**
 * Pushes that arrive twice, out of order, or fail halfway (../shared/docs/sync.md): a push is all or
 * nothing, and a mutation id already applied for a device is never applied again.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestDevice } from './helpers/device';
import { failingOn } from './helpers/faulty-sql';
import { Harness } from './helpers/harness';
import { openTestDb, type TestDb } from './helpers/test-db';

let db: TestDb;
let h: Harness;
let a: TestDevice;
let b: TestDevice;
let userId: string;

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.drop());
beforeEach(async () => {
  h = new Harness(db.sql);
  const user = await h.user();
  userId = user.id;
  a = await user.device('dev-a');
  b = await user.device('dev-b');
});

async function state(device: TestDevice) {
  const { notes, version } = await device.pullAll();
  return { version, notes: [...notes.values()].map((n) => [n.id, n.fields.body, n.version]) };
}

describe('retries and duplicates', () => {
  it('applies a push whose reply was lost only once when it is sent again', async () => {
    const note = a.create({ body: 'once' });
    const body = { deviceId: 'dev-a', mutations: [{ mutationId: 1, note }] };
    const first = await a.pushRaw(body);
    const retry = await a.pushRaw(body);
    expect(first.body).toEqual({ appliedThrough: 1, rejected: [], serverTime: h.time, version: 1 });
    expect(retry.body).toEqual(first.body);
    expect(await state(b)).toEqual({ version: 1, notes: [[note.id, 'once', 1]] });
  });

  it('re-merges ids at or below the cursor: a late push is not mistaken for a retry', async () => {
    const early = { mutationId: 1, note: a.create({ body: 'sent first, arrives last' }) };
    const late = { mutationId: 2, note: a.create({ body: 'sent second, arrives first' }) };
    expect((await a.push([late])).body).toMatchObject({ appliedThrough: 2, version: 1 });
    expect((await a.push([early])).body).toMatchObject({ appliedThrough: 2, version: 2 });
    // A real retry of either changes nothing: no version, no history.
    expect((await a.push([early, late])).body).toMatchObject({ appliedThrough: 2, version: 2 });
    expect((await state(b)).notes.map((n) => n[1])).toEqual([
      'sent second, arrives first',
      'sent first, arrives last',
    ]);
    const [history] = await db.sql.query<{ n: number }>(
      'SELECT count(*) AS n FROM note_history WHERE user_id = $1',
      [userId],
    );
    expect(history?.n).toBe(0);
  });

  it('applies ids sent out of order, and duplicated within one push, by id', async () => {
    const note = a.create({ body: 'v1' });
    const v2 = a.edit(note, { body: 'v2' });
    const v3 = a.edit(v2, { body: 'v3' });
    const reply = await a.push([
      { mutationId: 3, note: v3 },
      { mutationId: 1, note },
      { mutationId: 2, note: v2 },
      { mutationId: 2, note: v2 },
    ]);
    expect(reply.body).toMatchObject({ appliedThrough: 3, rejected: [], version: 1 });
    expect(await state(b)).toEqual({ version: 1, notes: [[note.id, 'v3', 1]] });
    // Only values that really lost are history: v1 and v2 never stood, yet they are recoverable.
    const history = await db.sql.query<{ value: string }>(
      'SELECT value FROM note_history WHERE note_id = $1 ORDER BY clock',
      [note.id],
    );
    expect(history.map((r) => r.value)).toEqual(['v1', 'v2']);
  });

  it('keeps a separate sequence per client device id', async () => {
    await a.push([a.create({ body: 'a1' })]);
    expect((await b.push([b.create({ body: 'b1' })])).body).toMatchObject({ appliedThrough: 1, version: 2 });
  });

  it('answers an empty push with the current state', async () => {
    await a.push([a.create()]);
    expect((await b.push([])).body).toEqual({
      appliedThrough: 0,
      rejected: [],
      serverTime: h.time,
      version: 1,
    });
  });
});

describe('a failure halfway through a push', () => {
  for (const [where, pattern] of [
    ['writing history (after the notes)', /INSERT INTO note_history/],
    ['saving the device cursor (last write)', /INSERT INTO mutation_cursors/],
  ] as const) {
    it(`applies nothing when it fails while ${where}, and the retry applies everything`, async () => {
      const kept = a.create({ body: 'kept' });
      await a.push([kept]);
      await b.pullAll();
      const before = await state(b);
      let armed = true;
      const faulty = new Harness(failingOn(db.sql, pattern, () => armed));
      const device = a.via(faulty);
      const push = [
        { mutationId: 2, note: b.edit(kept, { body: 'changed by the failed push' }) },
        { mutationId: 3, note: a.create({ body: 'new in the failed push' }) },
      ];
      const failed = await device.push(push);
      expect(failed.status).toBe(500);
      expect(failed.body).toEqual({ error: 'internal server error' });
      expect(await state(b)).toEqual(before);
      const [cursor] = await db.sql.query<{ last: number }>(
        'SELECT last_mutation_id AS last FROM mutation_cursors WHERE user_id = $1 AND client_device_id = $2',
        [userId, 'dev-a'],
      );
      expect(cursor?.last).toBe(1);
      expect(faulty.logs.filter((l) => l.level === 'error').map((l) => l.msg)).toEqual([
        'request failed',
        'request',
      ]);

      armed = false;
      expect((await device.push(push)).body).toMatchObject({ appliedThrough: 3, version: 3 });
      expect((await state(b)).notes.map((n) => n[1])).toEqual([
        'changed by the failed push',
        'new in the failed push',
      ]);
    });
  }
});
