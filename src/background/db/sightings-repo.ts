/**
 * Sightings ("where you have seen it"): one row per entity and page, local only, never synced. The history
 * context (background/history/) writes them in batches; the entity page reads them.
 */
import type { Sighting } from '../../shared/history/history-types';
import type { GlossDb } from './database';

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
