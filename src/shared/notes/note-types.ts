/**
 * A reader's note as stored, with the sync-ready fields of ../shared/docs/sync.md from the start: a client
 * UUID, the device that last wrote it, one hybrid logical clock per field plus their maximum, a `deleted`
 * tombstone, and the server's version once synced.
 */

/** The highlight colours a note can have. */
export type NoteColor = 'yellow' | 'green' | 'blue' | 'pink' | 'purple';

/** W3C Web Annotation selectors for the passage a note is attached to. */
export interface NoteAnchor {
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
}

/** The fields that merge one by one, each with its own clock. */
export type NoteField = 'body' | 'color' | 'tags' | 'anchor' | 'deleted';

/** A note row. */
export interface NoteRecord {
  /** Client-made UUID. */
  id: string;
  /** The address as the reader saw it. */
  url: string;
  /** The normalised address notes are looked up by (see normalize-url.ts). */
  pageKey: string;
  /** Set for notes about an entity rather than a passage; such notes show on every page naming it. */
  entityId?: string;
  anchor: NoteAnchor | null;
  body: string;
  color: NoteColor;
  tags: string[];
  deleted: boolean;
  createdAt: number;
  /** Device that last wrote the note. */
  deviceId: string;
  /** HLC per field, and the highest of them. */
  clocks: Record<NoteField, string>;
  hlc: string;
  /** The server's version after the first sync. */
  serverVersion?: number;
}

/** A local change waiting to be pushed, written in the same transaction as the note. */
export interface OutboxEntry {
  seq?: number;
  noteId: string;
  /** Per-device increasing id, so that a retried push is harmless. */
  mutationId: number;
  fields: NoteField[];
}
