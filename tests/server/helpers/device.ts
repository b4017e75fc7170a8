/**
 * A simulated extension install: it keeps its own hybrid logical clock on its own (possibly wrong) wall
 * clock, stamps whole records the way the extension does, numbers its mutations, and folds the clocks it
 * pulls into its own, so tests can replay what two browsers would do.
 */
import { receiveHlc, tickHlc } from '../../../src/shared/notes/hlc';
import { NOTE_FIELDS, type NoteField } from '../../../src/shared/notes/note-types';
import type { Mutation, PullReply, PushReply, SyncFields, SyncNote } from '../../../src/shared/sync/wire';
import type { Harness, Reply } from './harness';

let noteCounter = 0;
/** A fresh UUID-shaped note id, predictable enough to read in a failure. */
export function noteId(): string {
  noteCounter += 1;
  return `00000000-0000-4000-8000-${noteCounter.toString(16).padStart(12, '0')}`;
}

/** A device enrolled with `token`, talking to the server in `h`. */
export class TestDevice {
  hlc: string | undefined;
  nextMutationId = 1;

  constructor(
    readonly h: Harness,
    readonly token: string,
    readonly deviceId: string,
    /** How far this device's wall clock is off the server's. */
    public skewMs = 0,
  ) {}

  private tick(): string {
    this.hlc = tickHlc(this.hlc, this.h.time + this.skewMs, this.deviceId);
    return this.hlc;
  }

  /** A new note written on this device. */
  create(fields: Partial<SyncFields> = {}, id = noteId()): SyncNote {
    const c = this.tick();
    const wall = this.h.time + this.skewMs;
    return {
      id,
      url: `https://example.com/${id}`,
      pageKey: `https://example.com/${id}`,
      title: 'A page',
      createdAt: wall,
      updatedAt: wall,
      fields: { body: 'first', color: 'yellow', tags: [], anchor: null, deleted: false, ...fields },
      clocks: Object.fromEntries(NOTE_FIELDS.map((f) => [f, c])) as Record<NoteField, string>,
      deviceId: this.deviceId,
    };
  }

  /** `note` after editing the given fields on this device (each edit gets the next clock). */
  edit(note: SyncNote, patch: Partial<SyncFields>): SyncNote {
    const c = this.tick();
    const clocks = { ...note.clocks };
    for (const f of Object.keys(patch) as NoteField[]) clocks[f] = c;
    const { version: _drop, ...plain } = note as SyncNote & { version?: number };
    return {
      ...plain,
      fields: { ...note.fields, ...patch },
      clocks,
      deviceId: this.deviceId,
      updatedAt: this.h.time + this.skewMs,
    };
  }

  /** The same device talking to another server (a restarted one, or one with a fault injected). */
  via(h: Harness): TestDevice {
    const twin = new TestDevice(h, this.token, this.deviceId, this.skewMs);
    twin.hlc = this.hlc;
    twin.nextMutationId = this.nextMutationId;
    return twin;
  }

  auth(): Record<string, string> {
    return { authorization: `Bearer ${this.token}` };
  }

  /** Pushes notes as mutations numbered from this device's counter (or exact mutations as given). */
  async push(items: SyncNote[] | Mutation[]): Promise<Reply<PushReply & { error?: string }>> {
    const mutations = items.map((item) =>
      'mutationId' in item ? item : { mutationId: this.nextMutationId++, note: item },
    );
    return this.pushRaw({ deviceId: this.deviceId, mutations });
  }

  async pushRaw(body: unknown): Promise<Reply<PushReply & { error?: string }>> {
    return this.h.request('/v1/push', {
      method: 'POST',
      headers: { ...this.auth(), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async pull(since = 0, limit?: number): Promise<Reply<PullReply & { error?: string }>> {
    const query = `since=${since}${limit === undefined ? '' : `&limit=${limit}`}`;
    return this.h.request(`/v1/pull?${query}`, { headers: this.auth() });
  }

  /** Pulls every page from `since`, folding each clock into this device's clock as the extension does. */
  async pullAll(
    since = 0,
    limit?: number,
  ): Promise<{ notes: Map<string, SyncNote & { version: number }>; version: number; pages: number }> {
    const notes = new Map<string, SyncNote & { version: number }>();
    let version = since;
    let pages = 0;
    for (;;) {
      const reply = await this.pull(version, limit);
      if (reply.status !== 200) throw new Error(`pull failed: ${reply.status} ${reply.body.error}`);
      pages += 1;
      for (const n of reply.body.notes) {
        notes.set(n.id, n);
        for (const f of NOTE_FIELDS)
          this.hlc = receiveHlc(this.hlc, n.clocks[f], this.h.time + this.skewMs, this.deviceId);
      }
      version = reply.body.version;
      if (!reply.body.hasMore) return { notes, version, pages };
    }
  }
}
