/**
 * Where each note could last be placed: `anchored` or `orphan`, as the last tab showing its page reported.
 * Local to this browser (pages differ between devices), never synced; the dashboard's orphan filter reads
 * it. This module is the store's only reader and writer.
 */
import type { GlossDb } from './database';

/** Remembers which of a page's notes were placed and which are orphans (local, never synced). */
export async function recordAnchorStatus(
  db: GlossDb,
  pageKey: string,
  anchoredIds: readonly string[],
  orphanIds: readonly string[],
  nowMs: number,
): Promise<void> {
  const rows = [
    ...anchoredIds.map((noteId) => ({ noteId, pageKey, status: 'anchored' as const, at: nowMs })),
    ...orphanIds.map((noteId) => ({ noteId, pageKey, status: 'orphan' as const, at: nowMs })),
  ];
  await db.anchorStatus.bulkPut(rows);
}

/** Ids of notes last reported as orphans. */
export async function orphanIds(db: GlossDb): Promise<string[]> {
  return (await db.anchorStatus.toArray()).filter((r) => r.status === 'orphan').map((r) => r.noteId);
}
