/**
 * How a source is attributed (title, site, author, date), whichever kind it is, and how sources are
 * ordered: newest first, by the date the page gave or else the day it was kept; built-in sources, which
 * have only a date in words, after every dated one.
 */
import type { SourceMeta } from '../../shared/kb-types';
import type { UserSourceRecord } from '../../shared/library/library-types';
import type { SourceRow } from '../db/database';
import { hostOf } from '../tab-mentions';

/** A built-in source's attribution. */
export function builtinMeta(s: SourceRow): SourceMeta {
  return {
    id: s.id,
    origin: 'builtin',
    title: s.title,
    site: s.publication,
    author: s.author,
    authorAffiliation: s.authorAffiliation,
    ...(s.subtitle ? { subtitle: s.subtitle } : {}),
    ...(s.section ? { section: s.section } : {}),
    dateText: s.approxDate,
    lang: 'en',
  };
}

/** A kept page's attribution. */
export function userMeta(s: UserSourceRecord): SourceMeta {
  return {
    id: s.id,
    origin: 'user',
    title: s.title || s.siteName || hostOf(s.url) || s.url,
    site: s.siteName || hostOf(s.canonical ?? s.url).replace(/^www\./, ''),
    ...(s.author ? { author: s.author } : {}),
    ...(s.publishedAt ? { publishedAt: s.publishedAt } : {}),
    url: s.canonical ?? s.url,
    ...(s.lang ? { lang: s.lang } : {}),
    addedAt: s.addedAt,
  };
}

/** Sort key: ms since the epoch of the source's date, or -Infinity for an undated one. */
export function dateKey(meta: SourceMeta): number {
  const at = meta.publishedAt ? Date.parse(meta.publishedAt) : meta.addedAt;
  return at !== undefined && Number.isFinite(at) ? at : Number.NEGATIVE_INFINITY;
}

/** Newest first; ties (and undated sources) keep their given order. */
export function newestFirst(a: SourceMeta, b: SourceMeta): number {
  return dateKey(b) - dateKey(a) || 0;
}
