/**
 * Reads and replaces the knowledge base in IndexedDB. Replacing touches only `origin: 'builtin'` rows, so
 * whatever the user added survives every update of the bundle.
 */
import type { CardData, EntityRecord, EntitySummary, KbBundle, SourceMeta } from '../../shared/kb-types';
import type { AliasSpec, SourceView } from '../../shared/protocol';
import { type GlossDb, inTransaction, type SourceRow } from './database';
import { readMeta, writeMeta } from './meta-repo';

/** The version of the built-in KB currently stored, if any. */
export async function storedKbVersion(db: GlossDb): Promise<string | undefined> {
  return readMeta(db, 'kbVersion');
}

/**
 * Replaces the built-in part of the KB with `bundle` in one transaction; a user entity whose id collides
 * with a built-in one keeps precedence.
 */
export async function replaceBuiltinKb(db: GlossDb, bundle: KbBundle): Promise<void> {
  await inTransaction(db, 'rw', ['entities', 'passages', 'sources', 'meta'], async () => {
    await db.entities.where('origin').equals('builtin').delete();
    await db.passages.where('origin').equals('builtin').delete();
    await db.sources.where('origin').equals('builtin').delete();
    const userIds = new Set((await db.entities.toArray()).map((e) => e.id));
    await db.entities.bulkAdd(
      bundle.entities.filter((e) => !userIds.has(e.id)).map((e) => ({ ...e, origin: 'builtin' as const })),
    );
    await db.passages.bulkAdd(
      bundle.passages
        .filter((p) => !userIds.has(p.entityId))
        .map((p) => ({ ...p, origin: 'builtin' as const })),
    );
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

/** Summary of an entity record. */
export function summarise(e: EntityRecord): EntitySummary {
  return { id: e.id, name: e.name, type: e.type };
}

/** Every entity, as summaries and as the flat alias list the content-script matcher compiles. */
export async function matcherData(db: GlossDb): Promise<{ entities: EntitySummary[]; aliases: AliasSpec[] }> {
  const records = await db.entities.toArray();
  return {
    entities: records.map(summarise),
    aliases: records.flatMap((e) => e.aliases.map((a) => ({ ...a, entityId: e.id }))),
  };
}

/** Every entity, summarised. */
export async function entitySummaries(db: GlossDb): Promise<EntitySummary[]> {
  return (await db.entities.toArray()).map(summarise);
}

/** The entities with these ids that the knowledge base has, summarised, in the order given. */
export async function summariesOf(db: GlossDb, ids: readonly string[]): Promise<EntitySummary[]> {
  return (await db.entities.bulkGet([...ids])).filter((e) => e !== undefined).map(summarise);
}

/** A whole source with its mentions and the entities they name, or undefined for an unknown id. */
export async function sourceView(db: GlossDb, sourceId: string): Promise<SourceView | undefined> {
  const source = await db.sources.get(sourceId);
  if (!source) return undefined;
  const { mentions, origin: _o, ...doc } = source;
  const entities = await summariesOf(db, [...new Set(mentions.map((m) => m.entityId))]);
  return { source: doc, mentions, entities };
}

/** Every source's id and title, for pickers. */
export async function sourceTitles(db: GlossDb): Promise<{ id: string; title: string }[]> {
  return (await db.sources.toArray()).map((s) => ({ id: s.id, title: s.title }));
}

/** Source metadata without the text. */
export function sourceMeta({ blocks: _b, mentions: _m, origin: _o, ...meta }: SourceRow): SourceMeta {
  return meta;
}

/** Everything a card shows for one entity, or undefined if the KB has no such entity. */
export async function cardData(db: GlossDb, entityId: string): Promise<CardData | undefined> {
  const entity = await db.entities.get(entityId);
  if (!entity) return undefined;
  const passages = await db.passages.where('entityId').equals(entityId).toArray();
  const sources = new Map((await db.sources.toArray()).map((s) => [s.id, s]));
  const related = (await db.entities.bulkGet(entity.related)).filter(
    (e): e is EntityRecord => e !== undefined,
  );
  const order = (id: string): number => [...sources.keys()].indexOf(id);
  return {
    entity: { ...summarise(entity), description: entity.description, links: entity.links ?? [] },
    passages: passages
      .filter((p) => sources.has(p.sourceId))
      .sort(
        (a, b) => order(a.sourceId) - order(b.sourceId) || a.blockIndex - b.blockIndex || a.start - b.start,
      )
      .map(({ origin: _o, ...p }) => ({ ...p, source: sourceMeta(sources.get(p.sourceId)!) })),
    related: related.map(summarise),
  };
}
