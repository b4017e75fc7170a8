/**
 * The reader's own knowledge base (issue 13): the sources they keep, the entities they define or edit, and
 * what the dashboard, the reader and the cards see of them. Sources and entities are stored as sync-ready
 * records (a UUID, one clock per field, a `deleted` tombstone, an outbox entry per change), like notes, and
 * apart from the built-in KB, so an update of the built-in bundle never touches them.
 */
import type { AliasRule, EntityLink, EntityType } from '../kb-types';
import type { ExtractedSource, SourceBlock } from '../sources/source-types';

/** The kinds of record that sync (issue 16 sends the last two; until then they wait in the outbox). */
export type RecordKind = 'note' | 'source' | 'entity';

/** The fields of a reader's source that merge one by one. */
export type SourceField = 'meta' | 'blocks' | 'deleted';
export const SOURCE_FIELDS: readonly SourceField[] = ['meta', 'blocks', 'deleted'];

/** A page the reader kept as a source, as stored. */
export interface UserSourceRecord extends Omit<ExtractedSource, 'blocks'> {
  /** Client-made UUID. */
  id: string;
  /** The normalised address (normalize-url.ts) that "the same page again" is recognised by. */
  pageKey: string;
  blocks: SourceBlock[];
  addedAt: number;
  updatedAt: number;
  deleted: boolean;
  deviceId: string;
  clocks: Record<SourceField, string>;
  hlc: string;
  serverVersion?: number;
}

/** The fields of a reader's entity that merge one by one. */
export type EntityField =
  | 'name'
  | 'type'
  | 'description'
  | 'aliases'
  | 'related'
  | 'links'
  | 'hidden'
  | 'deleted';
export const ENTITY_FIELDS: readonly EntityField[] = [
  'name',
  'type',
  'description',
  'aliases',
  'related',
  'links',
  'hidden',
  'deleted',
];

/**
 * A reader's entity, or the reader's version of a built-in one (same id as the built-in entity; deleting
 * it is "Reset to built-in"). Hidden entities are neither highlighted nor quoted.
 */
export interface UserEntityRecord {
  /** A UUID for the reader's own entities; the built-in id for the reader's version of a built-in one. */
  id: string;
  name: string;
  type: EntityType;
  description: string;
  aliases: AliasRule[];
  related: string[];
  links: EntityLink[];
  hidden: boolean;
  createdAt: number;
  updatedAt: number;
  deleted: boolean;
  deviceId: string;
  clocks: Record<EntityField, string>;
  hlc: string;
  serverVersion?: number;
}

/** An entity as the reader writes it (the dashboard's form, "Make this an entity", a glossary row). */
export interface EntityInput {
  name: string;
  type: EntityType;
  description: string;
  aliases: AliasRule[];
  related: string[];
  links: EntityLink[];
}

/** Where an entity comes from, for the dashboard's filter. */
export type EntityOrigin = 'builtin' | 'user';

/** One entity in the dashboard's list. */
export interface EntityListItem {
  id: string;
  name: string;
  type: EntityType;
  origin: EntityOrigin;
  /** A built-in entity the reader changed (they can reset it). */
  isEdited: boolean;
  isHidden: boolean;
  aliases: string[];
  /** Passages that quote it, over every source. */
  passageCount: number;
}

/** One entity in full, for the editor. */
export interface EntityDetail {
  entity: EntityInput & { id: string };
  origin: EntityOrigin;
  isEdited: boolean;
  isHidden: boolean;
  /** The built-in version, when there is one (what "Reset to built-in" brings back). */
  builtin?: EntityInput;
}

/** One source in the dashboard's list (built-in or the reader's). */
export interface SourceListItem {
  id: string;
  origin: EntityOrigin;
  title: string;
  /** The site's name, or its host name when the page gave none. */
  site: string;
  url?: string;
  author?: string;
  /** ISO 8601 when the page said when it was published. */
  publishedAt?: string;
  /** A date in words, for built-in sources that have no exact one. */
  dateText?: string;
  addedAt?: number;
  /** Distinct entities the source mentions. */
  entityCount: number;
  textLength: number;
  isTruncated: boolean;
}

/** What saving a source did. */
export type SaveSourceOutcome =
  /** A source with the same address exists; saving again with `replaceId` updates it. */
  | { status: 'exists'; existing: SourceListItem }
  | { status: 'saved'; source: SourceListItem; isUpdate: boolean };

/** One suggested entity waiting in the review queue. */
export interface SuggestionView {
  /** The suggestion's name folded (suggest/text.ts `nameKey`): what rejecting it remembers. */
  key: string;
  name: string;
  aliases: string[];
  type?: EntityType;
  reason: 'definition' | 'dubbed' | 'quoted' | 'repeated';
  occurrences: number;
  sourceId: string;
  sourceTitle: string;
  /** The sentence it came from, and the name's place in it. */
  passage: { blockIndex: number; text: string };
}

/** What a glossary import did, or why it did nothing. */
export type GlossaryImportOutcome =
  | { status: 'invalid'; errors: Array<{ line: number; field?: string; message: string }> }
  | {
      /** Two rows (or a row and an existing entity) claim a name or alias: nothing is stored until the reader chooses. */
      status: 'conflicts';
      conflicts: GlossaryConflictView[];
      notices: string[];
    }
  | { status: 'imported'; added: number; updated: number; notices: string[] };

/** One conflict, with the choices the reader has. */
export interface GlossaryConflictView {
  /** Stable within one file: what the reader's choice is keyed by. */
  key: string;
  kind: 'duplicate-name' | 'shared-alias';
  alias: string;
  /** Who claims it: rows of the file (line numbers) and existing entities (ids and names). */
  claimants: Array<{ label: string; choice: string }>;
}
