/**
 * Accounts: enrolment codes work once and expire, tokens are stored only as hashes, and a revoked token is
 * refused at once without changing anything (../shared/docs/sync.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceLabel } from '../../src/server/accounts/device-label';
import { CODE_TTL_MS, hashSecret } from '../../src/server/accounts/secrets';
import {
  createUser,
  findUser,
  issueCode,
  listDevices,
  listUsers,
  revokeDevice,
} from '../../src/server/accounts/users';
import { Harness } from './helpers/harness';
import { openTestDb, type TestDb } from './helpers/test-db';

let db: TestDb;
let h: Harness;

beforeAll(async () => {
  db = await openTestDb();
  h = new Harness(db.sql);
});
afterAll(() => db.drop());

describe('enrolment codes', () => {
  it('are ten unambiguous characters in two groups, and trade once for a token', async () => {
    const user = await createUser(db.sql, 'ada', h.time);
    expect(user.code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect(user.expiresAt).toBe(h.time + 24 * 60 * 60 * 1000);
    const first = await h.enrol(user.code, 'Laptop');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), userId: user.id });
    const again = await h.enrol(user.code, 'Phone');
    expect(again).toMatchObject({
      status: 401,
      body: { error: 'this enrolment code is unknown, used or expired' },
    });
    // Only the hash of the token is stored.
    const [device] = await db.sql.query<{ token_hash: string; name: string }>(
      'SELECT token_hash, name FROM devices WHERE user_id = $1',
      [user.id],
    );
    expect(device).toEqual({ token_hash: hashSecret(first.body.token!), name: 'Laptop' });
  });

  it('accept lower case and spaces, and refuse wrong codes', async () => {
    const user = await createUser(db.sql, 'grace', h.time);
    for (const wrong of [
      '',
      'AAAAA-AAAAA',
      'not a code at all',
      user.code.replace(/.$/, (c) => (c === '2' ? '3' : '2')),
    ])
      expect((await h.enrol(wrong || ' ')).status).toBe(401);
    expect((await h.enrol(user.code.toLowerCase().replace('-', ' '))).status).toBe(200);
  });

  it('expire after 24 hours', async () => {
    const user = await createUser(db.sql, 'edsger', h.time);
    const second = await issueCode(db.sql, user.id, h.time);
    h.time += CODE_TTL_MS - 1;
    expect((await h.enrol(user.code)).status).toBe(200);
    h.time += 1;
    expect((await h.enrol(second.code)).status).toBe(401);
  });

  it('let only one of two simultaneous enrolments with one code in', async () => {
    const user = await createUser(db.sql, 'barbara', h.time);
    const replies = await Promise.all([h.enrol(user.code, 'one'), h.enrol(user.code, 'two')]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 401]);
    expect(await listDevices(db.sql, user.id)).toHaveLength(1);
  });

  it('refuse an empty device name and a taken user name', async () => {
    const user = await createUser(db.sql, 'donald', h.time);
    expect(await h.enrol(user.code, '   ')).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/deviceName: device name is empty/) },
    });
    expect((await h.enrol(user.code, 'nul\u0000name')).status).toBe(400);
    await expect(createUser(db.sql, ' donald ', h.time)).rejects.toThrow(
      'there is already a user named "donald"',
    );
    await expect(createUser(db.sql, '  ', h.time)).rejects.toThrow(/1 to 100 characters/);
  });
});

describe('device names', () => {
  const enrolAs = async (name: string | undefined) => {
    const user = await createUser(db.sql, `named-${Math.random().toString(36).slice(2, 10)}`, h.time);
    const reply = await h.request('/v1/enrol', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: user.code, ...(name === undefined ? {} : { deviceName: name }) }),
    });
    return { reply, devices: await listDevices(db.sql, user.id) };
  };

  it('are stored with their white space tidied, and listed with the date they were added', async () => {
    const { reply, devices } = await enrolAs('  Chrome 156\ton \u2028 Linux\n');
    expect(reply.status).toBe(200);
    expect(devices.map((d) => d.name)).toEqual(['Chrome 156 on Linux']);
    const options = { locale: 'en-GB', timeZone: 'UTC' };
    expect(
      deviceLabel({ name: 'Chrome 156 on Linux', createdAt: Date.UTC(2026, 11, 4, 14, 5) }, options),
    ).toBe('Chrome 156 on Linux, added 4 Dec 2026, 14:05');
  });

  it('may be left out by a client, which is then listed as an unnamed device', async () => {
    const { reply, devices } = await enrolAs(undefined);
    expect(reply.status).toBe(200);
    expect(devices.map((d) => d.name)).toEqual(['']);
    expect(deviceLabel(devices[0]!, { locale: 'en-GB', timeZone: 'UTC' })).toMatch(
      /^Unnamed device, added \d{1,2} [A-Z][a-z]+ \d{4}, \d{1,2}:\d\d$/,
    );
  });

  it('refuse control, line-separator and bidirectional characters, and more than 100 characters', async () => {
    for (const name of ['bell\u0007', 'next\u0085line', 'evil\u202eoC', 'x'.repeat(101), '\u00a0 '])
      expect((await enrolAs(name)).reply, JSON.stringify(name)).toMatchObject({
        status: 400,
        body: { error: expect.stringMatching(/^invalid request: deviceName/) },
      });
    expect((await enrolAs('Firefox 140 on Windows, 日本語 ✓')).reply.status).toBe(200);
  });
});

describe('devices', () => {
  it('are listed, and a revoked one is refused at once while its notes stay', async () => {
    const user = await h.user('revokee');
    const laptop = await user.device('dev-laptop');
    const phone = await user.device('dev-phone');
    await laptop.push([laptop.create({ body: 'kept' })]);
    h.time += 5000;
    const [first, second] = await listDevices(db.sql, user.id);
    expect([first?.name, first?.lastPushAt, second?.name, second?.lastPushAt]).toEqual([
      'browser dev-laptop',
      h.time - 5000,
      'browser dev-phone',
      null,
    ]);
    expect(await revokeDevice(db.sql, first!.id, h.time)).toBe(true);
    expect(await revokeDevice(db.sql, first!.id, h.time)).toBe(false);
    expect(await revokeDevice(db.sql, 'no-such-device', h.time)).toBe(false);

    const refused = await laptop.push([laptop.create({ body: 'after revocation' })]);
    expect(refused).toMatchObject({
      status: 401,
      body: { error: 'this device token is unknown or has been revoked' },
    });
    expect((await laptop.pull()).status).toBe(401);
    const { notes, version } = await phone.pullAll();
    expect([[...notes.values()].map((n) => n.fields.body), version]).toEqual([['kept'], 1]);
    expect((await listDevices(db.sql, user.id))[0]?.revokedAt).toBe(h.time);
  });

  it('are found by user name or id, and counted per user', async () => {
    const user = await h.user('findme');
    await user.device('dev-x');
    expect(await findUser(db.sql, 'findme')).toEqual({ id: user.id, name: 'findme', version: 0 });
    expect((await findUser(db.sql, user.id))?.name).toBe('findme');
    expect(await findUser(db.sql, 'nobody')).toBeNull();
    expect((await listUsers(db.sql)).find((u) => u.id === user.id)).toMatchObject({ devices: 1, notes: 0 });
  });
});
