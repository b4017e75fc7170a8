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
  /** Gloss's version, written with Gloss as the generator of the JSON-LD (absent: the version is left out). */
  version?: string;
  /**
   * The reader's name from the options page, written as the creator (a Person) of the collection and of
   * the notes written in Gloss; empty or absent: no creator is written.
   */
  creatorName?: string;
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
  /** The page's `language`, when the file gives one (language-tag.ts). */
  lang?: string;
  anchor: NoteAnchor | null;
  entityId?: string;
  body: string;
  color: NoteColor;
  tags: string[];
  createdAt: number;
  updatedAt: number;
}

/**
 * An annotation of the file as the import summary names it: `index` counts from 1 in file order, `id` is
 * the annotation's own id (shortened to 100 characters) when it has one.
 */
export interface AnnotationRef {
  index: number;
  id?: string;
}

/**
 * Something the file holds that Gloss cannot use: an annotation, or one target of an annotation whose
 * other targets were imported. `reason` completes "annotation 4 (…)": "has neither text nor a quoted passage".
 */
export interface SkippedAnnotation extends AnnotationRef {
  reason: string;
}

/**
 * An annotation imported otherwise than the file says, and how; `change` completes "annotation 4 (…)":
 * "became a page note, as Gloss cannot show an image region (xywh=100,100,300,300)".
 */
export interface ChangedAnnotation extends AnnotationRef {
  change: string;
}

/** The result of reading a whole file. */
export interface ParsedImport {
  notes: ImportedNote[];
  skipped: SkippedAnnotation[];
  changed: ChangedAnnotation[];
  /** A sentence when the file is one page of a longer collection whose other pages it does not hold. */
  more?: string;
}

/** Options of `parseAnnotations`. */
export interface ParseOptions {
  /** The time to use for annotations without a usable date (ms); defaults to `Date.now()`. */
  now?: number;
  /**
   * The entities this knowledge base has. When given, a note about any other entity becomes a page note
   * (it would never show in a card), and the summary says so.
   */
  knownEntities?: ReadonlySet<string>;
}
