/**
 * A simulated device: what the extension's sync engine keeps, without a browser. A map of notes in their
 * wire form, an outbox of note ids under per-device increasing mutation ids, a hybrid logical clock ticked
 * on every local change and folded with every pulled clock, and the per-field merge of shared/sync/merge.ts.
 * It speaks shared/sync/wire.ts over `fetch`, honours 429 and 503 with Retry-After, and times every request.
 *
 * It also remembers the newest value it wrote for each field of each note, so the bench can check at the end
 * that no write was lost: the server must hold that value, or a later one.
 */
import { randomUUID } from 'node:crypto';
import { receiveHlc, tickHlc } from '../../src/shared/notes/hlc';
import { NOTE_COLORS, NOTE_FIELDS, type NoteField } from '../../src/shared/notes/note-types';
import { mergeNotes } from '../../src/shared/sync/merge';
import {
  type Mutation,
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

/** Deterministic randomness (mulberry32), so two runs do the same work. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'cable carrier quad treaty vendor audit router patch spectrum satellite ministry export'.split(
  ' ',
);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SimDevice {
  readonly id = randomUUID();
  readonly notes = new Map<string, SyncNote>();
  /** Note id → the highest mutation id queued for it. */
  readonly outbox = new Map<string, number>();
  /** Note id → field → the newest value this device wrote. */
  readonly written = new Map<string, Partial<Record<NoteField, Written>>>();
  /** Ids of the notes this device created. */
  readonly created: string[] = [];
  localChanges = 0;
  pushedRecords = 0;
  rateLimited = 0;
  private nextMutationId = 1;
  private clock: string | undefined;
  private cursor = 0;

  constructor(
    /** The server, or a function that picks one per request (several processes behind a balancer). */
    private readonly serverUrl: string | (() => string),
    private readonly token: string,
    private readonly random: () => number,
    private readonly latencies: Latencies,
  ) {}

  private url(path: string): string {
    return `${typeof this.serverUrl === 'string' ? this.serverUrl : this.serverUrl()}${path}`;
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  private text(words: number): string {
    return Array.from({ length: words }, () => this.pick(WORDS)).join(' ');
  }

  private record(note: SyncNote, fields: readonly NoteField[]): void {
    this.notes.set(note.id, note);
    this.outbox.set(note.id, this.nextMutationId++);
    const mine = this.written.get(note.id) ?? {};
    for (const f of fields) mine[f] = { clock: note.clocks[f], value: note.fields[f] };
    this.written.set(note.id, mine);
    this.localChanges += 1;
  }

  /** Writes a new note on one of `pages` pages. */
  create(pages: number): void {
    const now = Date.now();
    this.clock = tickHlc(this.clock, now, this.id);
    const exact = this.text(8);
    const page = Math.floor(this.random() * pages);
    const note: SyncNote = {
      id: randomUUID(),
      url: `https://news.example/2025/article-${page}?utm_source=feed`,
      pageKey: `https://news.example/2025/article-${page}`,
      title: `Article ${page}`,
      createdAt: now,
      updatedAt: now,
      fields: {
        body: this.text(20 + Math.floor(this.random() * 40)),
        color: this.pick(NOTE_COLORS),
        tags: [this.pick(WORDS)],
        anchor: {
          quote: { exact, prefix: this.text(4), suffix: this.text(4) },
          position: { start: 100, end: 160 },
        },
        deleted: false,
      },
      clocks: Object.fromEntries(NOTE_FIELDS.map((f) => [f, this.clock])) as SyncNote['clocks'],
      deviceId: this.id,
    };
    this.created.push(note.id);
    this.record(note, NOTE_FIELDS);
  }

  /** Edits one field of a random live note it knows (body, colour or tags), or now and then deletes it. */
  mutate(): void {
    const live = [...this.notes.values()].filter((n) => !n.fields.deleted);
    if (live.length === 0) return;
    const note = this.pick(live);
    const roll = this.random();
    const fields: Partial<SyncFields> =
      roll < 0.1
        ? { deleted: true }
        : roll < 0.6
          ? { body: this.text(20 + Math.floor(this.random() * 40)) }
          : roll < 0.8
            ? { color: this.pick(NOTE_COLORS) }
            : { tags: [this.pick(WORDS), this.pick(WORDS)].filter((t, i, all) => all.indexOf(t) === i) };
    const now = Date.now();
    this.clock = tickHlc(this.clock, now, this.id);
    const changed = Object.keys(fields) as NoteField[];
    const clocks = { ...note.clocks };
    for (const f of changed) clocks[f] = this.clock;
    this.record(
      { ...note, fields: { ...note.fields, ...fields }, clocks, updatedAt: now, deviceId: this.id },
      changed,
    );
  }

  private async call<T>(endpoint: 'push' | 'pull', url: string, init: RequestInit): Promise<T> {
    for (;;) {
      const started = performance.now();
      const response = await fetch(url, {
        ...init,
        headers: { ...init.headers, Authorization: `Bearer ${this.token}` },
      });
      const body = await response.text();
      this.latencies.add(endpoint, performance.now() - started);
      // 429: rate limited; 503 with Retry-After: the user's push queue is full, or the database is away.
      if (response.status === 429 || (response.status === 503 && response.headers.has('retry-after'))) {
        this.rateLimited += 1;
        await sleep(Number(response.headers.get('retry-after') ?? '1') * 1000);
        continue;
      }
      if (!response.ok)
        throw new Error(`${endpoint} answered HTTP ${response.status}: ${body.slice(0, 200)}`);
      return JSON.parse(body) as T;
    }
  }

  /** Sends the outbox in batches of at most the protocol's limit; keeps what the server refused. */
  async push(): Promise<void> {
    while (this.outbox.size > 0) {
      const batch: Mutation[] = [...this.outbox]
        .sort((a, b) => a[1] - b[1])
        .slice(0, SYNC_LIMITS.mutationsPerPush)
        .map(([id, mutationId]) => ({ mutationId, note: this.notes.get(id)! }));
      const reply = await this.call<PushReply>('push', this.url('/v1/push'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ deviceId: this.id, mutations: batch }),
      });
      if (reply.rejected.length > 0) throw new Error(`the server refused ${reply.rejected.length} clocks`);
      for (const m of batch)
        if (m.mutationId <= reply.appliedThrough && this.outbox.get(m.note.id) === m.mutationId)
          this.outbox.delete(m.note.id);
      this.pushedRecords += batch.length;
    }
  }

  /** Pulls every page after its cursor and merges it in, folding each clock into its own. */
  async pull(): Promise<void> {
    for (;;) {
      const reply = await this.call<PullReply>(
        'pull',
        this.url(`/v1/pull?since=${this.cursor}&limit=${SYNC_LIMITS.pullPage}`),
        { method: 'GET' },
      );
      const now = Date.now();
      for (const { version: _version, ...incoming } of reply.notes) {
        const local = this.notes.get(incoming.id);
        this.notes.set(incoming.id, local ? mergeNotes(local, incoming).note : incoming);
        for (const f of NOTE_FIELDS) this.clock = receiveHlc(this.clock, incoming.clocks[f], now, this.id);
      }
      this.cursor = Math.max(this.cursor, reply.version);
      if (!reply.hasMore) return;
    }
  }
}
