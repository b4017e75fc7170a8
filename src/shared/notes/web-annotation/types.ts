/**
 * What the Web Annotation export takes and what the import gives back. Imported notes carry only what a
 * file can say; the background adds the device, clocks and page key when it stores them.
 */
import type { NoteAnchor, NoteColor } from '../note-types';

/** Options shared by both export formats. */
export interface ExportOptions {
  /** Display names of the entities entity notes are about, by entity id (missing ones show the id). */
  entityNames: Record<string, string>;
  /** When the export is made (ms); passed in so that the same notes always give the same bytes. */
  exportedAt: number;
}

/** One note read from a file. */
export interface ImportedNote {
  /** Lowercase UUID: the file's own `urn:uuid:` id, or one derived from its id or content (derived-id.ts). */
  id: string;
  /**
   * The page's address (always http or https). Empty only for an entity note whose file does not say which
   * page it was written on; such a note still shows in its entity's card.
   */
  url: string;
  title: string;
  anchor: NoteAnchor | null;
  entityId?: string;
  body: string;
  color: NoteColor;
  tags: string[];
  createdAt: number;
  updatedAt: number;
}

/** An annotation the file holds that Gloss cannot use; `index` counts from 1 in file order. */
export interface SkippedAnnotation {
  index: number;
  reason: string;
}

/** The result of reading a whole file. */
export interface ParsedImport {
  notes: ImportedNote[];
  skipped: SkippedAnnotation[];
}

/** Options of `parseAnnotations`. */
export interface ParseOptions {
  /** The time to use for annotations without a usable date (ms); defaults to `Date.now()`. */
  now?: number;
}
