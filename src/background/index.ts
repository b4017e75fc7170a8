/**
 * Background entry (Chrome service worker / Firefox event page). It can be killed at any moment, so every
 * listener is registered synchronously here at the top level and no state of record lives in memory.
 *
 *   onInstalled ──▶ kb-loader (bundle → IndexedDB)
 *   onMessage ────▶ router (validate, check sender) ──▶ handlers ──▶ db/ repositories
 *   tabs events ──▶ tab-mentions, tab-notes (forget what closed or navigating tabs reported)
 *   context menu ─▶ context-menu (add note, make entity, add source → the tab's content script)
 *   address bar `gl` ─▶ search/omnibox (suggestions from the search index; Enter opens the result)
 *   edits, alarms, online, start-up ──▶ sync/triggers ──▶ sync/engine ◀──▶ sync server
 *   sync server ─ WebSocket "changed at N" ─▶ sync/live ──▶ sync/engine
 */
import { clearAlarm, ensurePeriodicAlarm, onAlarm, onOnline, setAlarmAt } from '../platform/alarms';
import { isServiceWorkerBackground } from '../platform/background-lifetime';
import { browser, type Runtime } from '../platform/browser';
import { deviceName } from '../platform/device-name';
import { extensionUrl } from '../platform/extension-assets';
import type { RequestName } from '../shared/protocol';
import { installContextMenu, onContextMenuClicked } from './context-menu';
import { openDb } from './db/database';
import { onLocalNoteChange } from './db/notes-repo';
import type { HandlerTable } from './handler-types';
import { loadShippedBundle, makeHandlers } from './handlers';
import { watchHistorySettings } from './history/page-reports';
import { syncBuiltinKb } from './kb-loader';
import { readyKb } from './library/passage-index';
import { announceNotesChanged } from './notes-handlers';
import { route } from './router';
import { boundSearchJournal } from './search/index-store';
import { registerOmnibox } from './search/omnibox';
import { SyncEngine } from './sync/engine';
import { LiveChannel, withLiveChannel } from './sync/live';
import { makeSyncHandlers } from './sync/sync-handlers';
import { readAccount, readCursor } from './sync/sync-store';
import { makeSyncTriggers } from './sync/triggers';
import { forgetTab } from './tab-mentions';
import { forgetTabNotes } from './tab-notes';

const db = openDb();
const liveChannel = new LiveChannel({
  openSocket: (url) => new WebSocket(url),
  readAccount: () => readAccount(db),
  readCursor: () => readCursor(db),
  // 'online': the server just answered, so a backoff left from an outage need not hold this cycle back.
  sync: () => syncEngine.sync('online'),
});
const baseTriggers = makeSyncTriggers({
  run: (trigger) => syncEngine.sync(trigger),
  isConnected: async () => {
    const account = await readAccount(db);
    return account !== undefined && !account.isRevoked;
  },
  alarms: { ensurePeriodic: ensurePeriodicAlarm, setAt: setAlarmAt, clear: clearAlarm },
});
const syncTriggers = withLiveChannel(baseTriggers, liveChannel);

/** How often a watched page keeps an event page awake: well inside Firefox's 30 s idle limit. */
const KEEP_LIVE_MS = 20_000;

/** While connected, keeps the live channel open; a service worker needs no help (its socket keeps it up). */
async function keepLiveChannel(): Promise<number | null> {
  if (isServiceWorkerBackground) return null;
  const account = await readAccount(db);
  if (!account || account.isRevoked) return null;
  void liveChannel.ensure();
  return KEEP_LIVE_MS;
}
const syncEngine = new SyncEngine(db, {
  fetch: (url, init) => fetch(url, init),
  deviceName,
  onNotesChanged: () => void announceNotesChanged(),
  onRetryAt: (at) => syncTriggers.retryAt(at),
});
const handlers: HandlerTable<RequestName> = {
  ...makeHandlers(db),
  ...makeSyncHandlers(syncEngine, syncTriggers, keepLiveChannel),
};
const ctx = { extensionId: browser.runtime.id, extensionOrigin: extensionUrl('') };

browser.runtime.onInstalled.addListener(() => {
  void installContextMenu();
  // The passages too, so that the first card after an install or update does not wait for them.
  readyKb(db, () => syncBuiltinKb(db, loadShippedBundle)).catch((e: unknown) =>
    console.error('Gloss: could not load the knowledge base', e),
  );
  void syncTriggers.startUp();
});

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Always a promise: a message that is not a Gloss request is answered with undefined (Gloss has no other
  // listener that could answer it instead).
  return route(message, sender, handlers as never, ctx) as Promise<unknown>;
});

browser.runtime.onStartup.addListener(() => {
  void installContextMenu();
  void syncTriggers.startUp();
  void boundSearchJournal(db).catch(() => undefined);
});
browser.contextMenus.onClicked.addListener(onContextMenuClicked);
registerOmnibox(db);

browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
  void forgetTabNotes(tabId, true);
});

browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new document is loading: its content script will report afresh; pages without one show nothing.
  if (change.status === 'loading') {
    void forgetTab(tabId);
    void forgetTabNotes(tabId, false);
  }
});

onLocalNoteChange((changed) => {
  if (changed === db) syncTriggers.localChange();
});
// The history's retention applies as soon as it changes; the listener lives as long as the background.
watchHistorySettings(db, new AbortController().signal);
onAlarm(syncTriggers.alarm);
onOnline(syncTriggers.online);
// Every wake of the background (a Firefox event page is unloaded when idle) reopens the live channel.
void liveChannel.ensure();
