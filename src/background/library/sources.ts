/**
 * The reader's sources: keeping a page (or updating it), listing, deleting with undo, and reading one in
 * full. Each change rescans that source for passages at once, so cards quote it on the next hover.
 */
import type { SourceMeta } from '../../shared/kb-types';
import type { SaveSourceOutcome, SourceListItem, UserSourceRecord } from '../../shared/library/library-types';
import { scanSource } from '../../shared/library/source-scan';
import { pageKey } from '../../shared/notes/normalize-url';
import type { SourceView } from '../../shared/protocol';
import type { ExtractedSource } from '../../shared/sources/source-types';
import type { GlossDb } from '../db/database';
import { builtinSource, builtinSources, passageTallies } from '../db/kb-repo';
import {
  getUserSource,
  liveUserSources,
  saveUserSource,
  setUserSourceDeleted,
  userSourceAt,
} from '../db/user-sources-repo';
import type { KbState } from './effective-kb';
import { updateSourcePassages } from './passage-index';
import { builtinMeta, newestFirst, userMeta } from './source-meta';

function listItem(
  meta: SourceMeta,
  entityCount: number,
  textLength: number,
  isTruncated: boolean,
): SourceListItem {
  return {
    id: meta.id,
    origin: meta.origin,
    title: meta.title,
    site: meta.site,
    ...(meta.url ? { url: meta.url } : {}),
    ...(meta.author ? { author: meta.author } : {}),
    ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
    ...(meta.dateText ? { dateText: meta.dateText } : {}),
    ...(meta.addedAt !== undefined ? { addedAt: meta.addedAt } : {}),
    entityCount,
    textLength,
    isTruncated,
  };
}

const textLength = (blocks: readonly { text: string }[]): number =>
  blocks.reduce((n, b) => n + b.text.length, 0);

/** Every source, the reader's newest first, then the built-in ones. */
export async function listSources(db: GlossDb): Promise<SourceListItem[]> {
  const { bySource } = await passageTallies(db);
  const count = (id: string): number => bySource.get(id)?.size ?? 0;
  const mine = (await liveUserSources(db)).map((s) =>
    listItem(userMeta(s), count(s.id), textLength(s.blocks), s.isTruncated),
  );
  const builtin = (await builtinSources(db)).map((s) =>
    listItem(builtinMeta(s), count(s.id), textLength(s.blocks), false),
  );
  return [...mine.sort(newestFirst), ...builtin];
}

/** The list entry of one of the reader's sources, with its entity count. */
async function itemOf(db: GlossDb, record: UserSourceRecord): Promise<SourceListItem> {
  const { bySource } = await passageTallies(db);
  return listItem(
    userMeta(record),
    bySource.get(record.id)?.size ?? 0,
    textLength(record.blocks),
    record.isTruncated,
  );
}

/**
 * Keeps a page. Without `replaceId`, a page already kept under the same address is left alone and
 * reported; with it, that source's text and metadata are replaced (its id and the day it was kept stay).
 */
export async function saveSource(
  db: GlossDb,
  state: KbState,
  page: ExtractedSource,
  replaceId: string | undefined,
  nowMs: number,
): Promise<SaveSourceOutcome> {
  const key = pageKey(page.url, page.canonical);
  if (replaceId === undefined) {
    const existing = await userSourceAt(db, key);
    if (existing) return { status: 'exists', existing: await itemOf(db, existing) };
  } else if (!(await getUserSource(db, replaceId))) {
    throw new Error('That source is no longer in your library; add the page again.');
  }
  const id = replaceId ?? crypto.randomUUID();
  const record = await saveUserSource(db, id, key, page, nowMs);
  await updateSourcePassages(db, state, [id]);
  return { status: 'saved', source: await itemOf(db, record), isUpdate: replaceId !== undefined };
}

/** Deletes (or, with `deleted` false, restores) one of the reader's sources. */
export async function setSourceDeleted(
  db: GlossDb,
  state: KbState,
  id: string,
  deleted: boolean,
  nowMs: number,
): Promise<SourceListItem> {
  const record = await setUserSourceDeleted(db, id, deleted, nowMs);
  if (!record)
    throw new Error(
      (await builtinSource(db, id)) ? 'Built-in sources cannot be deleted.' : 'There is no such source.',
    );
  await updateSourcePassages(db, state, [id]);
  return itemOf(db, record);
}

/** A whole source with the mentions the current KB finds in it, or undefined for an unknown id. */
export async function sourceView(
  db: GlossDb,
  state: KbState,
  sourceId: string,
): Promise<SourceView | undefined> {
  const builtin = await builtinSource(db, sourceId);
  const mine = builtin ? undefined : await getUserSource(db, sourceId);
  if (!builtin && (!mine || mine.deleted)) return undefined;
  const meta = builtin ? builtinMeta(builtin) : userMeta(mine!);
  const blocks = builtin ? builtin.blocks : mine!.blocks;
  const { mentions } = scanSource(sourceId, blocks, state.matcher(), meta.lang);
  const ids = new Set(mentions.map((m) => m.entityId));
  return {
    source: { ...meta, blocks },
    mentions,
    entities: state.summaries.filter((e) => ids.has(e.id)),
  };
}

/** Every source's id and title, for pickers. */
export async function sourceTitles(db: GlossDb): Promise<Array<{ id: string; title: string }>> {
  return (await listSources(db)).map((s) => ({ id: s.id, title: s.title }));
}
