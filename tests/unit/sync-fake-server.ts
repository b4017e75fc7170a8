/**
 * An in-memory Gloss sync server following shared/sync/wire.ts, ../shared/docs/sync.md and the real
 * server's rules (src/server/sync/push.ts, pull.ts): one-time enrolment codes traded for revocable
 * per-device tokens; requests checked with the shared wire schemas; per user, a version counter moved on
 * once for every note a push changes (so pull pages can end anywhere); per device, the highest mutation id
 * applied (ids at or below it are merged again, which changes nothing for a true retry and loses nothing
 * when two pushes of one device commit out of order); the per-field merge of merge.ts with every losing value kept as
 * history; clocks more than `SYNC_LIMITS.maxClockSkewMs` ahead refused with the server's time; pulls paged
 * by version.
 *
 * It is served through `fetch` (a `FetchLike`), the same seam the engine uses in the extension, so engine
 * tests can run unchanged against the real server in-process (`(url, init) => app.request(url, init)`).
 */

import * as v from 'valibot';
import type { FetchLike } from '../../src/background/sync/transport';
import { compareHlc, decodeHlc } from '../../src/shared/notes/hlc';
import { NOTE_FIELDS, type NoteField } from '../../src/shared/notes/note-types';
import { mergeNotes } from '../../src/shared/sync/merge';
import {
  type Mutation,
  type PullReply,
  type PushReply,
  type PushRequest,
  type ServerNote,
  SYNC_LIMITS,
  type SyncNote,
} from '../../src/shared/sync/wire';
import { PushRequestSchema } from '../../src/shared/sync/wire-schemas';

/** What the engine calls the network through. */

/**
 * What the engine tests need of a server: its `fetch`, and the admin actions its CLI offers. The real
 * server, run in-process, fits behind the same shape (`fetch: (url, init) => app.request(url, init)`), so
 * `TestDevice` and `Rig` (sync-devices.ts) work with either. Tests that look inside the server (history,
 * versions, size limit) use the fake's own fields.
 */
export interface SyncServerHarness {
  fetch: FetchLike;
  /** Creates a user and returns a first one-time enrolment code. */
  createUser(): { userId: string; code: string };
  /** Another one-time code for the user. */
  newCode(userId: string): string;
  /** Revokes every device token of the user. */
  revokeAll(userId: string): void;
  /** The user's notes with their versions, sorted by id. */
  notesOf(userId: string): ServerNote[];
}

/** An overwritten field value, kept so nothing is unrecoverable. */
export interface HistoryRow {
  noteId: string;
  field: NoteField;
  value: unknown;
  clock: string;
  winnerClock: string;
}

interface User {
  version: number;
  notes: Map<string, ServerNote>;
  history: HistoryRow[];
  /** Per client device id: the highest mutation id applied. */
  devices: Map<string, number>;
}

interface Token {
  userId: string;
  deviceName: string;
  isRevoked: boolean;
}

/** JSON with sorted keys, so key order never counts as a change. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

const reply = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

class BadRequest extends Error {}

/** The fake server. Time is the test's (`now`), so clock skew can be staged. */
export class FakeSyncServer implements SyncServerHarness {
  readonly users = new Map<string, User>();
  readonly tokens = new Map<string, Token>();
  private readonly codes = new Map<string, string>();
  private nextUser = 1;
  /** Requests that reached the server (after any fault injection), in order. */
  readonly requests: Array<{ route: string; status: number }> = [];
  now: () => number;
  maxBodyBytes: number;
  constructor(options: { now?: () => number; maxBodyBytes?: number } = {}) {
    this.now = options.now ?? Date.now;
    this.maxBodyBytes = options.maxBodyBytes ?? SYNC_LIMITS.bodyBytes;
  }

  /** Creates a user and returns a first enrolment code. */
  createUser(): { userId: string; code: string } {
    const userId = `user-${this.nextUser++}`;
    this.users.set(userId, { version: 0, notes: new Map(), history: [], devices: new Map() });
    return { userId, code: this.newCode(userId) };
  }

  /** Another one-time code for a user. */
  newCode(userId: string): string {
    const code = `code-${crypto.randomUUID().slice(0, 8)}`;
    this.codes.set(code, userId);
    return code;
  }

  /** Revokes every token of a user. */
  revokeAll(userId: string): void {
    for (const token of this.tokens.values()) if (token.userId === userId) token.isRevoked = true;
  }

  /** A user's notes as the server holds them, by id. */
  notesOf(userId: string): ServerNote[] {
    return [...(this.users.get(userId)?.notes.values() ?? [])].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The server as a `fetch`. */
  readonly fetch: FetchLike = async (url, init) => {
    const response = await this.handle(new URL(url), init);
    this.requests.push({ route: new URL(url).pathname, status: response.status });
    return response;
  };

  private async handle(url: URL, init: RequestInit): Promise<Response> {
    const text = typeof init.body === 'string' ? init.body : '';
    if (new TextEncoder().encode(text).length > this.maxBodyBytes) return reply(413, { error: 'too large' });
    try {
      if (url.pathname === '/v1/health') return reply(200, { ok: true, database: 'pglite' });
      if (url.pathname === '/v1/enrol' && init.method === 'POST') return this.enrol(JSON.parse(text));
      const user = this.authorise(init);
      if (!user) return reply(401, { error: 'unknown or revoked token' });
      if (url.pathname === '/v1/push' && init.method === 'POST')
        return reply(200, this.push(user, JSON.parse(text)));
      if (url.pathname === '/v1/pull' && (init.method ?? 'GET') === 'GET')
        return reply(200, this.pull(user, url));
      return reply(404, { error: 'not found' });
    } catch (e) {
      if (e instanceof BadRequest || e instanceof SyntaxError || (e as Error).message?.includes('HLC'))
        return reply(400, { error: (e as Error).message });
      throw e;
    }
  }

  private enrol(body: { code?: unknown; deviceName?: unknown }): Response {
    const userId = typeof body.code === 'string' ? this.codes.get(body.code) : undefined;
    if (!userId || typeof body.deviceName !== 'string') return reply(401, { error: 'wrong or used code' });
    this.codes.delete(body.code as string);
    const token = crypto.randomUUID();
    this.tokens.set(token, { userId, deviceName: body.deviceName, isRevoked: false });
    return reply(200, { token, userId });
  }

  private authorise(init: RequestInit): User | undefined {
    const header = new Headers(init.headers).get('Authorization') ?? '';
    const token = this.tokens.get(header.replace(/^Bearer /, ''));
    return token && !token.isRevoked ? this.users.get(token.userId) : undefined;
  }

  /**
   * One atomic push, with the real server's rules (src/server/sync/push.ts): in id order, refuse fast
   * clocks, merge the rest (ids already applied too: merging a record again changes nothing); `appliedThrough` is the
   * highest id before the first refused one (or the old one, when higher). Mutations after a refused one
   * are applied too; the client sends them again and the merge makes that harmless.
   */
  private push(user: User, raw: unknown): PushReply {
    // The real server's request schema: strict, so a client sending anything else fails here as there.
    const parsed = v.safeParse(PushRequestSchema, raw);
    if (!parsed.success) throw new BadRequest(v.summarize(parsed.issues));
    const body: PushRequest = parsed.output;
    const seen = user.devices.get(body.deviceId) ?? 0;
    const now = this.now();
    const fresh = [...body.mutations].sort((a, b) => a.mutationId - b.mutationId);
    const isAhead = (m: Mutation) =>
      NOTE_FIELDS.some((f) => decodeHlc(m.note.clocks[f]).wallMs > now + SYNC_LIMITS.maxClockSkewMs);
    const refused = fresh.filter(isAhead);
    for (const m of fresh) if (!refused.includes(m)) this.apply(user, m.note);
    const firstRefused = refused[0]?.mutationId ?? Number.POSITIVE_INFINITY;
    const appliedThrough = Math.max(
      seen,
      ...fresh.filter((m) => m.mutationId < firstRefused).map((m) => m.mutationId),
    );
    user.devices.set(body.deviceId, appliedThrough);
    return {
      appliedThrough,
      rejected: refused.map((m) => ({ mutationId: m.mutationId, reason: 'clock-ahead' as const })),
      serverTime: now,
      version: user.version,
    };
  }

  /** Merges one record; a changed note gets the next version; every losing value goes to history. */
  private apply(user: User, incoming: SyncNote): void {
    const stored = user.notes.get(incoming.id);
    if (!stored) {
      user.version += 1;
      user.notes.set(incoming.id, structuredClone({ ...incoming, version: user.version }));
      return;
    }
    const { version: _v, ...current } = stored;
    for (const field of NOTE_FIELDS) {
      const order = compareHlc(incoming.clocks[field], current.clocks[field]);
      if (order === 0 || canonical(incoming.fields[field]) === canonical(current.fields[field])) continue;
      const [loser, winner] = order > 0 ? [current, incoming] : [incoming, current];
      const row = { noteId: current.id, field, value: loser.fields[field], clock: loser.clocks[field] };
      if (!user.history.some((h) => h.noteId === row.noteId && h.field === field && h.clock === row.clock))
        user.history.push({ ...row, winnerClock: winner.clocks[field] });
    }
    const { note } = mergeNotes(current, incoming);
    if (canonical(note) === canonical(current)) return;
    user.version += 1;
    user.notes.set(note.id, structuredClone({ ...note, version: user.version }));
  }

  private pull(user: User, url: URL): PullReply {
    const since = Number(url.searchParams.get('since') ?? '0');
    const asked = Number(url.searchParams.get('limit') ?? SYNC_LIMITS.pullPage);
    if (!Number.isSafeInteger(since) || since < 0 || !Number.isSafeInteger(asked) || asked < 1)
      throw new BadRequest('bad since or limit');
    const limit = Math.min(asked, SYNC_LIMITS.pullPage);
    const after = [...user.notes.values()]
      .filter((n) => n.version > since)
      .sort((a, b) => a.version - b.version);
    const page = after.slice(0, limit);
    const hasMore = after.length > limit;
    // As the real server: the cursor is the last version returned; on an empty page `since`, or the
    // user's counter when that is lower (a server restored from a backup), so the client can notice.
    const empty = Math.min(since, user.version);
    return { notes: structuredClone(page), version: page.at(-1)?.version ?? empty, hasMore };
  }
}
