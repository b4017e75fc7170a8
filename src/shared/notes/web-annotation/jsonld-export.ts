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
 * is none), each tag a TextualBody with purpose "tagging", both `format: text/plain`; the colour is
 * `gloss:color` (see vocabulary.ts). Every annotation names Gloss, with its version, as its `generator`
 * (the software that wrote this serialization, at `generated`), and, when the reader set a name on the
 * options page, the reader as its `creator` (a Person), except notes imported from files that gave them no
 * UUID (their ids are derived, version 8): Gloss does not know who wrote those. The collection has the
 * reader as creator too, `last` beside `first`, and its one page says which collection it is `partOf`.
 * The page's language is not written: notes do not record it (see docs/notes.md).
 * Output is stable: notes sorted by creation time then id, keys in a fixed order, two-space indents.
 */
import type { NoteView } from '../note-types';
import type { ExportOptions } from './types';
import { asUri } from './uri';
import { ENTITY_IRI_PREFIX, EXPORT_CONTEXT, GENERATOR_IRI, KEY } from './vocabulary';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** ISO 8601 in UTC with milliseconds, which `Date.parse` reads back to the same number. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** The page a note was written on, as a Web resource with its title and language; the address as a URI (uri.ts). */
function pageResource(note: NoteView): JsonObject {
  return {
    id: asUri(note.url),
    ...(note.title ? { [KEY.title]: note.title } : {}),
    ...(note.lang ? { language: note.lang } : {}),
  };
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
  for (const tag of note.tags)
    list.push({ type: 'TextualBody', purpose: 'tagging', format: 'text/plain', value: tag });
  return list;
}

/** Gloss as the software that wrote the file (`schema:` is declared by anno.jsonld). */
function generator(version: string | undefined): JsonObject {
  const agent: JsonObject = { id: GENERATOR_IRI, type: 'Software', name: 'Gloss' };
  if (version) agent['schema:softwareVersion'] = version;
  return agent;
}

/** The reader as an Agent, or undefined when they set no name. */
function person(name: string | undefined): JsonObject | undefined {
  const tidy = name?.replace(/\s+/g, ' ').trim();
  return tidy ? { type: 'Person', name: tidy } : undefined;
}

/** Ids Gloss derived on import (version 8, derived-id.ts): notes from files that named no author Gloss keeps. */
const DERIVED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-8/i;

/** What every annotation of one export shares. */
interface Shared {
  entityNames: Record<string, string>;
  generated: string;
  generator: JsonObject;
  creator: JsonObject | undefined;
}

/** The shared parts of an export made with `opts`. */
function sharedParts(opts: ExportOptions): Shared {
  return {
    entityNames: opts.entityNames,
    generated: isoTime(opts.exportedAt),
    generator: generator(opts.version),
    creator: person(opts.creatorName),
  };
}

/** One note as an Annotation (without `@context`, which the collection carries). */
export function toAnnotation(note: NoteView, opts: ExportOptions): JsonObject {
  return annotationOf(note, sharedParts(opts));
}

function annotationOf(note: NoteView, shared: Shared): JsonObject {
  const { entityNames } = shared;
  const annotation: JsonObject = {
    id: `urn:uuid:${note.id}`,
    type: 'Annotation',
    motivation: note.body ? 'commenting' : 'highlighting',
  };
  if (shared.creator && !DERIVED_ID.test(note.id)) annotation.creator = shared.creator;
  annotation.created = isoTime(note.createdAt);
  annotation.modified = isoTime(note.updatedAt);
  annotation.generator = shared.generator;
  annotation.generated = shared.generated;
  const body = bodies(note);
  if (body.length > 0) annotation.body = body;
  annotation.target = target(note, entityNames);
  // An entity note imported without its page has no address to give.
  if (note.entityId && note.url) annotation[KEY.page] = pageResource(note);
  annotation[KEY.color] = note.color;
  return annotation;
}

/** The collection's label. */
const LABEL = 'Gloss notes';

/** Oldest first, ties by id, so the same notes always give the same file. */
export function byCreation(a: NoteView, b: NoteView): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every note that is not deleted, as a JSON-LD AnnotationCollection (text ending in a newline). */
export function toJsonLd(notes: NoteView[], opts: ExportOptions): string {
  const shared = sharedParts(opts);
  const items = notes
    .filter((note) => !note.deleted)
    .sort(byCreation)
    .map((note) => annotationOf(note, shared));
  // The model asks collections and pages for an IRI; an export is a snapshot, named by its time.
  const id = `urn:gloss:export:${opts.exportedAt}`;
  const pageId = `${id}:page:1`;
  const collection: JsonObject = {
    '@context': [...EXPORT_CONTEXT],
    id,
    type: 'AnnotationCollection',
    label: LABEL,
  };
  if (shared.creator) collection.creator = shared.creator;
  collection.created = shared.generated;
  collection.total = items.length;
  // One page holds everything, so it is both the first and the last. It describes the collection it is
  // part of as the model's example 39 does, so that the page read on its own still says what it is from.
  const partOf: JsonObject = { id, label: LABEL, total: items.length };
  collection.first = { id: pageId, type: 'AnnotationPage', partOf, startIndex: 0, items };
  collection.last = pageId;
  return `${JSON.stringify(collection, null, 2)}\n`;
}
