/**
 * "Where you have seen it": the pages on which Gloss highlighted an entity, recorded in this browser only
 * (never synced, never sent, never in private windows). background/history/ owns the records.
 */

/** One page on which an entity was highlighted. */
export interface Sighting {
  entityId: string;
  /** The normalised address the page is filed under (normalize-url.ts), as for notes. */
  pageKey: string;
  url: string;
  title: string;
  /** When the entity was last highlighted on this page (ms since the epoch). */
  lastSeen: number;
  /** When it was first highlighted on this page. */
  firstSeen: number;
  /** Mentions highlighted on the page the last time it was shown (all frames). */
  mentions: number;
}

/** An entity's history, for its page: the newest pages, and the totals over all of them. */
export interface EntityHistory {
  /** Whether recording is switched on in the options. */
  isRecording: boolean;
  /** Newest first, at most `HISTORY_PAGE_LIMIT`. */
  pages: Sighting[];
  /** How many pages in all. */
  pageCount: number;
  lastSeen?: number;
}

/** Most pages an entity page lists (the count still says how many in all). */
export const HISTORY_PAGE_LIMIT = 500;

/** Choices of how long the history is kept, in days; 0 keeps it until cleared. */
export const RETENTION_CHOICES = [7, 30, 90, 365, 0] as const;
export type RetentionDays = (typeof RETENTION_CHOICES)[number];
export const DEFAULT_RETENTION_DAYS: RetentionDays = 90;
