/** One entity's history for its page: the newest pages and the totals. */
import { type EntityHistory, HISTORY_PAGE_LIMIT } from '../../shared/history/history-types';
import type { GlossDb } from '../db/database';
import { countSightingsOf, sightingsOf } from '../db/sightings-repo';

export async function entityHistory(
  db: GlossDb,
  entityId: string,
  isRecording: boolean,
): Promise<EntityHistory> {
  const [pages, pageCount] = await Promise.all([
    sightingsOf(db, entityId, HISTORY_PAGE_LIMIT),
    countSightingsOf(db, entityId),
  ]);
  return { isRecording, pages, pageCount, ...(pages[0] ? { lastSeen: pages[0].lastSeen } : {}) };
}
