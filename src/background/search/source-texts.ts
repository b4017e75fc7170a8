/**
 * The text of the sources that results came from, kept for the next queries: a search dresses up to a page
 * of source hits with snippets, and reading each whole article again from IndexedDB on every keystroke costs
 * more than the query itself. Bounded, and forgotten for a source as soon as the index re-reads it.
 */
import type { SourceBlock, SourceMeta } from '../../shared/kb-types';
import type { GlossDb } from '../db/database';
import { builtinSource } from '../db/kb-repo';
import { getUserSource } from '../db/user-sources-repo';
import { builtinMeta, userMeta } from '../library/source-meta';

export interface SourceText {
  meta: SourceMeta;
  blocks: readonly SourceBlock[];
}

/** Sources kept, most recently used last. */
export type SourceTexts = Map<string, SourceText>;

const LIMIT = 48;

/** A source's attribution and text, from the cache or IndexedDB; undefined when it is gone. */
export async function sourceText(
  db: GlossDb,
  cache: SourceTexts,
  id: string,
): Promise<SourceText | undefined> {
  const cached = cache.get(id);
  if (cached) {
    cache.delete(id);
    cache.set(id, cached);
    return cached;
  }
  const user = await getUserSource(db, id);
  const row = user && !user.deleted ? undefined : await builtinSource(db, id);
  const text =
    user && !user.deleted
      ? { meta: userMeta(user), blocks: user.blocks }
      : row
        ? { meta: builtinMeta(row), blocks: row.blocks }
        : undefined;
  if (!text) return undefined;
  cache.set(id, text);
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
  return text;
}
