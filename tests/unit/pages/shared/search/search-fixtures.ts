/** Search replies for the search box tests, shaped as the background's `search` request answers. */
import type {
  SearchHit,
  SearchKind,
  SearchResults,
  SearchTarget,
} from '../../../../../src/shared/search/search-types';

/** One hit with its target; the title's first word marked unless told otherwise. */
export function hit(kind: SearchKind, id: string, title: string, patch: Partial<SearchHit> = {}): SearchHit {
  const target: SearchTarget =
    kind === 'note'
      ? { kind, noteId: id }
      : kind === 'entity'
        ? { kind, entityId: id }
        : { kind, sourceId: id, passageId: `${id}:2:40` };
  return {
    kind,
    id,
    title,
    detail: `${kind} detail`,
    snippet: [],
    titleParts: [{ text: title }],
    target,
    score: 1,
    ...patch,
  };
}

/** A reply with one group per kind given, in that order; `total` defaults to the hits given. */
export function reply(query: string, groups: Array<[SearchKind, SearchHit[], number?]>): SearchResults {
  return {
    query,
    groups: groups.map(([kind, hits, total]) => ({ kind, hits, total: total ?? hits.length })),
    tookMs: 1,
  };
}

/** Notes (two), then a source, then an entity. */
export const mixed = (query: string): SearchResults =>
  reply(query, [
    [
      'note',
      [
        hit('note', 'n1', 'Cyber ties', {
          titleParts: [{ text: 'Cyber', mark: true }, { text: ' ties' }],
          snippet: [{ text: 'the <b>' }, { text: 'cyber', mark: true }, { text: '</b> pact' }],
        }),
        hit('note', 'n2', 'Second note', { date: Date.UTC(2026, 11, 2, 12) }),
      ],
      12,
    ],
    ['source', [hit('source', 's1', 'Undersea cables')], 3],
    ['entity', [hit('entity', 'apt10', 'APT10', { detail: 'Stone Panda', entityType: 'threat-actor' })], 1],
  ]);
