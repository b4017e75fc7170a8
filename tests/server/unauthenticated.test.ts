/**
 * What a stranger can make the server do without a token (issue 10, items 5 and 6): a flood of made-up
 * tokens from one address is refused with 429 before the database is asked, while devices that
 * authenticated keep working; an enrolment body is small; behind a trusted proxy each client has its own
 * bucket, spoofed X-Forwarded-For hops count for nothing, IPv6 clients share their /64, and enrolment as a
 * whole is capped. Addresses are given the way @hono/node-server gives them (`env.incoming.socket`).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../src/server/db/sql';
import { type AppOptions, ENROL_BODY_BYTES } from '../../src/server/http/app';
import { parseTrustedProxies } from '../../src/server/http/client-address';
import { Harness } from './helpers/harness';
import { openTestDb, type TestDb } from './helpers/test-db';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.drop());

/** `sql`, counting the statements run through it. */
function counting(sql: Sql): Sql & { count: number } {
  const counted: Sql & { count: number } = {
    kind: sql.kind,
    count: 0,
    query(text, params) {
      counted.count += 1;
      return sql.query(text, params);
    },
    transaction(fn) {
      counted.count += 1;
      return sql.transaction(fn);
    },
    close: () => sql.close(),
  };
  return counted;
}

const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
const randomToken = () => randomBytes(32).toString('base64url');

function harness(sql: Sql, options: Partial<AppOptions> = {}): Harness {
  return new Harness(sql, { rateLimit: {}, ...options });
}

async function pullAs(h: Harness, address: string, token: string, forwardedFor?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  return h.app.request('/v1/pull?since=0', { headers }, from(address));
}

async function enrolAs(h: Harness, address: string, forwardedFor?: string, body?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  const init = { method: 'POST', headers, body: body ?? JSON.stringify({ code: 'AAAAA-AAAAA' }) };
  return h.app.request('/v1/enrol', init, from(address));
}

describe('failed authentication', () => {
  it('refuses a random-token flood from one address with 429, without a database lookup', async () => {
    const sql = counting(db.sql);
    const h = harness(sql, { rateLimit: { authFailures: { perMinute: 10, burst: 5 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) statuses.push((await pullAs(h, '198.51.100.7', randomToken())).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]));
    expect(sql.count).toBe(5);
    const refused = await pullAs(h, '198.51.100.7', randomToken());
    expect(refused.headers.get('retry-after')).toBe('6'); // 10 a minute: one try every 6 s
    expect(await refused.json()).toEqual({ error: 'too many failed authentications from this address' });
    // Malformed tokens count as failures too; another address is not affected.
    expect((await pullAs(h, '198.51.100.8', 'short')).status).toBe(401);
    expect((await pullAs(h, '198.51.100.8', randomToken())).status).toBe(401);
    // The bucket refills: one more try after 6 s.
    h.time += 6_000;
    expect((await pullAs(h, '198.51.100.7', randomToken())).status).toBe(401);
    expect((await pullAs(h, '198.51.100.7', randomToken())).status).toBe(429);
  });

  it('lets a device that authenticated keep syncing while its address is refused', async () => {
    const h = harness(db.sql, { rateLimit: { authFailures: { perMinute: 1, burst: 2 } } });
    const user = await h.user();
    const device = await user.device('dev-nat');
    const shared = '203.0.113.9';
    expect((await pullAs(h, shared, device.token)).status).toBe(200);
    for (let i = 0; i < 3; i++) await pullAs(h, shared, randomToken());
    expect((await pullAs(h, shared, randomToken())).status).toBe(429);
    expect((await pullAs(h, shared, device.token)).status).toBe(200);
  });
});

describe('enrolment', () => {
  it('reads at most a couple of kilobytes of an enrolment body', async () => {
    const h = harness(db.sql);
    const padded = `{"code": "AAAAA-AAAAA", "deviceName": "Laptop"${' '.repeat(ENROL_BODY_BYTES)}}`;
    const reply = await enrolAs(h, '192.0.2.1', undefined, padded);
    expect([reply.status, await reply.json()]).toEqual([
      413,
      { error: `request body over ${ENROL_BODY_BYTES} bytes` },
    ]);
    // The longest valid body, every character escaped, still fits.
    const escaped = (text: string) =>
      [...text].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    const longest = `{"code":"${escaped('A'.repeat(64))}","deviceName":"${escaped('\u00e9'.repeat(100))}"}`;
    expect(longest.length).toBeLessThan(ENROL_BODY_BYTES);
    expect((await enrolAs(h, '192.0.2.1', undefined, longest)).status).toBe(401);
  });

  it('caps enrolment attempts from all addresses together', async () => {
    const h = harness(db.sql, { rateLimit: { enrolGlobal: { perMinute: 6, burst: 3 } } });
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) statuses.push((await enrolAs(h, `192.0.2.${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const refused = await enrolAs(h, '192.0.2.99');
    expect(refused.headers.get('retry-after')).toBe('10');
    h.time += 10_000;
    expect((await enrolAs(h, '192.0.2.99')).status).toBe(401);
  });
});

describe('client addresses', () => {
  /** Enrolment statuses from each of `clients`, 3 attempts allowed per address. */
  async function tries(h: Harness, clients: [address: string, forwardedFor?: string][]) {
    const statuses: number[] = [];
    for (const [address, forwardedFor] of clients)
      statuses.push((await enrolAs(h, address, forwardedFor)).status);
    return statuses;
  }
  const perAddress = { enrol: { perMinute: 1, burst: 2 } };

  it('ignores X-Forwarded-For unless the socket is a trusted proxy', async () => {
    const h = harness(db.sql, { rateLimit: perAddress });
    expect(
      await tries(h, [
        ['10.0.0.2', '192.0.2.1'],
        ['10.0.0.2', '192.0.2.2'],
        ['10.0.0.2', '192.0.2.3'],
      ]),
    ).toEqual([401, 401, 429]);
  });

  it('behind a trusted proxy, gives each client its own bucket and disbelieves spoofed hops', async () => {
    const trustProxy = parseTrustedProxies(['10.0.0.2', '172.16.0.0/12']);
    const h = harness(db.sql, { rateLimit: perAddress, trustProxy });
    expect(
      await tries(h, [
        ['10.0.0.2', '192.0.2.1'],
        ['10.0.0.2', '1.1.1.1, 192.0.2.1'], // the client made up 1.1.1.1
        ['10.0.0.2', '2.2.2.2, 192.0.2.1'],
        ['10.0.0.2', '192.0.2.2, 172.16.5.5'], // two trusted proxies in a row
        ['::ffff:10.0.0.2', '192.0.2.2'], // the proxy on a dual-stack socket
        ['10.0.0.2', '192.0.2.2'],
        ['10.0.0.3', '192.0.2.3'], // not a trusted proxy: it is the client
        ['10.0.0.3', '192.0.2.4'],
        ['10.0.0.3', '192.0.2.5'],
      ]),
    ).toEqual([401, 401, 429, 401, 401, 429, 401, 401, 429]);
  });

  it('puts the addresses of one IPv6 /64 in one bucket', async () => {
    const h = harness(db.sql, { rateLimit: perAddress });
    expect(
      await tries(h, [
        ['2001:db8:1:2::1'],
        ['2001:db8:1:2:aaaa:bbbb:cccc:dddd'],
        ['2001:0db8:0001:0002::ffff'],
        ['2001:db8:1:3::1'], // the next /64
        ['::1'],
      ]),
    ).toEqual([401, 401, 429, 401, 401]);
  });

  it('refuses a TRUST_PROXY entry that is not an address or subnet', () => {
    expect(() => parseTrustedProxies(['10.0.0.2', 'proxy.local'])).toThrow(/proxy\.local/);
    expect(() => parseTrustedProxies(['10.0.0.0/33'])).toThrow(/10\.0\.0\.0\/33/);
  });
});
