/**
 * The load one database gets, and the check after it:
 *
 *   enrol  users × devices (codes from the CLI's functions, traded in-process: the HTTP enrol route allows
 *          10 attempts a minute per address, and every simulated device shares 127.0.0.1); with
 *          `--clients=engine` each device's engine then runs its first cycle (one pull)
 *   load   every device at once, round after round: write new notes, edit or delete notes of its user
 *          (its own and those pulled from its other devices), then one sync cycle (push, then pull); so some
 *          push while others pull
 *   drain  every device syncs what is left, then every device syncs again to pull what the others sent
 *   check  per user, the server's stored notes are the reference: every device must hold exactly them
 *          (else it diverges), every note created must be there, and every field value a device wrote must
 *          be there or have lost to a later clock (else it is lost)
 */
import { enrolDevice } from '../../src/server/accounts/enrol';
import { createUser, issueCode } from '../../src/server/accounts/users';
import type { Sql } from '../../src/server/db/sql';
import { canonicalJson } from '../../src/server/sync/losers';
import { compareHlc } from '../../src/shared/notes/hlc';
import type { NoteField } from '../../src/shared/notes/note-types';
import type { SyncNote } from '../../src/shared/sync/wire';
import { type BenchDevice, type Enrolled, SimDevice, seededRandom } from './device';
import { Latencies, type RunResult } from './stats';

/** How much work a run does. */
export interface LoadOptions {
  devices: number;
  devicesPerUser: number;
  /** Notes created in all, spread evenly over devices and rounds. */
  notes: number;
  rounds: number;
  /** Edits and deletions per note created. */
  editsPerNote: number;
  /** Pages the notes are spread over, per user. */
  pages: number;
  seed: number;
  /**
   * `thin` (the default): device.ts's protocol-only clients, light enough that the server is what is
   * measured; `engine`: the extension's own SyncEngine per device on fake-indexeddb (engine-device.ts).
   */
  clients?: 'thin' | 'engine';
}

/** Where the load goes: a server's URL (or a function picking one of several per request) and its database. */
export interface LoadTarget {
  url: string | (() => string);
  sql: Sql;
}

interface User {
  id: string;
  devices: BenchDevice[];
}

async function newDevice(
  url: LoadTarget['url'],
  enrolled: Enrolled,
  seed: number,
  o: LoadOptions,
  latencies: Latencies,
): Promise<BenchDevice> {
  if (o.clients !== 'engine') return new SimDevice(url, enrolled, seededRandom(seed), latencies);
  // Imported only here: it loads the extension's code with its stand-ins (outside-extension.ts).
  const { EngineDevice } = await import('./engine-device');
  const device = new EngineDevice(url, enrolled, seededRandom(seed), latencies);
  await device.connect();
  return device;
}

async function enrol(server: LoadTarget, o: LoadOptions, latencies: Latencies): Promise<User[]> {
  const users: User[] = [];
  const now = Date.now();
  for (let u = 0; users.length * o.devicesPerUser < o.devices; u++) {
    const count = Math.min(o.devicesPerUser, o.devices - u * o.devicesPerUser);
    const user = await createUser(server.sql, `bench-${u}`, now);
    const devices: BenchDevice[] = [];
    for (let d = 0; d < count; d++) {
      const code = d === 0 ? user.code : (await issueCode(server.sql, user.id, now)).code;
      const enrolled = await enrolDevice(server.sql, code, `bench device ${u}.${d}`, now);
      if (!enrolled) throw new Error('enrolment failed');
      const seed = o.seed + u * 1000 + d;
      devices.push(await newDevice(server.url, enrolled, seed, o, latencies));
    }
    users.push({ id: user.id, devices });
  }
  return users;
}

/** One device's rounds: its share of the notes, with edits of everything it knows, a push and a pull each. */
async function runDevice(device: BenchDevice, share: number, o: LoadOptions): Promise<void> {
  let created = 0;
  for (let round = 0; round < o.rounds; round++) {
    const target = Math.round((share * (round + 1)) / o.rounds);
    const fresh = target - created;
    for (; created < target; created++) await device.create(o.pages);
    for (let e = 0; e < Math.round(fresh * o.editsPerNote); e++) await device.mutate();
    await device.sync();
  }
}

/** The per-user check: how many notes or field values are lost and how many devices diverge. */
async function check(server: LoadTarget, user: User): Promise<{ lost: number; diverging: number }> {
  const rows = await server.sql.query<{ record: SyncNote }>('SELECT record FROM notes WHERE user_id = $1', [
    user.id,
  ]);
  const stored = new Map(rows.map((r) => [r.record.id, r.record]));
  const reference = canonicalJson([...stored.values()].sort((a, b) => (a.id < b.id ? -1 : 1)));
  let lost = 0;
  let diverging = 0;
  for (const device of user.devices) {
    const held = canonicalJson((await device.notes()).sort((a, b) => (a.id < b.id ? -1 : 1)));
    if (held !== reference) diverging += 1;
    lost += device.created.filter((id) => !stored.has(id)).length;
    for (const [id, fields] of device.written) {
      const note = stored.get(id);
      if (!note) {
        // A note this device created is counted above; one it pulled and edited must be there too.
        if (!device.created.includes(id)) lost += 1;
        continue;
      }
      for (const [field, w] of Object.entries(fields) as Array<
        [NoteField, { clock: string; value: unknown }]
      >) {
        const order = compareHlc(note.clocks[field], w.clock);
        if (order < 0 || (order === 0 && canonicalJson(note.fields[field]) !== canonicalJson(w.value)))
          lost += 1;
      }
    }
  }
  return { lost, diverging };
}

/** Runs the load against `server` and checks the outcome. */
export async function runLoad(database: string, server: LoadTarget, o: LoadOptions): Promise<RunResult> {
  const started = performance.now();
  const latencies = new Latencies();
  const users = await enrol(server, o, latencies);
  const devices = users.flatMap((u) => u.devices);
  const loadStarted = performance.now();
  const requestsBefore = latencies.count;
  await Promise.all(
    devices.map((device, i) =>
      runDevice(device, Math.floor(o.notes / devices.length) + (i < o.notes % devices.length ? 1 : 0), o),
    ),
  );
  const loadMs = performance.now() - loadStarted;
  const loadRequests = latencies.count - requestsBefore;
  // Every device sends what is left (and pulls), then every device pulls what the others sent last.
  await Promise.all(devices.map((d) => d.sync()));
  await Promise.all(devices.map((d) => d.sync()));
  let lost = 0;
  let diverging = 0;
  for (const user of users) {
    const found = await check(server, user);
    lost += found.lost;
    diverging += found.diverging;
  }
  const sum = (f: (d: BenchDevice) => number) => devices.reduce((n, d) => n + f(d), 0);
  return {
    database,
    users: users.length,
    devices: devices.length,
    notes: sum((d) => d.created.length),
    localChanges: sum((d) => d.localChanges),
    pushedRecords: sum((d) => d.pushedRecords),
    requests: latencies.count,
    loadRequests,
    rateLimited: sum((d) => d.rateLimited),
    loadMs,
    totalMs: performance.now() - started,
    latencies,
    lost,
    diverging,
  };
}
