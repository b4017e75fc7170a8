/**
 * The bench's simulated devices, and what both kinds share: the seeded choice of what a person writes, the
 * record of what each device wrote (so the bench can check at the end that no write was lost: the server
 * must hold that value, or a later one), and the timing of every request.
 *
 * `SimDevice`, the default, is the thinnest client the protocol allows, so that the bench measures the
 * server: notes in a map in their wire form, clocks from shared/notes/hlc.ts, pulled records merged with
 * shared/sync/merge.ts, and the notes changed since the last push sent whole (wire.ts). It keeps none of the
 * extension's own rules (outbox entries per change, partial acknowledgement, re-stamping a fast clock, holding
 * back unsendable notes, backoff): the engine tests run those against the real server. Running the
 * extension's `SyncEngine` per device instead (engine-device.ts, `--clients=engine`) is the client's code at
 * scale, but on fake-indexeddb in the server's process fifty engines take most of the two cores: the default
 * load ran 4 times longer at a quarter of the request rate, so the figures were the clients', not the server's.
 */
import { randomUUID } from 'node:crypto';
import { receiveHlc, tickHlc } from '../../src/shared/notes/hlc';
import { NOTE_COLORS, NOTE_FIELDS, type NoteColor, type NoteField } from '../../src/shared/notes/note-types';
import type { NewNote } from '../../src/shared/protocol';
import { maxClock, mergeNotes } from '../../src/shared/sync/merge';
import {
  type PullReply,
  type PushReply,
  SYNC_LIMITS,
  type SyncFields,
  type SyncNote,
} from '../../src/shared/sync/wire';
import type { Latencies } from './stats';

/** A field value this device wrote, under the clock it wrote it with. */
export interface Written {
  clock: string;
  value: unknown;
}

/** What the workload (workload.ts) does with a device, whichever kind. */
export interface BenchDevice {
  /** Note id → field → the newest value this device wrote. */
  readonly written: Map<string, Partial<Record<NoteField, Written>>>;
  /** Ids of the notes this device created. */
  readonly created: string[];
  localChanges: number;
  /** Records in pushes the server accepted. */
  pushedRecords: number;
  /** Requests answered 429, or 503 with Retry-After. */
  rateLimited: number;
  /** Writes a new note on one of `pages` pages. */
  create(pages: number): Promise<void>;
  /** Edits one field of a random live note it holds (body, colour or tags), or now and then deletes it. */
  mutate(): Promise<void>;
  /** Sends every change made here and pulls every change made elsewhere, waiting out 429 and 503. */
  sync(): Promise<void>;
  /** Every note it holds, deleted ones too, in their wire form. */
  notes(): Promise<SyncNote[]>;
}

/** A device token and its user, from an enrolment made in-process. */
export interface Enrolled {
  token: string;
  userId: string;
}

export { seededRandom } from '../seeded-random';

const WORDS = 'cable carrier quad treaty vendor audit router patch spectrum satellite ministry export'.split(
  ' ',
);

/** A change to a note's fields, as a reader makes one. */
export type FieldChange = Partial<Pick<SyncFields, 'body' | 'color' | 'tags' | 'deleted'>>;

/** What a person writes: seeded, so two runs write the same. */
export class Typist {
  constructor(private readonly random: () => number) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  private text(words: number): string {
    return Array.from({ length: words }, () => this.pick(WORDS)).join(' ');
  }

  /** A passage note on one of `pages` pages, and the page's key. */
  note(pages: number): { input: NewNote; pageKey: string } {
    const page = Math.floor(this.random() * pages);
    const pageKey = `https://news.example/2025/article-${page}`;
    const input: NewNote = {
      page: { url: `${pageKey}?utm_source=feed`, title: `Article ${page}` },
      anchor: {
        quote: { exact: this.text(8), prefix: this.text(4), suffix: this.text(4) },
        position: { start: 100, end: 160 },
      },
      body: this.text(20 + Math.floor(this.random() * 40)),
      color: this.pick(NOTE_COLORS),
      tags: [this.pick(WORDS)],
    };
    return { input, pageKey };
  }

  /** New text (half the time), colour or tags, or (one time in ten) deletion. */
  change(color: NoteColor): FieldChange {
    const roll = this.random();
    if (roll < 0.1) return { deleted: true };
    if (roll < 0.6) return { body: this.text(20 + Math.floor(this.random() * 40)) };
    if (roll < 0.8) return { color: this.pick(NOTE_COLORS.filter((c) => c !== color)) };
    return { tags: [this.pick(WORDS), this.pick(WORDS)].filter((t, i, all) => all.indexOf(t) === i) };
  }
}

/** Remembers, in `written`, the fields of `note` that have `clock` (the ones a write just stamped). */
export function noteWritten(
  written: BenchDevice['written'],
  note: SyncNote,
  fields: readonly NoteField[],
): void {
  const mine = written.get(note.id) ?? {};
  for (const f of fields) mine[f] = { clock: note.clocks[f], value: note.fields[f] };
  written.set(note.id, mine);
}

/** One request, timed until its body is read. */
export async function timedFetch(
  latencies: Latencies,
  endpoint: 'push' | 'pull',
  url: string,
  init: RequestInit,
): Promise<{ response: Response; body: string }> {
  const started = performance.now();
  const response = await fetch(url, init);
  const body = await response.text();
  latencies.add(endpoint, performance.now() - started);
  return { response, body };
}

/** 429: rate limited; 503 with Retry-After: the user's push queue is full, or the database is away. */
export const isAskedToWait = (response: Response): boolean =>
  response.status === 429 || (response.status === 503 && response.headers.has('retry-after'));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The thin client: the protocol over `fetch`, and nothing of the extension's rules. */
export class SimDevice implements BenchDevice {
  readonly id = randomUUID();
  readonly written = new Map<string, Partial<Record<NoteField, Written>>>();
  readonly created: string[] = [];
  localChanges = 0;
  pushedRecords = 0;
  rateLimited = 0;
  private readonly typist: Typist;
  private readonly held = new Map<string, SyncNote>();
  /** Notes changed here since the last push the server accepted. */
  private readonly changed = new Set<string>();
  private lastMutationId = 0;
  private clock: string | undefined;
  private cursor = 0;

  constructor(
    /** The server, or a function that picks one per request (several processes behind a balancer). */
    private readonly serverUrl: string | (() => string),
    private readonly enrolled: Enrolled,
    random: () => number,
    private readonly latencies: Latencies,
  ) {
    this.typist = new Typist(random);
  }

  private url(path: string): string {
    return `${typeof this.serverUrl === 'string' ? this.serverUrl : this.serverUrl()}${path}`;
  }

  private write(note: SyncNote, fields: readonly NoteField[]): void {
    this.held.set(note.id, note);
    this.changed.add(note.id);
    noteWritten(this.written, note, fields);
    this.localChanges += 1;
  }

  async create(pages: number): Promise<void> {
    const now = Date.now();
    this.clock = tickHlc(this.clock, now, this.id);
    const { input, pageKey } = this.typist.note(pages);
    const note: SyncNote = {
      id: randomUUID(),
      url: input.page.url,
      pageKey,
      title: input.page.title,
      createdAt: now,
      updatedAt: now,
      fields: {
        body: input.body,
        color: input.color,
        tags: input.tags,
        anchor: input.anchor!,
        deleted: false,
      },
      clocks: Object.fromEntries(NOTE_FIELDS.map((f) => [f, this.clock])) as SyncNote['clocks'],
      deviceId: this.id,
    };
    this.created.push(note.id);
    this.write(note, NOTE_FIELDS);
  }

  async mutate(): Promise<void> {
    const live = [...this.held.values()].filter((n) => !n.fields.deleted);
    if (live.length === 0) return;
    const note = this.typist.pick(live);
    const change = this.typist.change(note.fields.color);
    const now = Date.now();
    this.clock = tickHlc(this.clock, now, this.id);
    const fields = Object.keys(change) as NoteField[];
    const clocks = { ...note.clocks };
    for (const f of fields) clocks[f] = this.clock;
    this.write(
      { ...note, fields: { ...note.fields, ...change }, clocks, updatedAt: now, deviceId: this.id },
      fields,
    );
  }

  private async call<T>(endpoint: 'push' | 'pull', path: string, init: RequestInit): Promise<T> {
    for (;;) {
      const { response, body } = await timedFetch(this.latencies, endpoint, this.url(path), {
        ...init,
        headers: { ...init.headers, Authorization: `Bearer ${this.enrolled.token}` },
      });
      if (isAskedToWait(response)) {
        this.rateLimited += 1;
        await sleep(Number(response.headers.get('retry-after') ?? '1') * 1000);
        continue;
      }
      if (!response.ok)
        throw new Error(`${endpoint} answered HTTP ${response.status}: ${body.slice(0, 200)}`);
      return JSON.parse(body) as T;
    }
  }

  async sync(): Promise<void> {
    await this.push();
    await this.pull();
  }

  /** Pushes the changed notes whole, up to the protocol's batch size at a time. */
  async push(): Promise<void> {
    while (this.changed.size > 0) {
      const batch = [...this.changed]
        .slice(0, SYNC_LIMITS.mutationsPerPush)
        .map((id) => ({ mutationId: ++this.lastMutationId, note: this.held.get(id)! }));
      const reply = await this.call<PushReply>('push', '/v1/push', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ deviceId: this.id, mutations: batch }),
      });
      if (reply.rejected.length > 0 || reply.appliedThrough < this.lastMutationId)
        throw new Error(`the server did not apply the push: ${JSON.stringify(reply).slice(0, 200)}`);
      for (const m of batch) this.changed.delete(m.note.id);
      this.pushedRecords += batch.length;
    }
  }

  /** Pulls every page after its cursor, merging each record into the one held and folding in its clocks. */
  async pull(): Promise<void> {
    for (;;) {
      const reply = await this.call<PullReply>(
        'pull',
        `/v1/pull?since=${this.cursor}&limit=${SYNC_LIMITS.pullPage}`,
        { method: 'GET' },
      );
      const now = Date.now();
      for (const { version: _version, ...incoming } of reply.notes) {
        const local = this.held.get(incoming.id);
        this.held.set(incoming.id, local ? mergeNotes(local, incoming).note : incoming);
        this.clock = receiveHlc(this.clock, maxClock(incoming.clocks), now, this.id);
      }
      this.cursor = reply.version;
      if (!reply.hasMore) return;
    }
  }

  async notes(): Promise<SyncNote[]> {
    return [...this.held.values()];
  }
}
