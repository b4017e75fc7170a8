/**
 * Domain types of the knowledge base: what the entity definitions and source documents in `src/kb/` look
 * like, and what the compiled bundle that the background loads into IndexedDB holds.
 */

/** The kinds of named things Gloss knows. Countries, cities and generic terms are deliberately absent. */
export type EntityType =
  | 'threat-actor'
  | 'company'
  | 'government-body'
  | 'agreement'
  | 'programme'
  | 'organisation'
  | 'person'
  | 'policy'
  | 'military-unit';

/** Every entity type, in the order the options page and popup list them. */
export const ENTITY_TYPES: readonly EntityType[] = [
  'threat-actor',
  'company',
  'government-body',
  'military-unit',
  'agreement',
  'programme',
  'policy',
  'organisation',
  'person',
];

/**
 * One way of writing an entity's name, with the rule that decides whether a match in running text counts.
 *
 * Matching is always whole-word for the alias's script (Latin letters and digits may not touch a Latin
 * alias; Devanagari may not touch a Devanagari alias; katakana may not touch a katakana edge). Whitespace
 * runs and hyphens in the text match a space or hyphen in the alias.
 */
export interface AliasRule {
  /** The name as written, e.g. "Basic Exchange and Cooperation Agreement", "BECA", "警察庁". */
  text: string;
  /** Compare letter case exactly (acronyms such as LINE, NEC, BECA). Default false. */
  caseSensitive?: boolean;
  /**
   * Words or phrases of which at least one must appear near the match (same text block, within
   * `CUE_WINDOW` characters) for it to count. Compared case-insensitively, whole-word for Latin script.
   */
  cues?: string[];
  /** Words or phrases whose presence near the match rejects it (Labour's NEC, Syria's SDF). */
  vetoCues?: string[];
  /**
   * Changes what `cues` means: with this set, a cue is required only when the match sits in all-caps
   * running text ("THE BOTTOM LINE", a Spanish heading "BECA DE ESTUDIO"); elsewhere the alias needs none.
   * Without it, `cues` (when given) are always required.
   */
  shoutingNeedsCue?: boolean;
  /** A regular expression (source) tested against the text right before the match; a hit rejects it. */
  rejectBefore?: string;
  /** A regular expression (source) tested against the text right after the match; a hit rejects it. */
  rejectAfter?: string;
}

/** An external reference for readers who want more. Never fetched at run time. */
export interface EntityLink {
  label: string;
  url: string;
}

/** An entity definition as written by us in `src/kb/entities/`. */
export interface EntityDef {
  /** Stable lowercase slug; never reused, never renamed once shipped. */
  id: string;
  name: string;
  type: EntityType;
  /** One to three sentences, in our own words. */
  description: string;
  aliases: AliasRule[];
  /** Ids of related entities; each must exist. */
  related: string[];
  links?: EntityLink[];
}

/** A block of a source article: a heading or a paragraph of body text. */
export interface SourceBlock {
  kind: 'heading' | 'paragraph' | 'bio';
  text: string;
}

/** A source article, cleaned of page furniture, with the metadata a card needs to attribute a quote. */
export interface SourceDoc {
  id: string;
  title: string;
  subtitle?: string;
  author: string;
  authorAffiliation: string;
  publication: string;
  /** Approximate date in words ("early 2021"); the supplied text has no exact date. */
  approxDate: string;
  section?: string;
  blocks: SourceBlock[];
}

/** One mention of an entity in a source, as the matcher found it at build time. */
export interface SourceMention {
  entityId: string;
  blockIndex: number;
  /** Character offsets within the block's text. */
  start: number;
  end: number;
  /** The text as it stands in the source. */
  text: string;
}

/** A quotable passage: the sentence(s) of a source block around one or more mentions of an entity. */
export interface Passage {
  /** `${sourceId}:${blockIndex}:${start}`, stable for a given bundle. */
  id: string;
  entityId: string;
  sourceId: string;
  blockIndex: number;
  /** Offsets of the passage within the block's text. */
  start: number;
  end: number;
  text: string;
  /** Offsets of the entity's mentions within `text`, so cards can emphasise them. */
  marks: Array<[number, number]>;
}

/** What the background stores per entity: the definition plus where it came from. */
export interface EntityRecord extends EntityDef {
  /** `builtin` records are replaced by a newer bundle; anything else is the user's and is never touched. */
  origin: 'builtin' | 'user';
}

/** The compiled knowledge base, written by `scripts/build-kb.ts` and loaded by the background. */
export interface KbBundle {
  /** Format of this file; bump when the shape changes. */
  format: 1;
  /** Content version: changes whenever entities or sources change. */
  version: string;
  entities: EntityDef[];
  sources: SourceDoc[];
  mentions: Array<SourceMention & { sourceId: string }>;
  passages: Passage[];
}

/** The part of an entity a content script needs to draw and name highlights. */
export interface EntitySummary {
  id: string;
  name: string;
  type: EntityType;
}

/**
 * How a card and the reader attribute a source, built-in or the reader's own: a built-in source has an
 * author, publication and a date in words; a page the reader kept has a site, an address and, when the page
 * said so, an exact publication date.
 */
export interface SourceMeta {
  id: string;
  origin: 'builtin' | 'user';
  title: string;
  /** The publication (built-in) or the site's name, or its host name when the page gave none. */
  site: string;
  author?: string;
  authorAffiliation?: string;
  subtitle?: string;
  section?: string;
  /** ISO 8601, when known exactly. */
  publishedAt?: string;
  /** A date in words ("early 2021") for sources without an exact one. */
  dateText?: string;
  /** The page's address (the reader's sources). */
  url?: string;
  /** BCP 47 language of the text, when known. */
  lang?: string;
  /** When the reader kept it (ms since the epoch). */
  addedAt?: number;
}

/** A source's text with its attribution, for the reader. */
export interface SourceText extends SourceMeta {
  blocks: SourceBlock[];
}

/** Everything a card shows for one entity. */
export interface CardData {
  entity: EntitySummary & { description: string; links: EntityLink[] };
  passages: Array<Passage & { source: SourceMeta }>;
  related: EntitySummary[];
}
