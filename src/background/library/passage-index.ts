/**
 * The passages cards quote, derived from every source (built-in and the reader's) with the same matcher
 * pages use, and kept up to date incrementally: a saved or deleted source rescans that source, a changed
 * entity rescans every source for that entity only. Anything else (a new built-in bundle, a change
 * interrupted before its passages were written) is caught by comparing what the passages reflect with the
 * current versions, and answered with a full rebuild.
 */
import type { Passage } from '../../shared/kb-types';
import { scanSource } from '../../shared/library/source-scan';
import { compileMatcher } from '../../shared/matcher/matcher';
import type { GlossDb } from '../db/database';
import { builtinSources, type PassageScope, replacePassages } from '../db/kb-repo';
import { passagesState } from '../db/library-meta';
import { getUserSource, liveUserSources } from '../db/user-sources-repo';
import { aliasesOf, type KbState, kbState } from './effective-kb';

/** A source as scanning needs it. */
interface ScannableSource {
  id: string;
  origin: 'builtin' | 'user';
  lang?: string;
  blocks: readonly { text: string }[];
}

async function everySource(db: GlossDb): Promise<ScannableSource[]> {
  const builtin = (await builtinSources(db)).map((s) => ({
    id: s.id,
    origin: 'builtin' as const,
    lang: 'en',
    blocks: s.blocks,
  }));
  const mine = (await liveUserSources(db)).map((s) => ({
    id: s.id,
    origin: 'user' as const,
    lang: s.lang,
    blocks: s.blocks,
  }));
  return [...builtin, ...mine];
}

function rowsOf(sources: readonly ScannableSource[], find: (s: ScannableSource) => Passage[]) {
  return sources.flatMap((s) => find(s).map((p) => ({ ...p, origin: s.origin })));
}

async function write(
  db: GlossDb,
  state: KbState,
  scope: PassageScope,
  rows: Parameters<typeof replacePassages>[2],
) {
  const { wanted } = await passagesState(db);
  await replacePassages(db, scope, rows, wanted(state.version));
}

/** Derives every passage again when they do not reflect the current KB and sources. */
export async function ensurePassages(db: GlossDb, state: KbState): Promise<void> {
  const { built, wanted } = await passagesState(db);
  if (built === wanted(state.version)) return;
  const matcher = state.matcher();
  const rows = rowsOf(await everySource(db), (s) => scanSource(s.id, s.blocks, matcher, s.lang).passages);
  await write(db, state, { all: true }, rows);
}

/** Rescans the reader's sources with these ids (a deleted one simply loses its passages). */
export async function updateSourcePassages(
  db: GlossDb,
  state: KbState,
  sourceIds: readonly string[],
): Promise<void> {
  const sources: ScannableSource[] = [];
  for (const id of sourceIds) {
    const s = await getUserSource(db, id);
    if (s && !s.deleted) sources.push({ id, origin: 'user', lang: s.lang, blocks: s.blocks });
  }
  const matcher = state.matcher();
  await write(
    db,
    state,
    { sourceIds },
    rowsOf(sources, (s) => scanSource(s.id, s.blocks, matcher, s.lang).passages),
  );
}

/**
 * The effective KB once the built-in KB is loaded (`ready`), with its passages derived: what every request
 * that shows entities or passages reads.
 */
export async function readyKb(db: GlossDb, ready: () => Promise<unknown>): Promise<KbState> {
  await ready();
  const state = await kbState(db);
  await ensurePassages(db, state);
  return state;
}

/**
 * Rescans every source for these entities only (created, edited, hidden, deleted or reset). An entity
 * that is gone or hidden loses its passages. Overlaps with other entities' names are not re-resolved
 * here (the full rebuild does that): a new alias inside another entity's longer name is quoted for both.
 */
export async function updateEntityPassages(
  db: GlossDb,
  state: KbState,
  entityIds: readonly string[],
): Promise<void> {
  const wanted = new Set(entityIds);
  const aliases = aliasesOf(state.active.filter((e) => wanted.has(e.id)));
  const rows =
    aliases.length === 0
      ? []
      : rowsOf(
          await everySource(db),
          (s) => scanSource(s.id, s.blocks, compileMatcher(aliases), s.lang).passages,
        );
  await write(db, state, { entityIds }, rows);
}
