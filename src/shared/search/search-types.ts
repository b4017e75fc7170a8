import type { EntityType } from '../kb-types';

/**
 * What one search answers, for every box that searches (dashboard, popup, omnibox) and the entity page.
 * The background owns the index (background/search/); pages only render these.
 */

/** The three kinds of things a search finds, in the order their groups are offered when scores tie. */
export const SEARCH_KINDS = ['entity', 'note', 'source'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** A piece of a snippet: plain text, or text that matched a query word (`mark`). */
export interface SnippetPart {
  text: string;
  mark?: true;
}

/** Where opening a result goes. */
export type SearchTarget =
  /** A note: its page in a new tab, scrolled to the note (the `openNote` request). */
  | { kind: 'note'; noteId: string }
  /** A source: the reader at the passage (`passageId` as in reader-url.ts), or at the top. */
  | { kind: 'source'; sourceId: string; passageId?: string }
  /** An entity: its page, entity.html?id=… */
  | { kind: 'entity'; entityId: string };

/** One result. */
export interface SearchHit {
  kind: SearchKind;
  /** The note, source or entity id. */
  id: string;
  /** Note: its page's title (or address); source: its title; entity: its name. */
  title: string;
  /** Note: its site; source: author and site; entity: its other names. */
  detail: string;
  /** Note: last changed; source: published (else kept); ms since the epoch, for the page to format. */
  date?: number;
  /** An entity's type, for the page to name in its language. */
  entityType?: EntityType;
  /** Text around the best match with the matched words marked; empty when the title is what matched. */
  snippet: SnippetPart[];
  /** The words of the title that matched, marked. */
  titleParts: SnippetPart[];
  target: SearchTarget;
  score: number;
}

/** The results of one kind: how many matched in all, and the best few. */
export interface SearchGroup {
  kind: SearchKind;
  total: number;
  hits: SearchHit[];
}

/** What a `search` request answers. */
export interface SearchResults {
  query: string;
  /** Groups with at least one hit, best group first. */
  groups: SearchGroup[];
  /** Milliseconds the background spent answering (catch-up, query and snippets). */
  tookMs: number;
}

/** A search: words, optionally restricted to some kinds and to things connected with one entity. */
export interface SearchQuery {
  query: string;
  kinds?: SearchKind[];
  /** Only notes about this entity or on pages where it was seen, sources that mention it, and the entity. */
  entityId?: string;
  /** Hits per group (default 8, at most 50). */
  limit?: number;
}

/** Longest query the background accepts. */
export const SEARCH_QUERY_MAX = 500;
