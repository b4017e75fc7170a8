/**
 * Notes as a W3C Web Annotation `AnnotationCollection` (JSON-LD), the format Hypothesis and other
 * annotation tools read, so a reader's notes can leave Gloss. Each note is one Annotation:
 *
 *   passage note  target { type: SpecificResource, source: { id: url, dcterms:title },
 *                          selector: [TextQuoteSelector, TextPositionSelector (when known)] }
 *   page note     target { id: url, dcterms:title }
 *   entity note   target { id: urn:gloss:entity:<id>, gloss:entity, name }, and gloss:page { id, dcterms:title }
 *
 * The text is a TextualBody with purpose "commenting" (motivation "commenting"; "highlighting" when there
 * is none), each tag a TextualBody with purpose "tagging", the colour `gloss:color` (see vocabulary.ts).
 * Output is stable: notes sorted by creation time then id, keys in a fixed order, two-space indents.
 */
import type { NoteView } from '../note-types';
import type { ExportOptions } from './types';
import { ENTITY_IRI_PREFIX, EXPORT_CONTEXT, KEY } from './vocabulary';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** ISO 8601 in UTC with milliseconds, which `Date.parse` reads back to the same number. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** The page a note was written on, as a Web resource with its title. */
function pageResource(note: NoteView): JsonObject {
  return note.title ? { id: note.url, [KEY.title]: note.title } : { id: note.url };
}

function target(note: NoteView, entityNames: Record<string, string>): JsonObject {
  if (note.entityId) {
    const name = Object.hasOwn(entityNames, note.entityId) ? entityNames[note.entityId]! : note.entityId;
    return { id: `${ENTITY_IRI_PREFIX}${note.entityId}`, [KEY.entity]: note.entityId, name };
  }
  if (!note.anchor) return pageResource(note);
  const { quote, position } = note.anchor;
  const selectors: JsonObject[] = [
    { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
  ];
  if (position) selectors.push({ type: 'TextPositionSelector', start: position.start, end: position.end });
  return { type: 'SpecificResource', source: pageResource(note), selector: selectors };
}

function bodies(note: NoteView): JsonObject[] {
  const list: JsonObject[] = [];
  if (note.body)
    list.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: note.body });
  for (const tag of note.tags) list.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  return list;
}

/** One note as an Annotation (without `@context`, which the collection carries). */
export function toAnnotation(note: NoteView, entityNames: Record<string, string>): JsonObject {
  const annotation: JsonObject = {
    id: `urn:uuid:${note.id}`,
    type: 'Annotation',
    motivation: note.body ? 'commenting' : 'highlighting',
    created: isoTime(note.createdAt),
    modified: isoTime(note.updatedAt),
  };
  const body = bodies(note);
  if (body.length > 0) annotation.body = body;
  annotation.target = target(note, entityNames);
  // An entity note imported without its page has no address to give.
  if (note.entityId && note.url) annotation[KEY.page] = pageResource(note);
  annotation[KEY.color] = note.color;
  return annotation;
}

/** Oldest first, ties by id, so the same notes always give the same file. */
export function byCreation(a: NoteView, b: NoteView): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every note that is not deleted, as a JSON-LD AnnotationCollection (text ending in a newline). */
export function toJsonLd(notes: NoteView[], opts: ExportOptions): string {
  const items = notes
    .filter((note) => !note.deleted)
    .sort(byCreation)
    .map((note) => toAnnotation(note, opts.entityNames));
  // The model asks collections and pages for an IRI; an export is a snapshot, named by its time.
  const id = `urn:gloss:export:${opts.exportedAt}`;
  const collection: JsonObject = {
    '@context': [...EXPORT_CONTEXT],
    id,
    type: 'AnnotationCollection',
    label: 'Gloss notes',
    created: isoTime(opts.exportedAt),
    total: items.length,
    first: { id: `${id}:page:1`, type: 'AnnotationPage', startIndex: 0, items },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
