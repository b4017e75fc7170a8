/**
 * The extension's IndexedDB through Dexie. Only the background opens it: a content script's IndexedDB
 * belongs to the page's origin, so content scripts reach this data by messaging.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Sighting } from '../../shared/history/history-types';
import type { EntityRecord, Passage, SourceDoc, SourceMention } from '../../shared/kb-types';
import type { UserEntityRecord, UserSourceRecord } from '../../shared/library/library-types';
import type { NoteRecord, OutboxEntry } from '../../shared/notes/note-types';
import { MIGRATIONS } from './migrations/index';
import { searchJournalMiddleware } from './search-journal';

/** A passage row, tagged with the origin of its source (built-in or the reader's). */
export interface PassageRow extends Passage {
  origin: 'builtin' | 'user';
}

/** A suggested entity's name the reader turned down, by its folded key (suggest/text.ts `nameKey`). */
export interface RejectionRow {
  key: string;
  name: string;
  at: number;
}

/** A source row: the document, the mentions the build found in it, and its origin. */
export interface SourceRow extends SourceDoc {
  mentions: SourceMention[];
  origin: 'builtin' | 'user';
}

/** A key-value row for small facts such as the loaded KB version. */
export interface MetaRow {
  key: string;
  value: string;
}

/** A remembered per-site switch. */
export interface SiteRow {
  host: string;
  isEnabled: boolean;
  updatedAt: number;
}

/** Whether a note could be placed on its page the last time a tab showed that page (local only). */
export interface AnchorStatusRow {
  noteId: string;
  pageKey: string;
  status: 'anchored' | 'orphan';
  at: number;
}

/** A stored search index (background/search/index-store.ts): a snapshot and where it stands. */
export interface SearchIndexRow {
  key: string;
  /** The snapshot's format and what it was built from; see index-store.ts. */
  value: unknown;
}

/** A note or kept source written since the last search snapshot (db/search-journal.ts). */
export interface SearchJournalRow {
  seq?: number;
  table: 'notes' | 'userSources';
  /** The written record's id, or '*' when the whole table changed (cleared). */
  id: string;
}

/** The database type: one table per store. */
export type GlossDb = Dexie & {
  entities: EntityTable<EntityRecord, 'id'>;
  passages: Dexie.Table<PassageRow, [string, string]>;
  sources: EntityTable<SourceRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  sites: EntityTable<SiteRow, 'host'>;
  notes: EntityTable<NoteRecord, 'id'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  anchorStatus: EntityTable<AnchorStatusRow, 'noteId'>;
  userSources: EntityTable<UserSourceRecord, 'id'>;
  userEntities: EntityTable<UserEntityRecord, 'id'>;
  rejections: EntityTable<RejectionRow, 'key'>;
  searchIndex: EntityTable<SearchIndexRow, 'key'>;
  searchJournal: EntityTable<SearchJournalRow, 'seq'>;
  sightings: Dexie.Table<Sighting, [string, string]>;
};

/** The name of a store, for the transaction scopes the repositories open. */
export type TableName = Exclude<keyof GlossDb, keyof Dexie>;

/**
 * Runs `work` in one transaction over the named stores. The repositories in this folder call it; other code
 * calls repository functions inside it (each joins the running transaction), so a change that spans tables
 * (a note, its clocks and its outbox entry) commits whole or not at all.
 */
export function inTransaction<T>(
  db: GlossDb,
  mode: 'r' | 'rw',
  tables: readonly TableName[],
  work: () => Promise<T>,
): Promise<T> {
  return db.transaction(mode, tables as TableName[], work);
}

/**
 * The stores a note change touches: the note, its outbox entry, the device clock in `meta`, and the search
 * journal (search-journal.ts).
 */
export const NOTE_TABLES: readonly TableName[] = ['notes', 'outbox', 'meta', 'searchJournal'];

/** The stores a change of the reader's library touches: the record, its outbox entry, the device clock. */
export const SOURCE_TABLES: readonly TableName[] = ['userSources', 'outbox', 'meta', 'searchJournal'];
export const ENTITY_TABLES: readonly TableName[] = ['userEntities', 'outbox', 'meta'];

/** The database name. Tests pass their own to stay isolated. */
export const DB_NAME = 'gloss';

/** Opens (declares) the database with every migration applied in order. */
export function openDb(name = DB_NAME): GlossDb {
  const db = new Dexie(name) as GlossDb;
  for (const m of MIGRATIONS) {
    const version = db.version(m.version).stores(m.stores);
    if (m.upgrade) version.upgrade(m.upgrade);
  }
  db.use(searchJournalMiddleware(db));
  return db;
}
