/**
 * The JSON-LD terms Gloss writes and reads, in one place so that export and import cannot drift apart.
 *
 * Everything standard comes from the W3C Web Annotation context (anno.jsonld). The few things the model
 * has no term for live under Gloss's own namespace, declared in a second context object:
 *
 *   "@context": ["http://www.w3.org/ns/anno.jsonld", { "gloss": "https://github.com/gloss-extension/ns#" }]
 *
 * - `gloss:color` (on the Annotation): the highlight colour, one of NOTE_COLORS.
 * - `gloss:entity` (on the target): the knowledge-base entity id of an entity note, whose target is the
 *   IRI `urn:gloss:entity:<id>` with the entity's display name as `name` (foaf:name, from anno.jsonld).
 * - `gloss:page` (on the Annotation, entity notes only, when known): the page the note was written on,
 *   `{ id, dcterms:title }`,
 *   because an entity note's target is the entity, yet Gloss keeps the page it came from.
 *
 * Page titles travel as `dcterms:title` on the page resource (the target's `source` object, or the target
 * itself for a page note): anno.jsonld has no title term but declares the `dcterms` prefix, so this is the
 * standard Dublin Core property rather than a Gloss invention. The namespace IRI is only an identifier;
 * it never has to resolve, and it must never change, or older exports would stop meaning what they say.
 */

/** The W3C Web Annotation JSON-LD context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Gloss's namespace for its own terms; stable forever (see the file comment). */
export const GLOSS_NS = 'https://github.com/gloss-extension/ns#';

/** The `@context` every Gloss export carries. */
export const EXPORT_CONTEXT = [ANNO_CONTEXT, { gloss: GLOSS_NS }] as const;

/** Compact keys Gloss writes. */
export const KEY = {
  color: 'gloss:color',
  entity: 'gloss:entity',
  page: 'gloss:page',
  title: 'dcterms:title',
} as const;

/** The keys import accepts for each Gloss term: compact, or expanded to the full IRI by a JSON-LD tool. */
export const ACCEPTED_KEYS = {
  color: [KEY.color, `${GLOSS_NS}color`],
  entity: [KEY.entity, `${GLOSS_NS}entity`],
  page: [KEY.page, `${GLOSS_NS}page`],
  title: [
    KEY.title,
    'http://purl.org/dc/terms/title',
    'dc:title',
    'http://purl.org/dc/elements/1.1/title',
    'title',
  ],
} as const;

/**
 * The IRI that names Gloss itself as the `generator` (a Software agent) of what it exports: an identifier
 * in Gloss's namespace, like the terms, stable forever.
 */
export const GENERATOR_IRI = `${GLOSS_NS}Gloss`;

/** Targets of entity notes are `urn:gloss:entity:<entity id>`. */
export const ENTITY_IRI_PREFIX = 'urn:gloss:entity:';

/** Entity ids, as the protocol checks them (a knowledge-base slug). */
export const ENTITY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * The local names of a `type` or `purpose` value, so that "TextQuoteSelector", "oa:TextQuoteSelector"
 * and "http://www.w3.org/ns/oa#TextQuoteSelector" all read the same (files from JSON-LD tools may be
 * compacted against another context, or expanded).
 */
export function localNames(value: string | string[] | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((term) =>
    term.slice(Math.max(term.lastIndexOf('#'), term.lastIndexOf(':'), term.lastIndexOf('/')) + 1),
  );
}
