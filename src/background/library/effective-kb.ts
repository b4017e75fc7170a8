/**
 * The knowledge base as the reader sees it: the built-in entities, each replaced by the reader's version
 * when there is one, plus the reader's own entities; hidden ones kept for the dashboard but neither
 * highlighted nor quoted. Built once per version (the built-in bundle's version and the library's revision)
 * and kept in memory, so a page load costs a version check, not a read of every entity and a compile.
 */
import type { EntityDef, EntitySummary } from '../../shared/kb-types';
import type { EntityOrigin, UserEntityRecord } from '../../shared/library/library-types';
import { compileMatcher, type Matcher } from '../../shared/matcher/matcher';
import { type PackedMatcher, packMatcher } from '../../shared/matcher/packed';
import type { AliasSpec } from '../../shared/protocol';
import type { GlossDb } from '../db/database';
import { builtinEntities, storedKbVersion } from '../db/kb-repo';
import { libraryRevision } from '../db/library-meta';
import { liveUserEntities } from '../db/user-entities-repo';

/** One entity as the reader sees it. */
export interface KbEntity extends EntityDef {
  origin: EntityOrigin;
  /** A built-in entity the reader changed. */
  isEdited: boolean;
  isHidden: boolean;
}

/** The other names it is matched by, as written, without repeating its name or each other. */
export function otherNames(entity: KbEntity): string[] {
  const seen = new Set([entity.name]);
  const out: string[] = [];
  for (const { text } of entity.aliases) {
    if (seen.has(text)) continue;
    seen.add(text);
    out.push(text);
  }
  return out;
}

/** The whole effective KB at one version. */
export interface KbState {
  /** `${builtin version}+${library revision}`: changes whenever anything pages highlight changes. */
  version: string;
  all: readonly KbEntity[];
  byId: ReadonlyMap<string, KbEntity>;
  /** The entities pages highlight and cards show (not hidden). */
  active: readonly KbEntity[];
  summaries: EntitySummary[];
  aliases: AliasSpec[];
  /** The matcher over `aliases`, compiled on first use and kept with this state. */
  matcher(): Matcher;
  /** The same, packed for pages (matcher/packed.ts), made on first use and kept with this state. */
  packed(): PackedMatcher;
}

/** Per database (tests open several), the state last built. */
const cache = new WeakMap<GlossDb, KbState>();

/** The version the effective KB has now (two reads of `meta`). */
export async function currentKbVersion(db: GlossDb): Promise<string> {
  const [builtin, revision] = await Promise.all([storedKbVersion(db), libraryRevision(db)]);
  return `${builtin ?? 'none'}+${revision}`;
}

function fromUser(record: UserEntityRecord, isBuiltin: boolean): KbEntity {
  return {
    id: record.id,
    name: record.name,
    type: record.type,
    description: record.description,
    aliases: record.aliases,
    related: record.related,
    links: record.links,
    origin: isBuiltin ? 'builtin' : 'user',
    isEdited: isBuiltin,
    isHidden: record.hidden,
  };
}

/** Builds the effective list: built-in order first, then the reader's entities by name. */
export function mergeEntities(builtin: readonly EntityDef[], user: readonly UserEntityRecord[]): KbEntity[] {
  const builtinIds = new Set(builtin.map((e) => e.id));
  const userById = new Map(user.map((u) => [u.id, u]));
  const out: KbEntity[] = builtin.map((e) => {
    const own = userById.get(e.id);
    if (own) return fromUser(own, true);
    const { origin: _o, ...def } = e as EntityDef & { origin?: string };
    return { ...def, links: def.links ?? [], origin: 'builtin', isEdited: false, isHidden: false };
  });
  const mine = user
    .filter((u) => !builtinIds.has(u.id))
    .map((u) => fromUser(u, false))
    .sort((a, b) => a.name.localeCompare(b.name));
  // Related ids that name nothing (a deleted entity) are dropped here, once, rather than by every reader.
  const ids = new Set([...out, ...mine].map((e) => e.id));
  return [...out, ...mine].map((e) => ({
    ...e,
    related: (e.related ?? []).filter((r) => ids.has(r) && r !== e.id),
  }));
}

/** Every alias of `entities`, tagged with its entity id, in order. */
export function aliasesOf(entities: readonly EntityDef[]): AliasSpec[] {
  return entities.flatMap((e) => e.aliases.map((a) => ({ ...a, entityId: e.id })));
}

/** The effective KB at its current version, rebuilt only when the version moved. */
export async function kbState(db: GlossDb): Promise<KbState> {
  const version = await currentKbVersion(db);
  const cached = cache.get(db);
  if (cached?.version === version) return cached;
  const all = mergeEntities(await builtinEntities(db), await liveUserEntities(db));
  const active = all.filter((e) => !e.isHidden);
  const aliases = aliasesOf(active);
  let matcher: Matcher | undefined;
  let packed: PackedMatcher | undefined;
  const state: KbState = {
    version,
    all,
    byId: new Map(all.map((e) => [e.id, e])),
    active,
    summaries: active.map(({ id, name, type }) => ({ id, name, type })),
    aliases,
    matcher: () => {
      matcher ??= compileMatcher(aliases);
      return matcher;
    },
    packed: () => {
      packed ??= packMatcher(aliases);
      return packed;
    },
  };
  cache.set(db, state);
  return state;
}
