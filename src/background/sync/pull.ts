/**
 * Receiving changes. Each page is applied in one transaction together with the cursor that follows it, so
 * a background killed mid-pull resumes at the first page it had not applied: nothing is skipped, and a page
 * applied twice changes nothing (the merge is idempotent). Every pulled clock is folded into the device's
 * clock, so an edit made here after seeing a change beats it even on a slow wall clock. Local fields with
 * newer clocks (edits still queued) win the merge and stay.
 */
import { compareHlc } from '../../shared/notes/hlc';
import type { NoteRecord } from '../../shared/notes/note-types';
import { maxClock, mergeNotes } from '../../shared/sync/merge';
import type { PullReply } from '../../shared/sync/wire';
import { type GlossDb, inTransaction, NOTE_TABLES } from '../db/database';
import { observeClock } from '../db/device-clock';
import { notesByIds, storePulledNotes } from '../db/notes-repo';
import { toNoteRecord, toSyncNote } from './note-codec';
import { requeueAll } from './outbox-ops';
import { assertAccount, readCursor, writeCursor } from './sync-store';
import type { AuthorisedTransport } from './transport';

/** What a pull needs. */
export interface PullContext {
  db: GlossDb;
  transport: AuthorisedTransport;
  token: string;
  now: () => number;
  pageSize: number;
}

/** Most pages in one cycle (50,000 notes at 500 a page); the rest comes on a quick next cycle. */
const MAX_PAGES = 100;

const sameRecord = (a: NoteRecord, b: NoteRecord): boolean =>
  a.serverVersion === b.serverVersion &&
  a.hlc === b.hlc &&
  a.site === b.site &&
  JSON.stringify(toSyncNote(a)) === JSON.stringify(toSyncNote(b));

/** What applying a page did. */
export interface PageOutcome {
  /** Notes that are new here or had a field replaced (open tabs should show them again). */
  changed: number;
  /** The server knows less than this device pulled (restored from a backup): pull from the start. */
  isRestart: boolean;
}

/** Merges one page into the notes and saves the cursor after it, in one transaction. */
export function applyPage(
  db: GlossDb,
  token: string,
  since: number,
  reply: PullReply,
  nowMs: number,
): Promise<PageOutcome> {
  return inTransaction(db, 'rw', NOTE_TABLES, async () => {
    await assertAccount(db, token);
    if (reply.version < since) {
      // Its cursor went back: everything after its backup is lost there. Send every note again.
      await writeCursor(db, 0);
      await requeueAll(db);
      return { changed: 0, isRestart: true };
    }
    const stored = await notesByIds(
      db,
      reply.notes.map((n) => n.id),
    );
    const current = new Map(stored.filter((n) => n !== undefined).map((n) => [n.id, n]));
    const puts = new Map<string, NoteRecord>();
    let changed = 0;
    let seen: string | undefined;
    for (const { version, ...incoming } of reply.notes) {
      const latest = maxClock(incoming.clocks);
      if (seen === undefined || compareHlc(latest, seen) > 0) seen = latest;
      const local = current.get(incoming.id);
      const serverVersion = Math.max(version, local?.serverVersion ?? 0);
      const merged = local ? mergeNotes(toSyncNote(local), incoming) : undefined;
      const next = toNoteRecord(merged?.note ?? incoming, serverVersion);
      // The page's language is this browser's own (note-types.ts): a pull never takes it away.
      if (local?.lang) next.lang = local.lang;
      if (!merged || merged.won.length > 0) changed += 1;
      if (local && sameRecord(local, next)) continue;
      current.set(next.id, next);
      puts.set(next.id, next);
    }
    await storePulledNotes(db, [...puts.values()]);
    if (seen !== undefined) await observeClock(db, seen, nowMs);
    await writeCursor(db, Math.max(await readCursor(db), reply.version));
    return { changed, isRestart: false };
  });
}

/**
 * Pulls page after page while the server has more. Returns how many notes changed here and whether more
 * pages wait than one cycle takes.
 */
export async function pullAll(ctx: PullContext): Promise<{ changed: number; isRetryNeeded: boolean }> {
  let changed = 0;
  let restarts = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const since = await readCursor(ctx.db);
    const reply = await ctx.transport.pull(since, ctx.pageSize);
    const outcome = await applyPage(ctx.db, ctx.token, since, reply, ctx.now());
    changed += outcome.changed;
    if (outcome.isRestart) {
      // The requeued notes go out on the next cycle; once is enough to learn the server went back.
      if (++restarts > 1) return { changed, isRetryNeeded: true };
      continue;
    }
    if (!reply.hasMore) return { changed, isRetryNeeded: restarts > 0 };
  }
  return { changed, isRetryNeeded: true };
}
