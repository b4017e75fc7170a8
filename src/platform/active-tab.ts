/**
 * Which tab the toolbar popup describes. Kept in `platform/` because it asks the `tabs` API directly.
 */
import { browser } from './browser';

/**
 * The id of the active tab in the window the popup belongs to, or `undefined` when there is none
 * (a window with no tabs, or a tab without an id such as a devtools window).
 *
 * `currentWindow` is the window the popup is attached to, i.e. the one whose toolbar button was clicked,
 * which need not be the last focused one when several windows are open.
 */
export async function queryActiveTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
