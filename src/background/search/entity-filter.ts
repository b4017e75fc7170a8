/**
 * "Search can filter by entity": what counts as connected with an entity. Notes about it, notes on the pages
 * where it was seen (the local history), sources that quote it, and the entity with its related ones.
 */
import type { GlossDb } from '../db/database';
import { passagesOf } from '../db/kb-repo';
import type { KbState } from '../library/effective-kb';
import { entityDocId, noteDocId, parseDocId } from './search-docs';

/** The documents connected with an entity, as a test on document ids. */
export async function connectedTo(
  db: GlossDb,
  kb: KbState,
  entityId: string,
): Promise<(docId: string) => boolean> {
  const entity = kb.byId.get(entityId);
  const entities = new Set([entityId, ...(entity?.related ?? [])].map(entityDocId));
  const [about, sightings, passages] = await Promise.all([
    db.notes.where('entityId').equals(entityId).primaryKeys(),
    db.sightings.where('entityId').equals(entityId).toArray(),
    passagesOf(db, entityId),
  ]);
  const onPages = sightings.length
    ? await db.notes
        .where('pageKey')
        .anyOf(sightings.map((s) => s.pageKey))
        .primaryKeys()
    : [];
  const notes = new Set([...about, ...onPages].map((id) => noteDocId(String(id))));
  const sources = new Set(passages.map((p) => p.sourceId));
  return (docId) => {
    const { kind, id } = parseDocId(docId);
    if (kind === 'note') return notes.has(docId);
    if (kind === 'source') return sources.has(id);
    return entities.has(docId);
  };
}
