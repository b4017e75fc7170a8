/**
 * "Search can filter by entity": what counts as connected with an entity. Notes about it, notes on the pages
 * where it was seen (the local history), sources that quote it, and the entity with its related ones.
 */
import type { GlossDb } from '../db/database';
import { passagesOf } from '../db/kb-repo';
import { noteIdsAbout, noteIdsOnPages } from '../db/notes-repo';
import { sightingsOf } from '../db/sightings-repo';
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
    noteIdsAbout(db, entityId),
    sightingsOf(db, entityId, Number.POSITIVE_INFINITY),
    passagesOf(db, entityId),
  ]);
  const onPages = await noteIdsOnPages(
    db,
    sightings.map((s) => s.pageKey),
  );
  const notes = new Set([...about, ...onPages].map(noteDocId));
  const sources = new Set(passages.map((p) => p.sourceId));
  return (docId) => {
    const { kind, id } = parseDocId(docId);
    if (kind === 'note') return notes.has(docId);
    if (kind === 'source') return sources.has(id);
    return entities.has(docId);
  };
}
