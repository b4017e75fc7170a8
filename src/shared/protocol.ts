/**
 * The one protocol between Gloss's contexts. Every message is declared here as a typed function signature;
 * `protocol-schemas.ts` holds the runtime validation the background applies to each request's arguments.
 *
 *   content script ──request──▶ background ◀──request── extension pages (popup, options, reader)
 *   content script ◀──event──── background
 *
 * Requests are verbs and answer with `Result<T>`; events are past tense and answer nothing.
 */
import type { AliasRule, CardData, EntitySummary, EntityType, SourceMention, SourceText } from './kb-types';
import type { EntityPageData } from './library/entity-page-types';
import type {
  EntityDetail,
  EntityInput,
  EntityListItem,
  GlossaryImportOutcome,
  SaveSourceOutcome,
  SourceListItem,
  SuggestionView,
} from './library/library-types';
import type { PackedMatcher } from './matcher/packed';
import type { NoteAnchor, NoteColor, NoteView } from './notes/note-types';
import type { Result } from './result';
import type { SearchQuery, SearchResults } from './search/search-types';
import type { Settings } from './settings';
import type { ExtractedSource } from './sources/source-types';

/** One alias with the entity it names, as content scripts compile it into their matcher. */
export interface AliasSpec extends AliasRule {
  entityId: string;
}

/** What a content script needs to start on a page. */
export interface PageConfig {
  /** False when the user switched Gloss off for this site. */
  isEnabled: boolean;
  host: string;
  settings: Settings;
  kbVersion: string;
  entities: EntitySummary[];
  /**
   * Every alias of every entity shown, compiled once per KB version by the background (matcher/packed.ts):
   * a page unpacks it instead of compiling thousands of aliases on every load.
   */
  matcher: PackedMatcher;
}

/** One entity found on a tab, for the toolbar popup. */
export interface TabEntityCount extends EntitySummary {
  count: number;
}

/** What the toolbar popup shows for a tab. */
export interface TabSummary {
  tabId: number;
  host: string;
  /** Whether Gloss can run on this tab at all (not on browser-internal pages). */
  isSupported: boolean;
  isEnabled: boolean;
  /** The site was just switched on and the page has not reported its counts yet. */
  isScanning: boolean;
  total: number;
  entities: TabEntityCount[];
}

/** A whole source article with every mention the build found in it. */
export interface SourceView {
  source: SourceText;
  mentions: SourceMention[];
  entities: EntitySummary[];
}

/** Where a note was written: the address, the page's canonical link (if any), its title and language. */
export interface NotePage {
  url: string;
  canonical?: string;
  title: string;
  /** The page's declared language (`<html lang>`), when it declares one (language-tag.ts). */
  lang?: string;
}

/** A new note: a passage note (`anchor`), an entity note (`entityId`), or a page note (neither). */
export interface NewNote {
  page: NotePage;
  anchor?: NoteAnchor;
  entityId?: string;
  body: string;
  color: NoteColor;
  tags: string[];
}

/** The fields of a note a reader can change. */
export interface NoteEdit {
  id: string;
  body?: string;
  color?: NoteColor;
  tags?: string[];
}

/** A page's notes, for the content script that anchors them. */
export interface PageNotes {
  /** The normalised address the notes are filed under. */
  pageKey: string;
  notes: NoteView[];
  /** A note the dashboard asked to open this page at; scroll to it once anchored. */
  focusNoteId?: string;
}

/** Whether a note could be placed on the page its tab shows. */
export type NoteStatus = 'anchored' | 'orphan' | 'pending';

/** The notes of the page a tab shows, for the toolbar popup. */
export interface TabNotes {
  pageKey: string;
  notes: Array<NoteView & { status: NoteStatus }>;
}

/** The whole notebook, for the dashboard. */
export interface Notebook {
  notes: NoteView[];
  entities: EntitySummary[];
  /** Note ids the content scripts last reported as orphans on their page. */
  orphanIds: string[];
}

/** An export, ready to save as a file. */
export interface NotesExport {
  filename: string;
  mimeType: string;
  text: string;
}

/** What an import did. Importing the same file again adds nothing. */
export interface ImportSummary {
  added: number;
  /** Already present (same id), left as they are. */
  unchanged: number;
  /**
   * Annotations in the file (or targets of them) Gloss cannot use, each named by its place in the file
   * (from 1) and its id when it has one, with why: a phrase completing "annotation 4 (…)", in English.
   */
  skipped: Array<{ index: number; id?: string; reason: string }>;
  /** Annotations imported otherwise than the file says (a page note, several notes), named the same way. */
  changed?: Array<{ index: number; id?: string; change: string }>;
  /** A sentence, in English, when the file is one page of a longer collection it does not hold all of. */
  more?: string;
}

/** Where syncing with a Gloss sync server stands, for the options page. */
export interface SyncStatus {
  /** A server and a token are stored, and the server has not revoked the token. */
  connected: boolean;
  /** The server's address (also after the server revoked this device, to connect again). */
  serverUrl?: string;
  /** When a sync last completed (ms since the epoch); absent when never. */
  lastSyncAt?: number;
  /** Local changes waiting to be sent. */
  pending: number;
  /** What is wrong, in plain words: the last failure, a revoked token, or a corrected clock. */
  error?: string;
  isSyncing: boolean;
  /** The name this browser enrolled under ("Chrome 156 on Linux"); absent for connections made before names. */
  deviceName?: string;
  /** When this browser was connected to the server (ms since the epoch). */
  connectedAt?: number;
  /** After a failed sync: when the next automatic try is due (ms since the epoch). */
  nextTryAt?: number;
}

/** Requests the background answers. Each returns `Result<ReturnType>` over the wire. */
export interface BackgroundRequests {
  /** Content script start-up: whether Gloss runs here, the settings, and every alias to match. */
  getPageConfig(args: { url: string }): PageConfig;
  /** Everything a card shows for one entity. */
  getCard(args: { entityId: string }): CardData;
  /**
   * Report what this frame found (entity id to mention count) so the badge and popup can show it, and the
   * history can record where each entity was seen (the top frame sends the page's title).
   */
  reportMentions(args: { url: string; counts: Record<string, number>; title?: string }): null;
  /** Open the source reader in a new tab at a passage. */
  openReader(args: { sourceId: string; entityId?: string; passageId?: string }): null;
  /** Open the options page. */
  openOptions(args: Record<string, never>): null;
  /** Popup: the entities found on a tab and the site switch. */
  getTabSummary(args: { tabId: number }): TabSummary;
  /** Popup: switch Gloss on or off for a site (host name); remembered. */
  setSiteEnabled(args: { host: string; isEnabled: boolean }): null;
  /** Reader: a source article in full. */
  getSource(args: { sourceId: string }): SourceView;
  /** Options and reader: every entity and source the knowledge base holds. */
  listKb(args: Record<string, never>): {
    entities: EntitySummary[];
    sources: Array<{ id: string; title: string }>;
  };

  /** Content script: the passage and page notes filed under this page (top frame only). */
  getPageNotes(args: { url: string; canonical?: string }): PageNotes;
  /** Card: the notes about one entity. */
  getEntityNotes(args: { entityId: string }): NoteView[];
  /** Saves a new note; the background assigns id, clocks and the page key. */
  createNote(args: NewNote): NoteView;
  /** Changes a note's body, colour or tags. */
  updateNote(args: NoteEdit): NoteView;
  /** Deletes a note (a tombstone, so it can be restored and synced). */
  deleteNote(args: { id: string }): null;
  /** Undoes a delete. */
  restoreNote(args: { id: string }): NoteView;
  /**
   * Content script: a note's stored offsets held its passage only when read as UTF-16 code units (saved
   * before Gloss counted Unicode code points, or imported from Hypothesis); store `to`, the same place in
   * code points. Resolves to whether the note was changed (not when it no longer holds `from`).
   */
  correctNotePosition(args: {
    id: string;
    from: { start: number; end: number };
    to: { start: number; end: number };
  }): boolean;
  /** Content script: which of its page's notes it could place and which are orphans. */
  reportNoteStatus(args: { pageKey: string; anchoredIds: string[]; orphanIds: string[] }): null;
  /** Popup: the notes of the page a tab shows, with whether each was placed. */
  getTabNotes(args: { tabId: number }): TabNotes;
  /** Dashboard: every note that is not deleted. */
  listNotes(args: Record<string, never>): Notebook;
  /** Dashboard: every note as W3C Web Annotation JSON-LD or as Markdown. */
  exportNotes(args: { format: 'jsonld' | 'markdown' }): NotesExport;
  /** Dashboard: imports a JSON-LD file's text in one transaction; throws (changing nothing) when it is bad. */
  importNotes(args: { text: string }): ImportSummary;
  /** Dashboard and popup: opens the note's page in a new tab and scrolls to the note. */
  openNote(args: { id: string }): null;

  /**
   * Options: trades a sync server's one-time enrolment code for this device's token, under the name the
   * reader confirmed (or, without one, the name the background proposes), then syncs.
   */
  connectSync(args: { serverUrl: string; code: string; deviceName?: string }): SyncStatus;
  /** Options: forgets the server, token and sync position; every note stays in this browser. */
  disconnectSync(args: Record<string, never>): SyncStatus;
  /** Options: where syncing stands. */
  getSyncStatus(args: Record<string, never>): SyncStatus;
  /** Options: syncs at once, whatever the retry schedule says (unless the server asked to wait). */
  syncNow(args: Record<string, never>): SyncStatus;
  /**
   * Content script of a page the reader is looking at: keeps a background that is unloaded when idle (a
   * Firefox event page) awake, so the live channel stays open and notes from other devices arrive in
   * seconds. Says when to ask again, or null when nothing needs it (not connected, or a service worker,
   * which the channel's own traffic keeps alive).
   */
  keepLiveUpdates(args: Record<string, never>): { nextInMs: number | null };

  /**
   * Content script (top frame, after a trusted key press or the reader's click in Gloss's UI) or the
   * dashboard: stores a page read with Readability as one of the reader's sources. Without `replaceId`, a
   * page already kept under the same address is not stored again: the answer says so (`exists`) and the
   * caller offers to update it, by sending the page again with `replaceId`.
   */
  saveSource(args: { source: ExtractedSource; replaceId?: string }): SaveSourceOutcome;
  /** Popup: asks the tab's top frame to read its page and save it as a source (the page shows the outcome). */
  addTabAsSource(args: { tabId: number }): null;
  /** Dashboard: every source, built-in and the reader's, newest first. */
  listSources(args: Record<string, never>): SourceListItem[];
  /** Dashboard: opens a source's page in a tab and saves it again once it has loaded (an update). */
  refreshSource(args: { id: string }): null;
  /** Dashboard: deletes one of the reader's sources (a tombstone, so it can be restored) and its passages. */
  deleteSource(args: { id: string }): null;
  /** Dashboard: undoes a source's deletion. */
  restoreSource(args: { id: string }): SourceListItem;

  /** Dashboard: every entity, built-in and the reader's, hidden ones included. */
  listEntities(args: Record<string, never>): EntityListItem[];
  /** Dashboard: one entity in full, for the editor. */
  getEntity(args: { id: string }): EntityDetail;
  /**
   * Content script ("Make this an entity", after the reader's trusted click) and dashboard: a new entity of
   * the reader's. Refused in plain words when an alias breaks the alias policy (alias-policy.ts).
   */
  createEntity(args: { entity: EntityInput }): EntitySummary;
  /** Dashboard: changes an entity; for a built-in one this stores the reader's version of it. */
  updateEntity(args: { id: string; entity: EntityInput }): EntitySummary;
  /** Dashboard: hides a built-in or reader's entity (no highlight, no card), or shows it again. */
  setEntityHidden(args: { id: string; isHidden: boolean }): null;
  /** Dashboard: forgets the reader's version of a built-in entity ("Reset to built-in"). */
  resetEntity(args: { id: string }): null;
  /** Dashboard: deletes one of the reader's entities (a tombstone, so it can be restored). */
  deleteEntity(args: { id: string }): null;
  /** Dashboard: undoes an entity's deletion. */
  restoreEntity(args: { id: string }): null;

  /** Dashboard: entities proposed from the sources, best first, minus everything known or rejected. */
  listSuggestions(args: Record<string, never>): SuggestionView[];
  /** Dashboard: never propose this name again. */
  rejectSuggestion(args: { key: string; name: string }): null;

  /**
   * Dashboard: imports a glossary file, all or nothing. When rows conflict the first answer lists the
   * conflicts and stores nothing; the reader's choices come back in `choices` (conflict key → claimant).
   */
  importGlossary(args: {
    text: string;
    format: 'csv' | 'json';
    choices?: Record<string, string>;
  }): GlossaryImportOutcome;
  /** Dashboard: the reader's entities (CSV) or entities and sources (Gloss JSON), as a file. */
  exportGlossary(args: { format: 'csv' | 'json' }): NotesExport;

  /** Dashboard, popup and entity page: one search over notes, sources and entities (background/search/). */
  search(args: SearchQuery): SearchResults;
  /** Entity page: everything about one entity, hidden ones included. */
  getEntityPage(args: { id: string }): EntityPageData;
  /** Cards, search, dashboard: opens entity.html?id=… in a new tab. */
  openEntityPage(args: { id: string }): null;
  /** Options: how many pages the history holds ("where you have seen it"), to show beside Clear history. */
  getHistoryStats(args: Record<string, never>): { pageCount: number; sightingCount: number };
  /** Options and entity page: forgets every recorded sighting (or only one entity's). */
  clearHistory(args: { entityId?: string }): null;
}

/** The sync requests, answered by `background/sync/` rather than the note and knowledge-base handlers. */
export type SyncRequestName =
  | 'connectSync'
  | 'disconnectSync'
  | 'getSyncStatus'
  | 'syncNow'
  | 'keepLiveUpdates';

/** Requests only extension pages may send (checked against `sender.url`). */
export const PAGE_ONLY_REQUESTS: ReadonlySet<keyof BackgroundRequests> = new Set([
  'getTabSummary',
  'setSiteEnabled',
  'getSource',
  'listKb',
  'getTabNotes',
  'listNotes',
  'exportNotes',
  'importNotes',
  'openNote',
  'addTabAsSource',
  'listSources',
  'refreshSource',
  'deleteSource',
  'restoreSource',
  'listEntities',
  'getEntity',
  'updateEntity',
  'setEntityHidden',
  'resetEntity',
  'deleteEntity',
  'restoreEntity',
  'listSuggestions',
  'rejectSuggestion',
  'importGlossary',
  'exportGlossary',
  'search',
  'getEntityPage',
  'getHistoryStats',
  'clearHistory',
  // Sync: a content script (an untrusted channel) must never point the background at another server.
  'connectSync',
  'disconnectSync',
  'getSyncStatus',
  'syncNow',
]);

/** Events the background sends to content scripts in a tab. */
export interface ContentEvents {
  /** The user switched Gloss on or off for a site; frames of other sites in the tab ignore it. */
  siteEnabledChanged(args: { host: string; isEnabled: boolean }): void;
  /** Notes changed elsewhere (dashboard, another tab, an import): fetch this page's notes again. */
  notesChanged(args: Record<string, never>): void;
  /** The context menu's "Add note" was chosen: open the editor on the current selection. */
  addNoteRequested(args: Record<string, never>): void;
  /**
   * Entities changed (created, edited, hidden, deleted, imported, or a new built-in KB): fetch the page
   * configuration again and re-highlight if `kbVersion` differs from the one the page has.
   */
  kbChanged(args: { kbVersion: string }): void;
  /**
   * The popup's "Add this page to my sources", the context menu or the dashboard's update: read the page and
   * save it (`replaceId`: update that source without asking).
   */
  addSourceRequested(args: { replaceId?: string }): void;
  /** The context menu's "Make this an entity" was chosen: open the entity form on the current selection. */
  makeEntityRequested(args: Record<string, never>): void;
}

/**
 * Events the background broadcasts to Gloss's own pages (dashboard, entity page, popup, options) through
 * `runtime.sendMessage`, which content scripts do not receive.
 */
export interface PageEvents {
  /**
   * Something the pages show changed in the background: a note saved in a tab, a pull from another device,
   * a source or entity changed, the history recorded or cleared. Pages fetch again what they show of
   * `kinds`, keeping the reader's place and any edit in progress.
   */
  dataChanged(args: { kinds: DataKind[] }): void;
}

/** What a `dataChanged` event is about. */
export type DataKind = 'notes' | 'sources' | 'entities' | 'history';

/** Name of a page event. */
export type PageEventName = keyof PageEvents;
/** Arguments of a page event. */
export type PageEventArgs<K extends PageEventName> = Parameters<PageEvents[K]>[0];

/** The wire shape of a page event. */
export interface PageEventEnvelope<K extends PageEventName = PageEventName> {
  gloss: 1;
  pageEvent: K;
  args: PageEventArgs<K>;
}

/** Name of a background request. */
export type RequestName = keyof BackgroundRequests;
/** Arguments of a background request. */
export type RequestArgs<K extends RequestName> = Parameters<BackgroundRequests[K]>[0];
/** Successful reply of a background request. */
export type RequestReply<K extends RequestName> = ReturnType<BackgroundRequests[K]>;
/** Name of a content event. */
export type EventName = keyof ContentEvents;
/** Arguments of a content event. */
export type EventArgs<K extends EventName> = Parameters<ContentEvents[K]>[0];

/** The wire shape of a request; the `gloss` tag keeps our messages apart from anything else on the bus. */
export interface RequestEnvelope<K extends RequestName = RequestName> {
  gloss: 1;
  type: K;
  args: RequestArgs<K>;
}

/** The wire shape of an event. */
export interface EventEnvelope<K extends EventName = EventName> {
  gloss: 1;
  event: K;
  args: EventArgs<K>;
}

/** The wire shape of a reply. */
export type ReplyEnvelope<K extends RequestName> = Result<RequestReply<K>>;

/** Type re-exported for handlers that filter by type. */
export type { EntityType };
