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

/** The content of the first `<meta>` with one of these `property` or `name` values. */
export function metaContent(doc: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    for (const attr of ['property', 'name']) {
      const meta = doc.querySelector(`meta[${attr}="${key}" i]`);
      const text = cleanText(meta?.getAttribute('content'));
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

/**
 * `value` as an ISO 8601 date, or undefined when it is not a date a page would mean ("yesterday", "", a
 * year like 20240 from a typo). Date-only values stay at midnight UTC.
 */
export function isoDate(value: unknown): string | undefined {
  const text = cleanText(value);
  // A bare number would parse as a year or a timestamp; pages that mean a date write one out.
  if (!text || /^\d+$/.test(text)) return undefined;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  return year >= 1900 && year <= 2200 ? date.toISOString() : undefined;
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
      isoDate(metaContent(doc, 'article:published_time', 'datePublished', 'date')) ??
      fromJsonLd(nodes, 'datePublished', isoDate),
    lang: languageTag(doc.documentElement?.getAttribute('lang')),
  };
}
