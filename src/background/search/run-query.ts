/**
 * One query over the index: match (every word, else any word), fold block hits into their source, rank
 * (an entity whose name or other name is exactly the query comes first), group by kind with counts, and
 * dress the best hits of each group with a title, a detail line and a snippet read from the records.
 */
import type { SearchResult } from 'minisearch';
import { ellipsize } from '../../shared/ellipsize';
import { foldText } from '../../shared/search/fold';
import {
  SEARCH_KINDS,
  type SearchGroup,
  type SearchHit,
  type SearchKind,
  type SearchQuery,
} from '../../shared/search/search-types';
import { firstMatch, markAll, snippetOf } from '../../shared/search/snippet';
import { tokenize } from '../../shared/search/tokenize';
import type { GlossDb } from '../db/database';
import { notesByIds } from '../db/notes-repo';
import { type KbState, otherNames } from '../library/effective-kb';
import { connectedTo } from './entity-filter';
import type { IndexState } from './index-store';
import { parseDocId } from './search-docs';
import { searchOptions } from './search-index';
import { sourceText } from './source-texts';

const DEFAULT_LIMIT = 8;
/** Fewer exact matches than this, and typos are forgiven too (a second, slower pass). */
const ENOUGH = 5;
/** An entity named exactly what was typed outranks every mention elsewhere. */
const EXACT_NAME_BONUS = 4;
const DESCRIPTION_CHARS = 180;

/** The best match of one note, source or entity. */
interface Found {
  kind: SearchKind;
  id: string;
  score: number;
  terms: Set<string>;
  /** For a source: its best block, when a block (not the title) matched. */
  block?: number;
  blockScore?: number;
}

function collect(results: readonly SearchResult[], kb: KbState, folded: string): Map<string, Found> {
  const found = new Map<string, Found>();
  for (const r of results) {
    const { kind, id, block } = parseDocId(String(r.id));
    const key = `${kind}:${id}`;
    let score = r.score;
    if (kind === 'entity') {
      const e = kb.byId.get(id);
      if (e && [e.name, ...e.aliases.map((a) => a.text)].some((n) => foldText(n) === folded))
        score *= EXACT_NAME_BONUS;
    }
    const f = found.get(key) ?? { kind, id, score: 0, terms: new Set<string>() };
    f.score = Math.max(f.score, score);
    for (const t of r.terms) f.terms.add(t);
    if (block !== undefined && (f.blockScore === undefined || r.score > f.blockScore)) {
      f.block = block;
      f.blockScore = r.score;
    }
    found.set(key, f);
  }
  return found;
}

async function noteHits(db: GlossDb, found: readonly Found[]): Promise<SearchHit[]> {
  const notes = await notesByIds(
    db,
    found.map((f) => f.id),
  );
  return found.flatMap((f, i) => {
    const note = notes[i];
    if (!note || note.deleted) return [];
    const title = note.title || note.url;
    const snippet =
      snippetOf(note.body, f.terms) ??
      snippetOf(note.anchor?.quote.exact ?? '', f.terms) ??
      snippetOf(note.tags.join(' · '), f.terms) ??
      snippetOf(note.url, f.terms) ??
      (note.body ? [{ text: ellipsize(note.body, DESCRIPTION_CHARS) }] : []);
    return [
      {
        kind: 'note' as const,
        id: note.id,
        title,
        titleParts: markAll(title, f.terms),
        detail: note.site,
        date: note.updatedAt,
        snippet,
        target: { kind: 'note' as const, noteId: note.id },
        score: f.score,
      },
    ];
  });
}

async function sourceHit(db: GlossDb, st: IndexState, f: Found): Promise<SearchHit | undefined> {
  const source = await sourceText(db, st.texts, f.id);
  if (!source) return undefined;
  const { meta, blocks } = source;
  const text = f.block !== undefined ? (blocks[f.block]?.text ?? '') : '';
  const snippet = text ? snippetOf(text, f.terms) : undefined;
  const offset = firstMatch(text, f.terms)?.start ?? 0;
  const date = meta.publishedAt ? Date.parse(meta.publishedAt) : meta.addedAt;
  return {
    kind: 'source',
    id: meta.id,
    title: meta.title,
    titleParts: markAll(meta.title, f.terms),
    detail: [meta.author, meta.site].filter(Boolean).join(' · '),
    ...(date !== undefined && Number.isFinite(date) ? { date } : {}),
    snippet: snippet ?? [],
    target: {
      kind: 'source',
      sourceId: meta.id,
      ...(f.block !== undefined && snippet ? { passageId: `${meta.id}:${f.block}:${offset}` } : {}),
    },
    score: f.score,
  };
}

function entityHit(kb: KbState, f: Found): SearchHit | undefined {
  const e = kb.byId.get(f.id);
  if (!e) return undefined;
  const snippet =
    snippetOf(e.description, f.terms) ??
    (e.description ? [{ text: ellipsize(e.description, DESCRIPTION_CHARS) }] : []);
  return {
    kind: 'entity',
    id: e.id,
    title: e.name,
    titleParts: markAll(e.name, f.terms),
    detail: otherNames(e).join(', '),
    entityType: e.type,
    snippet,
    target: { kind: 'entity', entityId: e.id },
    score: f.score,
  };
}

async function hitsOf(
  db: GlossDb,
  st: IndexState,
  kb: KbState,
  kind: SearchKind,
  best: Found[],
): Promise<SearchHit[]> {
  if (kind === 'note') return noteHits(db, best);
  if (kind === 'entity') return best.flatMap((f) => entityHit(kb, f) ?? []);
  const hits = await Promise.all(best.map((f) => sourceHit(db, st, f)));
  return hits.filter((h): h is SearchHit => h !== undefined);
}

/** Runs a query; the caller has brought the index up to date. */
export async function runQuery(
  db: GlossDb,
  st: IndexState,
  kb: KbState,
  q: SearchQuery,
): Promise<SearchGroup[]> {
  const terms = tokenize(q.query);
  if (terms.length === 0) return [];
  const kinds = new Set<SearchKind>(q.kinds?.length ? q.kinds : SEARCH_KINDS);
  const connected = q.entityId ? await connectedTo(db, kb, q.entityId) : undefined;
  const filter = (docId: string) => kinds.has(parseDocId(docId).kind) && (connected?.(docId) ?? true);
  let results = st.index.search(q.query, searchOptions('exact', filter));
  if (results.length < ENOUGH) {
    const withTypos = st.index.search(q.query, searchOptions('typos', filter));
    if (withTypos.length > results.length) results = withTypos;
  }
  if (results.length === 0 && terms.length > 1)
    results = st.index.search(q.query, searchOptions('any word', filter));
  const found = collect(results, kb, foldText(q.query).trim());
  const limit = q.limit ?? DEFAULT_LIMIT;
  const groups: SearchGroup[] = [];
  for (const kind of SEARCH_KINDS) {
    if (!kinds.has(kind)) continue;
    const all = [...found.values()].filter((f) => f.kind === kind).sort((a, b) => b.score - a.score);
    if (all.length === 0) continue;
    const hits = await hitsOf(db, st, kb, kind, all.slice(0, limit));
    if (hits.length) groups.push({ kind, total: all.length, hits });
  }
  return groups.sort((a, b) => (b.hits[0]?.score ?? 0) - (a.hits[0]?.score ?? 0));
}
