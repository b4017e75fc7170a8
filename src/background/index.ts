/**
 * Background entry (Chrome service worker / Firefox event page). It can be killed at any moment, so every
 * listener is registered synchronously here at the top level and no state of record lives in memory.
 *
 *   onInstalled ──▶ kb-loader (bundle → IndexedDB)
 *   onMessage ────▶ router (validate, check sender) ──▶ handlers ──▶ db/ repositories
 *   tabs events ──▶ tab-mentions, tab-notes (forget what closed or navigating tabs reported)
 *   context menu ─▶ note-menu ("Add note" on a selection → the tab's content script)
 */
import { browser, type Runtime } from '../platform/browser';
import { extensionUrl } from '../platform/extension-assets';
import { openDb } from './db/database';
import { loadShippedBundle, makeHandlers } from './handlers';
import { syncBuiltinKb } from './kb-loader';
import { installNoteMenu, onNoteMenuClicked } from './note-menu';
import { route } from './router';
import { forgetTab } from './tab-mentions';
import { forgetTabNotes } from './tab-notes';

const db = openDb();
const handlers = makeHandlers(db);
const ctx = { extensionId: browser.runtime.id, extensionOrigin: extensionUrl('') };

browser.runtime.onInstalled.addListener(() => {
  void installNoteMenu();
  syncBuiltinKb(db, loadShippedBundle).catch((e: unknown) =>
    console.error('Gloss: could not load the knowledge base', e),
  );
});

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const reply = route(message, sender, handlers as never, ctx);
  // Returning undefined (not a promise) lets messages that are not ours go unanswered.
  return reply.then((r) => r) as Promise<unknown>;
});

browser.runtime.onStartup.addListener(() => void installNoteMenu());
browser.contextMenus.onClicked.addListener(onNoteMenuClicked);

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
