/**
 * The one protocol between Gloss's contexts. Every message is declared here as a typed function signature;
 * `protocol-schemas.ts` holds the runtime validation the background applies to each request's arguments.
 *
 *   content script ──request──▶ background ◀──request── extension pages (popup, options, reader)
 *   content script ◀──event──── background
 *
 * Requests are verbs and answer with `Result<T>`; events are past tense and answer nothing.
 */
import type { AliasRule, CardData, EntitySummary, EntityType, SourceDoc, SourceMention } from './kb-types';
import type { Result } from './result';
import type { Settings } from './settings';

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
  aliases: AliasSpec[];
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
  total: number;
  entities: TabEntityCount[];
}

/** A whole source article with every mention the build found in it. */
export interface SourceView {
  source: SourceDoc;
  mentions: SourceMention[];
  entities: EntitySummary[];
}

/** Requests the background answers. Each returns `Result<ReturnType>` over the wire. */
export interface BackgroundRequests {
  /** Content script start-up: whether Gloss runs here, the settings, and every alias to match. */
  getPageConfig(args: { url: string }): PageConfig;
  /** Everything a card shows for one entity. */
  getCard(args: { entityId: string }): CardData;
  /** Report what this frame found (entity id to mention count) so the badge and popup can show it. */
  reportMentions(args: { url: string; counts: Record<string, number> }): null;
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
}

/** Requests only extension pages may send (checked against `sender.url`). */
export const PAGE_ONLY_REQUESTS: ReadonlySet<keyof BackgroundRequests> = new Set([
  'getTabSummary',
  'setSiteEnabled',
  'getSource',
  'listKb',
]);

/** Events the background sends to content scripts in a tab. */
export interface ContentEvents {
  /** The user switched Gloss on or off for a site; frames of other sites in the tab ignore it. */
  siteEnabledChanged(args: { host: string; isEnabled: boolean }): void;
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
