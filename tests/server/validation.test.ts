/**
 * Every request body validated before anything is applied: 400 with a message naming the field and the
 * problem, 415 for anything but JSON, and 413 past the size limit whether or not a length is declared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTE_LIMITS } from '../../src/shared/notes/note-types';
import { SYNC_LIMITS } from '../../src/shared/sync/wire';
import type { TestDevice } from './helpers/device';
import { Harness } from './helpers/harness';
import { openTestDb, type TestDb } from './helpers/test-db';

let db: TestDb;
let h: Harness;
let a: TestDevice;

beforeAll(async () => {
  db = await openTestDb();
  h = new Harness(db.sql);
  a = await (await h.user('validation-user')).device('dev-a');
});
afterAll(() => db.drop());

describe('validation', () => {
  const cases: Array<[string, (n: ReturnType<TestDevice['create']>) => unknown, RegExp]> = [
    [
      'an unknown colour',
      (n) => ({ ...n, fields: { ...n.fields, color: 'red' } }),
      /mutations\.0\.note\.fields\.color/,
    ],
    [
      'a body over the limit',
      (n) => ({ ...n, fields: { ...n.fields, body: 'x'.repeat(NOTE_LIMITS.body + 1) } }),
      /fields\.body/,
    ],
    [
      'too many tags',
      (n) => ({
        ...n,
        fields: { ...n.fields, tags: Array.from({ length: NOTE_LIMITS.tags + 1 }, (_, i) => `t${i}`) },
      }),
      /fields\.tags/,
    ],
    ['an empty tag', (n) => ({ ...n, fields: { ...n.fields, tags: [''] } }), /fields\.tags\.0/],
    [
      'a malformed clock',
      (n) => ({ ...n, clocks: { ...n.clocks, body: '2025-03-01' } }),
      /clocks\.body: malformed HLC/,
    ],
    ['a missing clock', (n) => ({ ...n, clocks: { ...n.clocks, deleted: undefined } }), /clocks\.deleted/],
    ['a note id that is not a UUID', (n) => ({ ...n, id: 'note-1' }), /note\.id/],
    ['an unknown field', (n) => ({ ...n, secret: 1 }), /secret/],
    ['a title over the limit', (n) => ({ ...n, title: 't'.repeat(NOTE_LIMITS.title + 1) }), /note\.title/],
    ['a fractional time', (n) => ({ ...n, createdAt: 1.5 }), /note\.createdAt/],
    // PostgreSQL cannot store these; unrefused, they would be a server error on every retry.
    [
      'a NUL in its body',
      (n) => ({ ...n, fields: { ...n.fields, body: 'a\u0000b' } }),
      /fields\.body: contains U\+0000 or a lone surrogate/,
    ],
    [
      'a lone surrogate in its title',
      (n) => ({ ...n, title: 'broken \ud83d' }),
      /note\.title: contains U\+0000/,
    ],
    [
      'a lone surrogate in a quote',
      (n) => ({
        ...n,
        fields: { ...n.fields, anchor: { quote: { exact: '\udc00x', prefix: '', suffix: '' } } },
      }),
      /anchor\.quote\.exact/,
    ],
  ];
  for (const [what, spoil, message] of cases)
    it(`refuses a note with ${what}`, async () => {
      const reply = await a.pushRaw({
        deviceId: 'dev-a',
        mutations: [{ mutationId: 1, note: spoil(a.create()) }],
      });
      expect(reply.status).toBe(400);
      expect(reply.body.error).toMatch(/^invalid request: /);
      expect(reply.body.error).toMatch(message);
    });

  it('refuses malformed push envelopes', async () => {
    const note = a.create();
    const expectations: Array<[unknown, RegExp]> = [
      [{ mutations: [] }, /deviceId/],
      [{ deviceId: 'dev a', mutations: [] }, /deviceId: malformed device id/],
      [{ deviceId: 'dev-a', mutations: [{ mutationId: 0, note }] }, /mutationId/],
      [
        {
          deviceId: 'dev-a',
          mutations: Array.from({ length: SYNC_LIMITS.mutationsPerPush + 1 }, (_, i) => ({
            mutationId: i + 1,
            note,
          })),
        },
        /at most 500 mutations per push/,
      ],
      ['a string', /^invalid request: body: Invalid type/],
    ];
    for (const [body, message] of expectations) {
      const reply = await a.pushRaw(body);
      expect([reply.status, reply.body.error]).toEqual([400, expect.stringMatching(message)]);
    }
    const notJson = await h.request<{ error: string }>('/v1/push', {
      method: 'POST',
      headers: { ...a.auth(), 'content-type': 'application/json' },
      body: '{"deviceId":',
    });
    expect([notJson.status, notJson.body.error]).toEqual([400, 'the body is not valid JSON']);
    const form = await h.request('/v1/push', {
      method: 'POST',
      headers: { ...a.auth(), 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
    expect((await a.pull()).body).toMatchObject({ version: 0, notes: [] });
  });

  it('refuses bad pull parameters', async () => {
    for (const query of ['since=-1', 'since=abc', 'limit=0', 'since=1&limit=x'])
      expect((await h.request(`/v1/pull?${query}`, { headers: a.auth() })).status).toBe(400);
  });

  it('refuses a body over the limit by its declared length and by the bytes actually sent', async () => {
    const declared = await h.request<{ error: string }>('/v1/push', {
      method: 'POST',
      headers: {
        ...a.auth(),
        'content-type': 'application/json',
        'content-length': String(SYNC_LIMITS.bodyBytes + 1),
      },
      body: '{}',
    });
    expect([declared.status, declared.body.error]).toEqual([
      413,
      `request body over ${SYNC_LIMITS.bodyBytes} bytes`,
    ]);
    // A stream with no declared length and no end: the server must stop reading once past the limit.
    const chunk = new TextEncoder().encode('x'.repeat(1024 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    const chunked = await h.app.request('/v1/push', {
      method: 'POST',
      headers: { ...a.auth(), 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(sent).toBeGreaterThan(SYNC_LIMITS.bodyBytes / chunk.length);
    expect(sent).toBeLessThan(SYNC_LIMITS.bodyBytes / chunk.length + 4);
  });
});
