/**
 * `npm run bench:sync`: many simulated devices syncing thousands of notes through one sync server, first on
 * PGlite, then on PostgreSQL, each behind a real HTTP server on 127.0.0.1 (see workload.ts for the load and
 * the check, device.ts for what a device does).
 *
 * Options: --devices=N (default 50), --per-user=N devices per user (10), --notes=N created in all (6000),
 * --rounds=N (24), --edits=X edits and deletions per note created (2), --only=pglite|postgres, --seed=N,
 * --clients=thin|engine (thin: protocol-only clients, so the server is measured; engine: the extension's
 * SyncEngine per device on fake-indexeddb, which checks the client at scale but is bound by the clients' CPU;
 * see device.ts).
 * Modes (PostgreSQL only): --mode=processes [--processes=3] runs the same load through several server
 * processes with requests routed at random (many-processes.ts); --mode=fairness [--busy=20] [--pulls=300]
 * measures another user's pulls while one user's devices push flat out (fairness.ts).
 * --mode=live [--pushes=200] (PGlite, and PostgreSQL when found): live-channel delivery p50/p99 to the
 * pushing user's other devices, --devices (50) of --per-user (5) each holding a socket (live-delivery.ts).
 *
 * Prints one table row per database and "N lost, N diverging"; exits 1 if anything was lost or diverges or
 * the bench itself failed. PostgreSQL comes from scripts/ensure-postgres.sh (or GLOSS_TEST_DATABASE_URL);
 * without one that half is skipped with a line saying why.
 *
 * The devices run in this process, beside the server: on two cores they take CPU from it, so the figures
 * are what one machine does while also playing fifty clients.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BenchServer,
  findPostgres,
  PostgresUnavailable,
  startOnPglite,
  startOnPostgres,
} from './databases';
import { fairnessTable, runFairness } from './fairness';
import { liveTable, runLiveBench } from './live-delivery';
import { runOnProcesses } from './many-processes';
import { type RunResult, resultTable } from './stats';
import { type LoadOptions, runLoad } from './workload';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function option(name: string): string | undefined {
  const arg = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return arg === undefined ? undefined : (arg.split('=')[1] ?? '');
}

function numberOption(name: string, fallback: number, min: number): number {
  const text = option(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min)
    throw new Error(`--${name}=${text}: expected a number >= ${min}`);
  return value;
}

const log = (msg: string): void => {
  process.stderr.write(`bench-sync: ${msg}\n`);
};

async function runOn(
  database: string,
  start: () => Promise<BenchServer>,
  load: LoadOptions,
): Promise<RunResult> {
  const { server, dispose } = await start();
  try {
    log(
      `${database}: server at ${server.url}; ${load.devices} devices, ${load.notes} notes, ${load.rounds} rounds`,
    );
    const result = await runLoad(database, server, load);
    log(
      `${database}: done in ${(result.totalMs / 1000).toFixed(1)} s; ${result.lost} lost, ${result.diverging} diverging`,
    );
    return result;
  } finally {
    await dispose();
  }
}

/** The PostgreSQL-only modes: several processes, or cross-user fairness. */
async function runPostgresMode(
  mode: 'processes' | 'fairness',
  load: LoadOptions,
  started: number,
): Promise<number> {
  const found = findPostgres(root);
  if (!('url' in found)) {
    console.log(`--mode=${mode}: SKIPPED, no PostgreSQL to run on (${found.problem})`);
    return 0;
  }
  const date = new Date().toISOString().slice(0, 10);
  if (mode === 'fairness') {
    const o = {
      busyDevices: Math.floor(numberOption('busy', 20, 1)),
      pulls: Math.floor(numberOption('pulls', 300, 10)),
    };
    const result = await runFairness(found.url, o);
    console.log(`Sync bench, ${date}: cross-user fairness on PostgreSQL (one process, pool of 10)\n`);
    console.log(fairnessTable(result, o));
  } else {
    const count = Math.floor(numberOption('processes', 3, 1));
    const result = await runOnProcesses(found.url, count, load);
    console.log(
      `Sync bench, ${date}: ${load.devices} devices (${load.devicesPerUser} per user), ${load.rounds} rounds, ${count} server processes, requests routed at random\n`,
    );
    console.log(resultTable([result]));
    console.log(`\n${result.lost} lost, ${result.diverging} diverging`);
    if (result.lost || result.diverging) return 1;
  }
  console.log(`The whole run took ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}

/** Live-channel delivery times on PGlite, then PostgreSQL when there is one. */
async function runLiveMode(devices: number, started: number): Promise<number> {
  const o = {
    devices,
    perUser: Math.floor(numberOption('per-user', 5, 2)),
    pushes: Math.floor(numberOption('pushes', 200, 1)),
  };
  const results = [];
  for (const [name, start] of [
    ['PGlite', startOnPglite],
    ['PostgreSQL', () => startOnPostgresIfFound()],
  ] as const) {
    const server = await start().catch((e: Error) => e);
    if (server instanceof Error || server === undefined) {
      console.log(`${name}: SKIPPED (${server?.message ?? 'no PostgreSQL found'})`);
      continue;
    }
    try {
      results.push(await runLiveBench(name, server, o));
    } finally {
      await server.dispose();
    }
  }
  const date = new Date().toISOString().slice(0, 10);
  console.log(
    `Sync bench, ${date}: live delivery, ${o.devices} devices (${o.perUser} per user), ${o.pushes} pushes`,
  );
  console.log('(from sending a push to each of the user\'s other devices receiving "changed")\n');
  console.log(liveTable(results));
  console.log(`The whole run took ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return results.every((r) => r.missed === 0) ? 0 : 1;
}

async function startOnPostgresIfFound(): Promise<BenchServer | undefined> {
  const found = findPostgres(root);
  return 'url' in found ? startOnPostgres(found.url) : undefined;
}

function clientsOption(): 'thin' | 'engine' {
  const clients = option('clients') ?? 'thin';
  if (clients !== 'thin' && clients !== 'engine')
    throw new Error(`--clients=${clients}: expected thin or engine`);
  return clients;
}

async function main(): Promise<number> {
  const started = performance.now();
  const load: LoadOptions = {
    devices: Math.floor(numberOption('devices', 50, 1)),
    devicesPerUser: Math.floor(numberOption('per-user', 10, 1)),
    notes: Math.floor(numberOption('notes', 6000, 0)),
    rounds: Math.floor(numberOption('rounds', 24, 1)),
    editsPerNote: numberOption('edits', 2, 0),
    pages: 40,
    seed: Math.floor(numberOption('seed', 1, 0)),
    clients: clientsOption(),
  };
  const only = option('only');
  const mode = option('mode');
  if (mode === 'live') return runLiveMode(load.devices, started);
  if (mode !== undefined && mode !== 'processes' && mode !== 'fairness')
    throw new Error(`--mode=${mode}: expected processes, fairness or live`);
  if (mode) return runPostgresMode(mode, load, started);
  if (only !== undefined && only !== 'pglite' && only !== 'postgres')
    throw new Error(`--only=${only}: expected pglite or postgres`);

  const results: RunResult[] = [];
  const skipped: string[] = [];
  if (only !== 'postgres') results.push(await runOn('PGlite', startOnPglite, load));
  if (only !== 'pglite') {
    const found = findPostgres(root);
    const skip = (problem: string) =>
      skipped.push(`PostgreSQL: SKIPPED, no PostgreSQL to run on (${problem})`);
    if (!('url' in found)) skip(found.problem);
    else {
      try {
        results.push(await runOn('PostgreSQL', () => startOnPostgres(found.url), load));
      } catch (error) {
        if (!(error instanceof PostgresUnavailable)) throw error;
        skip(error.message);
      }
    }
  }

  const date = new Date().toISOString().slice(0, 10);
  console.log(
    `Sync bench, ${date}: ${load.devices} devices (${load.devicesPerUser} per user), ${load.rounds} rounds, ${load.editsPerNote} edits or deletions per note${load.clients === 'engine' ? ", the extension's SyncEngine per device" : ''}`,
  );
  console.log('');
  console.log(resultTable(results));
  for (const line of skipped) console.log(line);
  const lost = results.reduce((n, r) => n + r.lost, 0);
  const diverging = results.reduce((n, r) => n + r.diverging, 0);
  console.log('');
  console.log(`${lost} lost, ${diverging} diverging`);
  console.log(`The whole run took ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return lost === 0 && diverging === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    log(`failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
