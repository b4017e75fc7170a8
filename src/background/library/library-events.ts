/**
 * What the reader's library tells open tabs: `kbChanged` after any change of what pages highlight (every
 * frame of every tab fetches its configuration again and re-highlights), and `addSourceRequested` to read
 * a tab's page as a source (the popup's button, the context menu, the dashboard's "Update"). Open extension
 * pages hear of entity and source changes through `dataChanged` (page-events.ts), announced here only.
 */
import { browser } from '../../platform/browser';
import { sendEventToTab } from '../../platform/messaging';
import type { EventEnvelope } from '../../shared/protocol';
import { announceDataChanged } from '../page-events';

/**
 * Tells every tab the KB is now at `kbVersion` (tabs without Gloss ignore it), and open extension pages
 * that entities changed (suggestions, passage counts and note groups follow from them).
 */
export async function announceKbChanged(kbVersion: string): Promise<void> {
  announceDataChanged(['entities']);
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.flatMap((tab) => (tab.id === undefined ? [] : [sendEventToTab(tab.id, 'kbChanged', { kbVersion })])),
  );
}

/**
 * Tells open extension pages that the reader's sources changed (kept, updated, deleted, restored,
 * imported); the Sources, Entities (passage counts) and Suggestions tabs read theirs again. Pages are not
 * told: a source changes what cards quote, which they fetch on each hover, not what they highlight.
 */
export function announceSourcesChanged(): void {
  announceDataChanged(['sources']);
}

/**
 * Tells open extension pages that a suggestion was rejected. Suggestions have no kind of their own: they
 * follow entities (a name accepted or rejected leaves the queue), so this is an `entities` change to the
 * pages but not a new KB to the tabs, whose highlights it does not touch.
 */
export function announceSuggestionsChanged(): void {
  announceDataChanged(['entities']);
}

/** Asks a tab's top frame to read its page and save it as a source (it shows the outcome itself). */
export function requestSourceFromTab(tabId: number, replaceId?: string): Promise<void> {
  return sendEventToTab(tabId, 'addSourceRequested', replaceId ? { replaceId } : {});
}

/**
 * Sends `addSourceRequested` to the tab's top frame until its content script is there to receive it (it
 * starts at document_idle, after "complete" may already have been reported), for up to ten seconds.
 */
async function askUntilHeard(tabId: number, replaceId: string): Promise<void> {
  const envelope: EventEnvelope<'addSourceRequested'> = {
    gloss: 1,
    event: 'addSourceRequested',
    args: { replaceId },
  };
  for (let tries = 0; tries < 40; tries++) {
    try {
      await browser.tabs.sendMessage(tabId, envelope, { frameId: 0 });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** How long an update waits for the page it opened to finish loading before giving up. */
const LOAD_TIMEOUT_MS = 60_000;

/**
 * Opens `url` in a new tab and, once it has loaded, asks it to save itself as source `replaceId` (the
 * dashboard's "Update"). A page the content script cannot run on never answers; the tab stays open for
 * the reader to see why.
 */
export async function refreshFromPage(url: string, replaceId: string): Promise<void> {
  const tab = await browser.tabs.create({ url, active: true });
  const tabId = tab.id;
  if (tabId === undefined) return;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      browser.tabs.onUpdated.removeListener(listener);
      clearTimeout(timer);
      resolve();
    };
    const listener = (id: number, change: { status?: string }): void => {
      if (id === tabId && change.status === 'complete') {
        done();
        void askUntilHeard(tabId, replaceId);
      }
    };
    const timer = setTimeout(done, LOAD_TIMEOUT_MS);
    browser.tabs.onUpdated.addListener(listener);
  });
}
