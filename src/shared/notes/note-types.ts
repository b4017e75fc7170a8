/**
 * A reader's note as stored, with the sync-ready fields of docs/sync.md from the start: a client
 * UUID, the device that last wrote it, one hybrid logical clock per field plus their maximum, a `deleted`
 * tombstone, and the server's version once synced.
 *
 * Three kinds of note share one record:
 * - a passage note: `anchor` set, shown as a highlight on its page;
 * - an entity note: `entityId` set, shown in that entity's card on every page;
 * - a page note: neither (imported from tools that annotate whole pages), listed for its page.
 */

/** The highlight colours a note can have, in the order the editor offers them. */
export const NOTE_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];
/** The colour a new note starts with, and the one a note whose colour was lost is given back. */
export const DEFAULT_NOTE_COLOR: NoteColor = 'yellow';

/** Whether a stored or imported value is one of the note colours. */
export function isNoteColor(value: unknown): value is NoteColor {
  return (NOTE_COLORS as readonly unknown[]).includes(value);
}

/** W3C Web Annotation selectors for the passage a note is attached to. */
export interface NoteAnchor {
  /** TextQuoteSelector: the passage and up to 32 characters either side. */
  quote: { exact: string; prefix: string; suffix: string };
  /**
   * TextPositionSelector: offsets into the page's text (see content/notes/text-map.ts). Absent for
   * imported annotations that carried only a quote.
   */
  position?: { start: number; end: number };
}

/** The fields that merge one by one, each with its own clock. */
export type NoteField = 'body' | 'color' | 'tags' | 'anchor' | 'deleted';
export const NOTE_FIELDS: readonly NoteField[] = ['body', 'color', 'tags', 'anchor', 'deleted'];

/** A note row. */
export interface NoteRecord {
  /** Client-made UUID. */
  id: string;
  /** The address as the reader saw it. */
  url: string;
  /** The normalised address notes are looked up by (see normalize-url.ts). */
  pageKey: string;
  /** Host of `pageKey` without "www.", for the dashboard's site filter. */
  site: string;
  /** The page's title when the note was written ('' when unknown). */
  title: string;
  /**
   * The page's declared language (language-tag.ts), exported as the page's `language`. Kept by this browser
   * only: the synced record has no such field (older Gloss versions and servers refuse unknown fields), so a
   * pull keeps the local value and a note that arrives from another device has none.
   */
  lang?: string;
  /** Set for notes about an entity rather than a passage; such notes show on every page naming it. */
  entityId?: string;
  anchor: NoteAnchor | null;
  body: string;
  color: NoteColor;
  tags: string[];
  deleted: boolean;
  createdAt: number;
  updatedAt: number;
  /** Device that last wrote the note. */
  deviceId: string;
  /** HLC per field, and the highest of them. */
  clocks: Record<NoteField, string>;
  hlc: string;
  /** The server's version after the first sync. */
  serverVersion?: number;
}

/** What other contexts see of a note (no clocks or sync bookkeeping). */
export type NoteView = Omit<NoteRecord, 'clocks' | 'hlc' | 'deviceId' | 'serverVersion'>;

/** A local change waiting to be pushed, written in the same transaction as the note. */
export interface NoteOutboxEntry {
  seq?: number;
  noteId: string;
  /** Per-device increasing id, so that a retried push is harmless. */
  mutationId: number;
  fields: NoteField[];
  kind?: undefined;
}

/**
 * A change of a source or entity of the reader's (issue 13), queued in the same outbox and the same
 * sequence of mutation ids as notes; the sync of those records (issue 16) sends them.
 */
export interface LibraryOutboxEntry {
  seq?: number;
  kind: 'source' | 'entity';
  recordId: string;
  mutationId: number;
  fields: string[];
  noteId?: undefined;
}

/** A row of the outbox. */
export type OutboxEntry = NoteOutboxEntry | LibraryOutboxEntry;

/** Longest note body, tag and tag list a note may have (the editor, protocol and import all enforce them). */
export const NOTE_LIMITS = {
  body: 20_000,
  tag: 64,
  tags: 32,
  quote: 5_000,
  context: 64,
  title: 500,
  url: 8_192,
} as const;
