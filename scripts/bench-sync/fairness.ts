/**
 * `npm run bench:sync -- --mode=fairness`: does one busy user slow another? (issue 10.7, sync/user-queue.ts)
 *
 *   quiet  a second user's device pulls (its 50 notes, from the start) N times in a row, alone
 *   busy   the same pulls while 20 devices of the busy user push batches as fast as they are answered
 *
 * and prints the second user's pull p50 / p99 in both phases and their ratio, measured in the same run on
 * the same server (PostgreSQL, a pool of 10, rate limits off so the busy user is limited by nothing but the
 * server). Without the per-user queue the busy user's pushes held every connection while waiting on its
 * row lock; with it they hold one.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { enrolDevice } from '../../src/server/accounts/enrol';
import { createUser, issueCode } from '../../src/server/accounts/users';
import { migrate } from '../../src/server/db/migrate';
import { openPostgres } from '../../src/server/db/postgres';
import type { Sql } from '../../src/server/db/sql';
import { createApp } from '../../src/server/http/app';
import { withScratchDatabase } from './databases';
import { SimDevice, seededRandom } from './device';
import { Latencies, percentile } from './stats';

export interface FairnessOptions {
  /** Devices of the busy user. */
  busyDevices: number;
  /** Pulls the other user makes in each phase. */
  pulls: number;
}

/** The other user's pull latencies, quiet and busy, and what the busy user got done meanwhile. */
export interface FairnessResult {
  quiet: number[];
  busy: number[];
  busyPushes: number;
}

async function timedPulls(url: string, token: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(`${url}/v1/pull?since=0`, { headers: { authorization: `Bearer ${token}` } });
    await response.text();
    if (!response.ok) throw new Error(`pull answered HTTP ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

async function device(sql: Sql, url: string, userId: string, code: string | undefined, seed: number) {
  const enrolled = await enrolDevice(
    sql,
    code ?? (await issueCode(sql, userId, Date.now())).code,
    'bench',
    Date.now(),
  );
  if (!enrolled) throw new Error('enrolment failed');
  return {
    token: enrolled.token,
    sim: new SimDevice(url, enrolled, seededRandom(seed), new Latencies()),
  };
}

async function measure(sql: Sql, url: string, o: FairnessOptions): Promise<FairnessResult> {
  const now = Date.now();
  const other = await createUser(sql, 'bench-other', now);
  const reader = await device(sql, url, other.id, other.code, 1);
  for (let i = 0; i < 50; i++) await reader.sim.create(10);
  await reader.sim.push();
  const busyUser = await createUser(sql, 'bench-busy', now);
  const writers = [];
  for (let d = 0; d < o.busyDevices; d++)
    writers.push(await device(sql, url, busyUser.id, d === 0 ? busyUser.code : undefined, 100 + d));

  await timedPulls(url, reader.token, 20); // warm-up
  const quiet = await timedPulls(url, reader.token, o.pulls);
  let stop = false;
  let busyPushes = 0;
  const pushing = writers.map(async ({ sim }) => {
    while (!stop) {
      for (let i = 0; i < 5; i++) await sim.create(10);
      await sim.push();
      busyPushes += 1;
    }
  });
  const busy = await timedPulls(url, reader.token, o.pulls);
  stop = true;
  await Promise.all(pushing);
  return { quiet, busy, busyPushes };
}

/** Runs the fairness measurement on a database created in `adminUrl`'s server, dropped afterwards. */
export function runFairness(adminUrl: string, o: FairnessOptions): Promise<FairnessResult> {
  return withScratchDatabase(adminUrl, async (dbUrl) => {
    const sql = await openPostgres(dbUrl);
    await migrate(sql);
    const app = createApp({ sql, rateLimit: false, logger: () => {} });
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    try {
      const { port } = server.address() as AddressInfo;
      return await measure(sql, `http://127.0.0.1:${port}`, o);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sql.close();
    }
  });
}

/** The printed table: the other user's pulls, quiet and busy, and busy ÷ quiet. */
export function fairnessTable(r: FairnessResult, o: FairnessOptions): string {
  const f = (n: number) => n.toFixed(1);
  const [q50, q99, b50, b99] = [
    percentile(r.quiet, 50),
    percentile(r.quiet, 99),
    percentile(r.busy, 50),
    percentile(r.busy, 99),
  ];
  return [
    `| other user's pull (${o.pulls} each) | p50 ms | p99 ms |`,
    '| --- | ---: | ---: |',
    `| quiet | ${f(q50)} | ${f(q99)} |`,
    `| busy: ${o.busyDevices} devices of one user pushing (${r.busyPushes} pushes meanwhile) | ${f(b50)} | ${f(b99)} |`,
    `| busy ÷ quiet | ${(b50 / q50).toFixed(2)}× | ${(b99 / q99).toFixed(2)}× |`,
  ].join('\n');
}
