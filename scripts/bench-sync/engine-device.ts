/**
 * `--clients=engine`: a simulated device that is the extension's own sync client without the browser. Its
 * notes are in the extension's Dexie database (on fake-indexeddb), written through the notes repository as
 * the page UI writes them, and the extension's `SyncEngine` pushes its outbox and pulls and merges over
 * `fetch`. The bench adds what a person and a network would: what to write (device.ts's `Typist`), a
 * `fetch` that times every request, answers the enrolment in-process (the HTTP route allows 10 attempts a
 * minute per address, and every simulated device shares 127.0.0.1) and may send each request to another
 * server process, and a loop that waits as long as the engine says after a refused or failed cycle.
 *
 * Fifty of these take most of two cores (fake-indexeddb is JavaScript, in the server's process), so this
 * mode checks the client's code at scale (nothing lost, every device equal to the server) rather than
 * measuring the server. Load it only when asked: it installs the stand-ins of outside-extension.ts.
 */
import './outside-extension';
import { randomUUID } from 'node:crypto';
import { type GlossDb, openDb } from '../../src/background/db/database';
import {
  addNote,
  allNoteIds,
  changeNote,
  draftOf,
  getNote,
  liveNotes,
  notesByIds,
} from '../../src/background/db/notes-repo';
import { SyncEngine } from '../../src/background/sync/engine';
import { toSyncNote } from '../../src/background/sync/note-codec';
import type { FetchLike } from '../../src/background/sync/transport';
import { NOTE_FIELDS, type NoteField } from '../../src/shared/notes/note-types';
import type { SyncNote } from '../../src/shared/sync/wire';
import {
  type BenchDevice,
  type Enrolled,
  isAskedToWait,
  noteWritten,
  Typist,
  timedFetch,
  type Written,
} from './device';
import type { Latencies } from './stats';

/** The address the engine is connected to; `fetch` sends each request to the bench's server instead. */
const ENGINE_BASE = 'http://gloss-bench.invalid';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class EngineDevice implements BenchDevice {
  readonly db: GlossDb = openDb(`gloss-bench-${randomUUID()}`);
  readonly engine: SyncEngine;
  readonly written = new Map<string, Partial<Record<NoteField, Written>>>();
  readonly created: string[] = [];
  localChanges = 0;
  pushedRecords = 0;
  rateLimited = 0;
  private readonly typist: Typist;
  /** Ids of the live notes in the database; only a pull changes them behind its back, so read after each sync. */
  private live: string[] = [];

  constructor(
    private readonly serverUrl: string | (() => string),
    private readonly enrolled: Enrolled,
    random: () => number,
    private readonly latencies: Latencies,
  ) {
    this.typist = new Typist(random);
    this.engine = new SyncEngine(this.db, {
      fetch: this.fetch,
      deviceName: async () => 'bench device',
      random,
    });
  }

  /** Stores the account in the engine (its enrolment answered here) and runs its first cycle. */
  async connect(): Promise<void> {
    const status = await this.engine.connect(ENGINE_BASE, 'enrolled-in-process');
    if (!status.connected || status.error) throw new Error(`connecting failed: ${status.error}`);
  }

  private readonly fetch: FetchLike = async (url, init) => {
    const path = url.slice(ENGINE_BASE.length);
    if (path === '/v1/enrol') return Response.json(this.enrolled);
    const endpoint = path.startsWith('/v1/push') ? 'push' : 'pull';
    const base = typeof this.serverUrl === 'string' ? this.serverUrl : this.serverUrl();
    const { response, body } = await timedFetch(this.latencies, endpoint, `${base}${path}`, init);
    if (isAskedToWait(response)) this.rateLimited += 1;
    if (endpoint === 'push' && response.ok)
      this.pushedRecords += (JSON.parse(String(init.body)) as { mutations: unknown[] }).mutations.length;
    return new Response(body, { status: response.status, headers: response.headers });
  };

  async create(pages: number): Promise<void> {
    const now = Date.now();
    const { input, pageKey } = this.typist.note(pages);
    const note = await addNote(this.db, draftOf(input, pageKey, now), now);
    this.created.push(note.id);
    this.live.push(note.id);
    noteWritten(this.written, toSyncNote(note), NOTE_FIELDS);
    this.localChanges += 1;
  }

  async mutate(): Promise<void> {
    if (this.live.length === 0) return;
    const id = this.typist.pick(this.live);
    const before = (await getNote(this.db, id))!;
    const note = await changeNote(this.db, id, this.typist.change(before.color), Date.now());
    if (note.hlc === before.hlc) return; // the same value again: nothing was written
    if (note.deleted) this.live = this.live.filter((n) => n !== id);
    // The fields the repository stamped (an edit also moves the `deleted` clock).
    const stamped = NOTE_FIELDS.filter((f) => note.clocks[f] !== before.clocks[f]);
    noteWritten(this.written, toSyncNote(note), stamped);
    this.localChanges += 1;
  }

  async sync(): Promise<void> {
    for (;;) {
      const status = await this.engine.sync('manual');
      if (!status.error && status.pending === 0) break;
      if (status.error && status.nextTryAt === undefined) throw new Error(`sync stopped: ${status.error}`);
      // Another cycle at once when more was queued than one cycle sends, else when the engine says.
      await sleep(Math.max(0, (status.nextTryAt ?? 0) - Date.now()));
    }
    this.live = (await liveNotes(this.db)).map((n) => n.id);
  }

  async notes(): Promise<SyncNote[]> {
    const notes = await notesByIds(this.db, await allNoteIds(this.db));
    return notes.filter((n) => n !== undefined).map(toSyncNote);
  }
}
