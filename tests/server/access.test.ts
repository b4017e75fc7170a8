/**
 * Who gets in and how often: tokens (401), user isolation, rate limits (429 with Retry-After), CORS for
 * extension origins only, health, and request logs that never carry a token or a note's content.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/server/db/pglite';
import type { TestDevice } from './helpers/device';
import { Harness } from './helpers/harness';
import { DB_KIND, openTestDb, type TestDb } from './helpers/test-db';

let db: TestDb;
let h: Harness;
let a: TestDevice;

beforeAll(async () => {
  db = await openTestDb();
  h = new Harness(db.sql);
  a = await (await h.user('access-user')).device('dev-a');
});
afterAll(() => db.drop());

const CHROME = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const FIREFOX = 'moz-extension://0b6f5a52-3f7e-4c4a-9d55-2b0e7b9d1c11';

describe('authentication and isolation', () => {
  it('answers 401 with a JSON error for a missing, malformed or unknown token', async () => {
    for (const authorization of [undefined, 'Basic abc', 'Bearer short', `Bearer ${'A'.repeat(43)}`]) {
      const reply = await h.request<{ error: string }>('/v1/pull', {
        headers: authorization ? { authorization } : {},
      });
      expect(reply.status).toBe(401);
      expect(reply.body.error).toMatch(/token/);
    }
  });

  it('keeps users apart, even when their note ids collide', async () => {
    const b = await (await h.user('other-user')).device('dev-b');
    const mine = a.create({ body: 'private to a' });
    await a.push([mine]);
    const theirs = { ...b.create({ body: 'private to b' }), id: mine.id };
    expect((await b.push([theirs])).body).toMatchObject({ appliedThrough: 1, version: 1 });
    expect([...(await a.pullAll()).notes.values()].map((n) => n.fields.body)).toEqual(['private to a']);
    expect([...(await b.pullAll()).notes.values()].map((n) => n.fields.body)).toEqual(['private to b']);
  });
});

describe('rate limits', () => {
  it('gives each token a burst, then 429 with Retry-After, refilling over time', async () => {
    const limited = new Harness(db.sql, {
      rateLimit: { token: { perMinute: 60, burst: 3 }, enrol: { perMinute: 2, burst: 2 } },
    });
    const user = await limited.user();
    const d1 = await user.device('dev-1');
    const d2 = await user.device('dev-2');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await d1.pull()).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await d1.pull();
    expect([refused.status, refused.headers.get('retry-after'), refused.body.error]).toEqual([
      429,
      '1',
      'too many requests',
    ]);
    expect((await d2.pull()).status).toBe(200); // another token has its own bucket
    limited.time += 1000;
    expect((await d1.pull()).status).toBe(200);
    expect((await d1.pull()).status).toBe(429);
    // Enrolment: two attempts (the devices above, a second ago), then refused before the code is looked
    // at, until the bucket has refilled one attempt (2 a minute: 30 s each, 1 s of it already gone).
    const third = await limited.enrol('AAAAA-AAAAA');
    expect([third.status, third.headers.get('retry-after')]).toEqual([429, '29']);
    limited.time += 29_000;
    expect((await limited.enrol('AAAAA-AAAAA')).status).toBe(401);
  });
});

describe('CORS', () => {
  for (const origin of [CHROME, FIREFOX])
    it(`answers a preflight from ${origin.split(':')[0]}`, async () => {
      const res = await h.app.request('/v1/push', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toBe(
        'authorization,content-type',
      );
      expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    });

  it('lets the extension read errors too', async () => {
    const res = await h.app.request('/v1/pull', { headers: { origin: CHROME } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe(CHROME);
  });

  it('refuses web pages, preflight or not', async () => {
    for (const origin of ['https://evil.example', 'chrome-extension://short', 'null']) {
      const preflight = await h.app.request('/v1/push', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(403);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      const enrol = await h.app.request('/v1/enrol', {
        method: 'POST',
        headers: { origin, 'content-type': 'text/plain' },
        body: '{}',
      });
      expect(enrol.status).toBe(403);
    }
  });
});

describe('health and logs', () => {
  it('reports the database, and 503 when it does not answer', async () => {
    expect(await h.request('/v1/health')).toMatchObject({
      status: 200,
      body: { ok: true, database: DB_KIND },
    });
    const gone = await openPglite();
    await gone.close();
    const down = new Harness(gone);
    expect(await down.request('/v1/health')).toMatchObject({
      status: 503,
      body: { ok: false, database: 'pglite' },
    });
    expect(await h.request('/v1/nowhere')).toMatchObject({ status: 404, body: { error: 'no such route' } });
  });

  it('writes one line per request with the user, and never a token or note content', async () => {
    const logged = new Harness(db.sql);
    const user = await logged.user();
    const d = await user.device('dev-log');
    await d.push([d.create({ body: 'SECRET-NOTE-TEXT' })]);
    await d.pull();
    const requests = logged.logs.filter((l) => l.msg === 'request');
    expect(requests.map(({ ms: _ms, ...l }) => l)).toEqual([
      { level: 'info', msg: 'request', method: 'POST', path: '/v1/enrol', status: 200 },
      { level: 'info', msg: 'request', method: 'POST', path: '/v1/push', status: 200, userId: user.id },
      { level: 'info', msg: 'request', method: 'GET', path: '/v1/pull', status: 200, userId: user.id },
    ]);
    expect(requests.every((l) => typeof l.ms === 'number')).toBe(true);
    const text = JSON.stringify(logged.logs);
    expect(text).not.toContain(d.token);
    expect(text).not.toContain('SECRET-NOTE-TEXT');
    expect(text).not.toContain('since=');
  });
});
