/**
 * Everything a card shows for an entity: its description as the reader sees it, every passage quoting it
 * from every source (newest source first), and its related entities.
 */
import type { CardData, SourceMeta } from '../../shared/kb-types';
import type { GlossDb } from '../db/database';
import { builtinSource, passagesOf } from '../db/kb-repo';
import { getUserSource } from '../db/user-sources-repo';
import type { KbState } from './effective-kb';
import { builtinMeta, newestFirst, userMeta } from './source-meta';

/** The attribution of each source id, for sources that exist (a deleted source's passages are skipped). */
export async function metaOf(db: GlossDb, ids: Iterable<string>): Promise<Map<string, SourceMeta>> {
  const out = new Map<string, SourceMeta>();
  for (const id of new Set(ids)) {
    const builtin = await builtinSource(db, id);
    if (builtin) {
      out.set(id, builtinMeta(builtin));
      continue;
    }
    const mine = await getUserSource(db, id);
    if (mine && !mine.deleted) out.set(id, userMeta(mine));
  }
  return out;
}

/** The card of `entityId`, or undefined when the KB has no such entity. */
export async function cardData(db: GlossDb, state: KbState, entityId: string): Promise<CardData | undefined> {
  const entity = state.byId.get(entityId);
  if (!entity) return undefined;
  const rows = await passagesOf(db, entityId);
  const sources = await metaOf(
    db,
    rows.map((p) => p.sourceId),
  );
  const rank = new Map([...sources.values()].sort(newestFirst).map((s, i) => [s.id, i]));
  const passages = rows
    .filter((p) => sources.has(p.sourceId))
    .sort(
      (a, b) =>
        rank.get(a.sourceId)! - rank.get(b.sourceId)! || a.blockIndex - b.blockIndex || a.start - b.start,
    )
    .map(({ origin: _o, ...p }) => ({ ...p, source: sources.get(p.sourceId)! }));
  const related = entity.related
    .map((id) => state.byId.get(id))
    .filter((e) => e !== undefined && !e.isHidden)
    .map((e) => ({ id: e!.id, name: e!.name, type: e!.type }));
  return {
    entity: {
      id: entity.id,
      name: entity.name,
      type: entity.type,
      description: entity.description,
      links: entity.links ?? [],
    },
    passages,
    related,
  };
}
