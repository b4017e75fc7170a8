/**
 * Devices for the sync engine tests: each one a browser profile of its own (its own Dexie database, device
 * id, wall clock and network to the server), writing notes through the real notes repository and syncing
 * through the real engine with the real server (real-server.ts). Import after mocking `platform/browser`
 * (the engine words errors with `t()`).
 */
import { expect } from 'vitest';
import { type GlossDb, openDb } from '../../../../src/background/db/database';
import { addNote, changeNote, draftOf } from '../../../../src/background/db/notes-repo';
import { SyncEngine, type SyncEngineDeps } from '../../../../src/background/sync/engine';
import { toSyncNote } from '../../../../src/background/sync/note-codec';
import type { NoteRecord } from '../../../../src/shared/notes/note-types';
import type { NewNote } from '../../../../src/shared/protocol';
import { FaultyNetwork } from './faults';
import { RealServer } from './real-server';

/** Shared "real" time; each device reads it through its own (possibly skewed) clock. */
export const world = { t: 1_750_000_000_000 };
/** Moves real time on. */
export const tick = (ms = 1000): void => {
  world.t += ms;
};

export const SERVER_URL = 'https://sync.example.org';
let dbCount = 0;

/** Options of one device. */
export interface DeviceOptions {
  /** How far this device's wall clock is off (positive: fast). */
  skewMs?: number;
  engine?: Partial<SyncEngineDeps>;
}

/** One browser profile. */
export class TestDevice {
  readonly db: GlossDb;
  readonly net: FaultyNetwork;
  engine: SyncEngine;
  skewMs: number;
  /** How often the engine said notes changed (open tabs would reload theirs). */
  changedEvents = 0;
  retries: number[] = [];

  constructor(
    readonly name: string,
    readonly server: RealServer,
    private readonly options: DeviceOptions = {},
  ) {
    this.db = openDb(`sync-${name}-${dbCount++}`);
    this.net = new FaultyNetwork(server.fetch);
    this.skewMs = options.skewMs ?? 0;
    this.engine = this.newEngine();
  }

  readonly now = (): number => world.t + this.skewMs;

  private newEngine(): SyncEngine {
    return new SyncEngine(this.db, {
      fetch: this.net.fetch,
      deviceName: async () => `Test browser ${this.name}`,
      now: this.now,
      random: () => 0,
      onNotesChanged: () => {
        this.changedEvents += 1;
      },
      onRetryAt: (at) => this.retries.push(at),
      ...this.options.engine,
    });
  }

  /** The background was killed: the old engine is abandoned mid-whatever, a new one opens the same db. */
  restart(): void {
    this.engine = this.newEngine();
  }

  /** Enrols with a fresh code of `userId`. */
  async connect(userId: string) {
    return this.engine.connect(SERVER_URL, await this.server.newCode(userId));
  }

  sync() {
    return this.engine.sync('manual');
  }

  /** Writes a note as the page UI would. */
  async add(body: string, patch: Partial<NewNote> = {}): Promise<NoteRecord> {
    tick(10);
    const input: NewNote = {
      page: {
        url: `https://news.example/${body.replace(/\W+/g, '-').slice(0, 80)}`,
        title: body.slice(0, 40),
      },
      body,
      color: 'yellow',
      tags: [],
      ...patch,
    };
    return addNote(this.db, draftOf(input, input.page.url, this.now()), this.now());
  }

  /** Changes fields as the editor (or a delete) would. */
  edit(id: string, patch: Parameters<typeof changeNote>[2]): Promise<NoteRecord> {
    tick(10);
    return changeNote(this.db, id, patch, this.now());
  }

  /** Every note row, by id. */
  async notes(): Promise<NoteRecord[]> {
    return (await this.db.notes.toArray()).sort((a, b) => a.id.localeCompare(b.id));
  }

  async note(id: string): Promise<NoteRecord | undefined> {
    return this.db.notes.get(id);
  }

  pending(): Promise<number> {
    return this.db.outbox.count();
  }

  remove(): Promise<void> {
    return this.db.delete();
  }
}

/** Removes the devices' databases. */
export async function removeAll(devices: TestDevice[]): Promise<void> {
  await Promise.all(devices.map((d) => d.remove()));
  devices.length = 0;
}

/**
 * The server of a test file and the devices of a test: `await Rig.start()` once per file, `reset()` after
 * each test, `close()` after the file.
 */
export class Rig {
  readonly devices: TestDevice[] = [];

  private constructor(readonly server: RealServer) {}

  static async start(): Promise<Rig> {
    return new Rig(await RealServer.start(() => world.t));
  }

  device(name: string, options?: DeviceOptions): TestDevice {
    const d = new TestDevice(name, this.server, options);
    this.devices.push(d);
    return d;
  }

  /** Removes the devices, and fails the test if the server logged an error (an exception behind a 500). */
  async reset(): Promise<void> {
    await removeAll(this.devices);
    const errors = this.server.errors();
    this.server.reset();
    expect(errors, 'errors the server logged').toEqual([]);
  }

  close(): Promise<void> {
    return this.server.close();
  }

  /** Syncs each device in turn, `rounds` times (two rounds spread every change to every device). */
  async syncAll(rounds = 2): Promise<void> {
    for (let r = 0; r < rounds; r++) for (const d of this.devices) await d.sync();
  }
}

/**
 * Asserts that every device holds exactly the same note rows (clocks, versions and all), that they match
 * the server's, and that nothing waits to be sent.
 */
export async function expectConverged(rig: Rig, userId: string): Promise<NoteRecord[]> {
  const [first = [], ...others] = await Promise.all(rig.devices.map((d) => d.notes()));
  for (const other of others) expect(other).toEqual(first);
  const onServer = await rig.server.notesOf(userId);
  expect(first.map(toSyncNote)).toEqual(onServer.map(({ version: _v, ...note }) => note));
  expect(first.map((n) => n.serverVersion)).toEqual(onServer.map((n) => n.version));
  for (const d of rig.devices) expect(await d.pending(), d.name).toBe(0);
  return first;
}
