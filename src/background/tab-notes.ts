/**
 * Per-tab note state in `storage.session` (the worker may be killed at any time): which page key a tab's
 * top frame files notes under, which of them it placed, and a note the dashboard asked to open the tab at.
 */
import { browser } from '../platform/browser';
import type { NoteStatus } from '../shared/protocol';

/** What a tab's content script said about its page's notes. */
export interface TabNoteState {
  pageKey: string;
  status: Record<string, Exclude<NoteStatus, 'pending'>>;
}

const stateKey = (tabId: number): string => `notes:${tabId}`;
const focusKey = (tabId: number): string => `focus:${tabId}`;

/** The tab's state, if its top frame asked for notes since it last navigated. */
export async function getTabNoteState(tabId: number): Promise<TabNoteState | undefined> {
  const stored = await browser.storage.session.get(stateKey(tabId));
  return stored[stateKey(tabId)] as TabNoteState | undefined;
}

/** A top frame started on a page: remember its key; statuses arrive later. */
export async function startTabPage(tabId: number, pageKey: string): Promise<void> {
  await browser.storage.session.set({ [stateKey(tabId)]: { pageKey, status: {} } satisfies TabNoteState });
}

/** Records a top frame's anchoring results for its page. */
export async function recordTabStatus(
  tabId: number,
  pageKey: string,
  anchoredIds: readonly string[],
  orphanIds: readonly string[],
): Promise<void> {
  const status: TabNoteState['status'] = {};
  for (const id of anchoredIds) status[id] = 'anchored';
  for (const id of orphanIds) status[id] = 'orphan';
  await browser.storage.session.set({ [stateKey(tabId)]: { pageKey, status } satisfies TabNoteState });
}

/** Asks the next top-frame start in `tabId` to scroll to a note. */
export async function requestFocus(tabId: number, noteId: string): Promise<void> {
  await browser.storage.session.set({ [focusKey(tabId)]: noteId });
}

/** Takes (and clears) the note a tab should scroll to, if any. */
export async function takeFocus(tabId: number): Promise<string | undefined> {
  const stored = await browser.storage.session.get(focusKey(tabId));
  const id = stored[focusKey(tabId)] as string | undefined;
  if (id) await browser.storage.session.remove(focusKey(tabId));
  return id;
}

/** Forgets a closed tab's note state (a navigating tab keeps its focus request for the new page). */
export async function forgetTabNotes(tabId: number, isClosed: boolean): Promise<void> {
  await browser.storage.session.remove(isClosed ? [stateKey(tabId), focusKey(tabId)] : [stateKey(tabId)]);
}

/** Every tab a content script of ours reported from, so note changes can be announced to them. */
export async function tabsWithNotes(): Promise<number[]> {
  const all = await browser.storage.session.get(null);
  return Object.keys(all)
    .filter((k) => k.startsWith('notes:') || k.startsWith('tab:'))
    .map((k) => Number(k.slice(k.indexOf(':') + 1)))
    .filter((id, i, ids) => ids.indexOf(id) === i);
}
