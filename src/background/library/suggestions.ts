/**
 * The review queue: entities proposed from every source, never added by themselves. Each source yields its
 * best candidates (suggest/ in shared); a name found in several sources is listed once, under the source
 * where it scored best, with its mentions added up. Names already known (any alias of any entity, hidden
 * ones too: hiding is a decision about that name) and names the reader rejected are never proposed.
 * Computed when asked and kept until the KB, the sources or the rejections change.
 */
import type { SuggestionView } from '../../shared/library/library-types';
import { suggestEntities } from '../../shared/suggest/suggest-entities';
import { nameKey } from '../../shared/suggest/text';
import type { GlossDb } from '../db/database';
import { builtinSources } from '../db/kb-repo';
import { rejectedKeys } from '../db/rejections-repo';
import { liveUserSources } from '../db/user-sources-repo';
import type { KbState } from './effective-kb';

/** Per source, at most this many candidates: the measured precision is for the top 20 (docs/suggestions.md). */
const PER_SOURCE = 20;
/** The queue shows at most this many. */
const MAX_LISTED = 300;

interface Cached {
  key: string;
  list: SuggestionView[];
}
const cache = new WeakMap<GlossDb, Cached>();

/** The queue, best first. */
export async function listSuggestions(
  db: GlossDb,
  state: KbState,
  sourcesKey: string,
): Promise<SuggestionView[]> {
  const rejected = await rejectedKeys(db);
  const key = `${state.version}|${sourcesKey}|${rejected.length}`;
  const hit = cache.get(db);
  if (hit?.key === key) return hit.list;
  const known = state.all.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)]);
  const sources = [
    ...(await liveUserSources(db)).map((s) => ({ id: s.id, title: s.title, blocks: s.blocks })),
    ...(await builtinSources(db)).map((s) => ({ id: s.id, title: s.title, blocks: s.blocks })),
  ];
  const best = new Map<string, SuggestionView & { score: number }>();
  for (const source of sources) {
    for (const s of suggestEntities(source.blocks, { known, rejected, limit: PER_SOURCE })) {
      const k = nameKey(s.name);
      const seen = best.get(k);
      if (seen && seen.score >= s.score) {
        seen.occurrences += s.occurrences;
        continue;
      }
      best.set(k, {
        key: k,
        name: s.name,
        aliases: s.aliases,
        ...(s.type ? { type: s.type } : {}),
        reason: s.reason,
        occurrences: s.occurrences + (seen?.occurrences ?? 0),
        sourceId: source.id,
        sourceTitle: source.title,
        passage: { blockIndex: s.evidence.blockIndex, text: s.evidence.text },
        score: s.score,
      });
    }
  }
  const list = [...best.values()]
    .sort((a, b) => b.score - a.score || b.occurrences - a.occurrences || a.name.localeCompare(b.name))
    .slice(0, MAX_LISTED)
    .map(({ score: _s, ...view }) => view);
  cache.set(db, { key, list });
  return list;
}
