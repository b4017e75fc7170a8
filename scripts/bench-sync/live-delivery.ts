/**
 * `npm run bench:sync -- --mode=live`: how long the live channel (docs/live-sync.md) takes to tell a user's
 * other devices about a push. 50 simulated devices (10 users of 5 by default) each open /v1/live on the real
 * server and authenticate; then pushes one at a time from a random device, and every other device of that
 * user times the `changed` message that names the push's version, from the moment the push was sent (so the
 * push's own transaction is included). Runs on PGlite, and on PostgreSQL (through LISTEN/NOTIFY's own path
 * in-process) when one is available.
 */
import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import { enrolDevice } from '../../src/server/accounts/enrol';
import { createUser, issueCode } from '../../src/server/accounts/users';
import { tickHlc } from '../../src/shared/notes/hlc';
import { NOTE_FIELDS, type NoteField } from '../../src/shared/notes/note-types';
import { LIVE_PATH, type LiveServerMessage } from '../../src/shared/sync/live-wire';
import type { PushReply, SyncNote } from '../../src/shared/sync/wire';
import type { BenchServer } from './databases';
import { percentile } from './stats';

export interface LiveBenchOptions {
  devices: number;
  perUser: number;
  pushes: number;
}

export interface LiveBenchResult {
  database: string;
  devices: number;
  deliveries: number;
  missed: number;
  samples: number[];
}

interface SimDevice {
  userIndex: number;
  token: string;
  clientId: string;
  hlc?: string;
  mutationId: number;
  ws: WebSocket;
  /** Resolvers waiting for a version. */
  waiting: Map<number, (at: number) => void>;
  /** When each `changed` version arrived, for messages that beat the push's reply. */
  seen: Map<number, number>;
}

async function openDevice(url: string, token: string, userIndex: number): Promise<SimDevice> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}${LIVE_PATH}`);
  const d: SimDevice = {
    userIndex,
    token,
    clientId: randomUUID(),
    mutationId: 0,
    ws,
    waiting: new Map(),
    seen: new Map(),
  };
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () => ws.send(JSON.stringify({ type: 'auth', token })));
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as LiveServerMessage;
      if (m.type === 'ready') resolve();
      if (m.type !== 'changed') return;
      const at = performance.now();
      d.seen.set(m.version, at);
      for (const [version, done] of d.waiting)
        if (m.version >= version) {
          d.waiting.delete(version);
          done(at);
        }
    });
    ws.once('close', (code) => reject(new Error(`live socket closed (${code})`)));
  });
  return d;
}

function note(d: SimDevice): SyncNote {
  d.hlc = tickHlc(d.hlc, Date.now(), d.clientId);
  const id = randomUUID();
  const now = Date.now();
  return {
    id,
    url: `https://example.com/${id}`,
    pageKey: `https://example.com/${id}`,
    title: 'Bench',
    createdAt: now,
    updatedAt: now,
    fields: { body: 'live', color: 'yellow', tags: [], anchor: null, deleted: false },
    clocks: Object.fromEntries(NOTE_FIELDS.map((f) => [f, d.hlc])) as Record<NoteField, string>,
    deviceId: d.clientId,
  };
}

/** Runs the measurement on one started server. */
export async function runLiveBench(
  database: string,
  { server }: BenchServer,
  o: LiveBenchOptions,
): Promise<LiveBenchResult> {
  const devices: SimDevice[] = [];
  const now = Date.now();
  for (let u = 0; devices.length < o.devices; u++) {
    const user = await createUser(server.sql, `live-${u}-${randomUUID().slice(0, 8)}`, now);
    for (let i = 0; i < o.perUser && devices.length < o.devices; i++) {
      const code = i === 0 ? user.code : (await issueCode(server.sql, user.id, now)).code;
      const enrolled = await enrolDevice(server.sql, code, 'bench', now);
      if (!enrolled) throw new Error('enrolment failed');
      devices.push(await openDevice(server.url, enrolled.token, u));
    }
  }
  const samples: number[] = [];
  let missed = 0;
  try {
    for (let p = 0; p < o.pushes; p++) {
      const from = devices[Math.floor(Math.random() * devices.length)]!;
      const others = devices.filter((d) => d !== from && d.userIndex === from.userIndex);
      from.mutationId += 1;
      const sent = performance.now();
      const response = await fetch(`${server.url}/v1/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${from.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          deviceId: from.clientId,
          mutations: [{ mutationId: from.mutationId, note: note(from) }],
        }),
      });
      if (!response.ok) throw new Error(`push answered HTTP ${response.status}`);
      const { version } = (await response.json()) as PushReply;
      const arrivals = await Promise.all(
        others.map(
          (d) =>
            new Promise<number | undefined>((resolve) => {
              const early = d.seen.get(version);
              if (early !== undefined) return resolve(early);
              const timer = setTimeout(() => {
                d.waiting.delete(version);
                resolve(undefined);
              }, 5_000);
              d.waiting.set(version, (at) => {
                clearTimeout(timer);
                resolve(at);
              });
            }),
        ),
      );
      for (const at of arrivals) {
        if (at === undefined) missed += 1;
        else samples.push(at - sent);
      }
    }
  } finally {
    for (const d of devices) d.ws.terminate();
  }
  return { database, devices: devices.length, deliveries: samples.length, missed, samples };
}

/** The printed table. */
export function liveTable(results: readonly LiveBenchResult[]): string {
  const rows = results.map((r) =>
    [
      r.database,
      String(r.devices),
      String(r.deliveries),
      String(r.missed),
      percentile(r.samples, 50).toFixed(1),
      percentile(r.samples, 99).toFixed(1),
      Math.max(...r.samples).toFixed(1),
    ].join(' | '),
  );
  return [
    'database | devices | deliveries | missed | p50 ms | p99 ms | max ms',
    '--- | --- | --- | --- | --- | --- | ---',
    ...rows,
  ].join('\n');
}
