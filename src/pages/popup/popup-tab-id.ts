/**
 * Which tab the popup describes. Normally the active tab of the popup's window; end-to-end tests open the
 * popup as an ordinary tab with `popup.html?tabId=N`, where "the active tab" would be the popup itself.
 */
import { queryActiveTabId } from '../../platform/active-tab';

/** The `tabId` named in a query string, or `undefined` when absent or not a whole number. */
export function tabIdFromSearch(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tabId');
  return raw !== null && /^\d{1,10}$/.test(raw) ? Number(raw) : undefined;
}

/** The tab to describe: `?tabId=N` if given, else the active tab of the current window. */
export async function resolvePopupTabId(search: string): Promise<number | undefined> {
  return tabIdFromSearch(search) ?? (await queryActiveTabId());
}
