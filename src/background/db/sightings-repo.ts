/**
 * Sightings ("where you have seen it"): one row per entity and page, local only, never synced. The history
 * context (background/history/) writes them in batches; the entity page reads them. This module is the
 * store's only reader and writer.
 */
import type { Sighting } from '../../shared/history/history-types';
import { type GlossDb, inTransaction } from './database';

/** What one page showed, as the history recorder hands it over: the page's latest totals. */
export interface PageSighting {
  pageKey: string;
  url: string;
  /** The top frame's title; empty when not known (a report from a sub-frame), which keeps the stored one. */
  title: string;
  /** When the page reported these counts (ms since the epoch). */
  seenAt: number;
  /** Entity id → mentions highlighted on the page, over all its frames. */
  counts: Record<string, number>;
}

const DAY_MS = 86_400_000;

/**
 * Writes a whole batch of pages and drops what is older than the retention, in ONE transaction: the
 * recorder calls this off the page's critical path, a couple of seconds after the reports. Each entity and
 * page is one upsert: the first sighting's date is kept, the address, title, date and count follow the
 * latest report. `retentionDays` 0 keeps everything.
 */
export function recordSightings(
  db: GlossDb,
  pages: readonly PageSighting[],
  retentionDays: number,
  nowMs: number,
): Promise<void> {
  return inTransaction(db, 'rw', ['sightings'], async () => {
    const fresh = pages.flatMap((page) =>
      Object.entries(page.counts)
        .filter(([, mentions]) => mentions > 0)
        .map(([entityId, mentions]) => ({ page, entityId, mentions })),
    );
    const existing = await db.sightings.bulkGet(fresh.map((f) => [f.entityId, f.page.pageKey]));
    const rows = fresh.map(({ page, entityId, mentions }, i): Sighting => {
      const old = existing[i];
      return {
        entityId,
        pageKey: page.pageKey,
        url: page.url,
        title: page.title || old?.title || '',
        firstSeen: old ? Math.min(old.firstSeen, page.seenAt) : page.seenAt,
        lastSeen: old ? Math.max(old.lastSeen, page.seenAt) : page.seenAt,
        mentions,
      };
    });
    await db.sightings.bulkPut(rows);
    await pruneSightings(db, retentionDays, nowMs);
  });
}

/**
 * Forgets the sightings last seen more than `retentionDays` ago (0: keeps them all). A range of the
 * lastSeen index, so it costs next to nothing when there is nothing to drop. Returns how many went.
 */
export function pruneSightings(db: GlossDb, retentionDays: number, nowMs: number): Promise<number> {
  if (retentionDays <= 0) return Promise.resolve(0);
  return db.sightings
    .where('lastSeen')
    .below(nowMs - retentionDays * DAY_MS)
    .delete();
}

/** Forgets every sighting, or only one entity's. */
export async function clearSightings(db: GlossDb, entityId?: string): Promise<void> {
  if (entityId === undefined) await db.sightings.clear();
  else await db.sightings.where('entityId').equals(entityId).delete();
}

/** How much the history holds: distinct pages, and rows (one per entity and page). */
export async function sightingStats(db: GlossDb): Promise<{ pageCount: number; sightingCount: number }> {
  return inTransaction(db, 'r', ['sightings'], async () => {
    const [pageKeys, sightingCount] = await Promise.all([
      db.sightings.orderBy('pageKey').uniqueKeys(),
      db.sightings.count(),
    ]);
    return { pageCount: pageKeys.length, sightingCount };
  });
}

/** An entity's pages, newest first, at most `limit`. */
export function sightingsOf(db: GlossDb, entityId: string, limit: number): Promise<Sighting[]> {
  return db.sightings
    .where('entityId')
    .equals(entityId)
    .toArray()
    .then((rows) => rows.sort((a, b) => b.lastSeen - a.lastSeen).slice(0, limit));
}

/** How many pages an entity was seen on. */
export function countSightingsOf(db: GlossDb, entityId: string): Promise<number> {
  return db.sightings.where('entityId').equals(entityId).count();
}
