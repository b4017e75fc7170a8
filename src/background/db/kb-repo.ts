/**
 * The built-in knowledge base (`entities`, `sources`) and the passages derived from every source
 * (`passages`). Replacing the built-in KB touches only the built-in stores: the reader's entities and
 * sources live in their own stores (user-entities-repo.ts, user-sources-repo.ts) and survive every update.
 * Passages are derived (library/passage-index.ts), so this module only stores what it is given.
 */
import type { EntityRecord, KbBundle, Passage } from '../../shared/kb-types';
import { type GlossDb, inTransaction, type PassageRow, type SourceRow } from './database';
import { readMeta, writeMeta } from './meta-repo';

/** The version of the built-in KB currently stored, if any. */
export async function storedKbVersion(db: GlossDb): Promise<string | undefined> {
  return readMeta(db, 'kbVersion');
}

/**
 * Replaces the built-in entities and sources with the bundle's in one transaction. Passages are derived
 * again afterwards (the stored KB version no longer matches what they were derived from).
 */
export async function replaceBuiltinKb(db: GlossDb, bundle: KbBundle): Promise<void> {
  await inTransaction(db, 'rw', ['entities', 'sources', 'meta'], async () => {
    await db.entities.clear();
    await db.sources.clear();
    await db.entities.bulkAdd(bundle.entities.map((e) => ({ ...e, origin: 'builtin' as const })));
    await db.sources.bulkAdd(
      bundle.sources.map<SourceRow>((s) => ({
        ...s,
        origin: 'builtin',
        mentions: bundle.mentions.filter((m) => m.sourceId === s.id).map(({ sourceId: _omit, ...m }) => m),
      })),
    );
    await writeMeta(db, 'kbVersion', bundle.version);
  });
}

/** Every built-in entity, in bundle order. */
export function builtinEntities(db: GlossDb): Promise<EntityRecord[]> {
  return db.entities.toArray();
}

/** One built-in entity. */
export function builtinEntity(db: GlossDb, id: string): Promise<EntityRecord | undefined> {
  return db.entities.get(id);
}

/** Every built-in source. */
export function builtinSources(db: GlossDb): Promise<SourceRow[]> {
  return db.sources.toArray();
}

/** One built-in source. */
export function builtinSource(db: GlossDb, id: string): Promise<SourceRow | undefined> {
  return db.sources.get(id);
}

/** Every passage quoting an entity. */
export function passagesOf(db: GlossDb, entityId: string): Promise<PassageRow[]> {
  return db.passages.where('entityId').equals(entityId).toArray();
}

/** Entity id → passages quoting it, and source id → the entities it quotes, over every passage. */
export async function passageTallies(
  db: GlossDb,
): Promise<{ byEntity: Map<string, number>; bySource: Map<string, Set<string>> }> {
  const byEntity = new Map<string, number>();
  const bySource = new Map<string, Set<string>>();
  await db.passages.each((p) => {
    byEntity.set(p.entityId, (byEntity.get(p.entityId) ?? 0) + 1);
    const set = bySource.get(p.sourceId) ?? new Set<string>();
    set.add(p.entityId);
    bySource.set(p.sourceId, set);
  });
  return { byEntity, bySource };
}

/** Which passages a rebuild replaces: all, those of some sources, or those of some entities. */
export type PassageScope =
  | { all: true }
  | { sourceIds: readonly string[] }
  | { entityIds: readonly string[] };

/** Replaces the passages in `scope` with `rows` in one transaction, and records what they reflect. */
export async function replacePassages(
  db: GlossDb,
  scope: PassageScope,
  rows: ReadonlyArray<Passage & { origin: 'builtin' | 'user' }>,
  reflects: string,
): Promise<void> {
  await inTransaction(db, 'rw', ['passages', 'meta'], async () => {
    if ('all' in scope) await db.passages.clear();
    else if ('sourceIds' in scope)
      await db.passages
        .where('sourceId')
        .anyOf([...scope.sourceIds])
        .delete();
    else
      await db.passages
        .where('entityId')
        .anyOf([...scope.entityIds])
        .delete();
    await db.passages.bulkPut([...rows]);
    await writeMeta(db, 'passagesFor', reflects);
  });
}
