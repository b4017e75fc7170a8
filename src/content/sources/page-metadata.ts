/**
 * What a page says about itself: canonical address, author, site, publication date and language, read from
 * its `<head>` and its JSON-LD. Only reads: nothing here changes the page or runs any of its code (JSON-LD is
 * parsed as data with JSON.parse).
 */
import { languageTag } from '../../shared/notes/language-tag';

/** JSON-LD blocks larger than this are skipped: real ones are a few kilobytes, and a page can lie. */
const MAX_JSON_LD_CHARS = 500_000;
/** How deep into nested JSON-LD to look; real graphs are two or three levels deep. */
const MAX_JSON_LD_DEPTH = 6;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A trimmed, whitespace-collapsed string, or undefined when there is no text. The ideographic space (U+3000)
 * is kept: Japanese and Chinese headlines use it as a separator, and it is part of the words as written.
 */
export function cleanText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/[^\S\u3000]+/g, ' ').trim();
  return text || undefined;
}

/**
 * The content of the first `<meta>` with one of these `property`, `name` or `itemprop` values (some sites write
 * the value in `value=` rather than `content=`).
 */
export function metaContent(doc: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const meta = doc.querySelector(`meta[${attr}="${key}" i]`);
      const text = cleanText(meta?.getAttribute('content') ?? meta?.getAttribute('value'));
      if (text) return text;
    }
  }
  return undefined;
}

/** Every object in the page's JSON-LD, flattened out of arrays and `@graph`s; malformed blocks are skipped. */
export function jsonLdNodes(doc: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > MAX_JSON_LD_DEPTH) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
    } else if (isObject(value)) {
      nodes.push(value);
      if ('@graph' in value) visit(value['@graph'], depth + 1);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    const json = script.textContent ?? '';
    if (json.length > MAX_JSON_LD_CHARS) continue;
    try {
      visit(JSON.parse(json), 0);
    } catch {
      // A page's broken JSON-LD is its own problem: the other sources of metadata still count.
    }
  }
  return nodes;
}

/** A JSON-LD author: a name, a Person or Organization with a name, or a list of those (names joined). */
function authorName(value: unknown): string | undefined {
  if (typeof value === 'string') return cleanText(value);
  if (isObject(value)) return cleanText(value.name);
  if (Array.isArray(value)) {
    const names = value.map(authorName).filter((name): name is string => name !== undefined);
    return names.length > 0 ? names.join(', ') : undefined;
  }
  return undefined;
}

/** The first JSON-LD field `key` that `read` makes something of. */
function fromJsonLd<T>(
  nodes: JsonObject[],
  key: string,
  read: (value: unknown) => T | undefined,
): T | undefined {
  for (const node of nodes) {
    const value = key in node ? read(node[key]) : undefined;
    if (value !== undefined) return value;
  }
  return undefined;
}

/** A date, with optionally a time and a UTC offset, as pages write them in ISO 8601. */
const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * `value` as an ISO 8601 timestamp, or undefined when it is not a date a page would mean ("yesterday", "", a
 * year like 20240 from a typo). The day stays the page's: a time with a UTC offset keeps that offset
 * ("2024-03-14T06:00:00.000+09:00", not the 13th in UTC), and a date or time without one is taken as that
 * wall-clock day and written at UTC, so the date shown later (format-date.ts `formatPageDate`) is the one the
 * page printed, wherever the reader is.
 */
export function isoDate(value: unknown): string | undefined {
  const text = cleanText(value);
  // A bare number would parse as a year or a timestamp; pages that mean a date write one out.
  if (!text || /^\d+$/.test(text)) return undefined;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  const m = ISO_LIKE.exec(text);
  let out: string;
  if (m) {
    const [, y, mo, d, h = '00', mi = '00', se = '00', zone] = m;
    const offset = !zone || zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    out = `${y}-${mo}-${d}T${h}:${mi}:${se}.000${zone ? offset : 'Z'}`;
  } else {
    // Other forms ("March 14, 2024", RFC 2822): the wall-clock day as this browser reads it.
    const local = new Date(time);
    out = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}T00:00:00.000Z`;
  }
  const year = Number(out.slice(0, 4));
  return year >= 1900 && year <= 2200 && !Number.isNaN(Date.parse(out)) ? out : undefined;
}

/** An absolute http(s) address from `href`, resolved against the page's base, or undefined. */
function httpUrl(href: string | null | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The metadata a source takes from its page, whatever way its text is read. */
export interface PageMetadata {
  url: string;
  canonical?: string;
  title?: string;
  author?: string;
  siteName?: string;
  publishedAt?: string;
  lang?: string;
}

export function readPageMetadata(doc: Document): PageMetadata {
  const nodes = jsonLdNodes(doc);
  const canonical = doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href');
  return {
    url: doc.URL,
    canonical: httpUrl(canonical, doc.baseURI),
    title: cleanText(doc.title) ?? metaContent(doc, 'og:title', 'twitter:title'),
    author: metaContent(doc, 'author') ?? fromJsonLd(nodes, 'author', authorName),
    siteName: metaContent(doc, 'og:site_name', 'application-name'),
    publishedAt:
      isoDate(metaContent(doc, 'article:published_time', 'datePublished', 'og:pubdate', 'pubdate', 'date')) ??
      fromJsonLd(nodes, 'datePublished', isoDate),
    lang: languageTag(doc.documentElement?.getAttribute('lang')),
  };
}
