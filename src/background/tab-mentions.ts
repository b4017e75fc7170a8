/**
 * What each tab's content scripts found, per frame, kept in `storage.session` (the worker can be killed at
 * any moment, so nothing of record stays in memory), and the toolbar badge that shows the total.
 */
import { browser } from '../platform/browser';

/** The stored report of one tab. */
export interface TabMentions {
  url: string;
  host: string;
  /** frameId → entity id → count. */
  frames: Record<string, Record<string, number>>;
  /**
   * When the site was switched on for this tab, until its content script reports again: the counts are
   * not known yet, and the popup must not say the page has none.
   */
  scanningSince?: number;
}

/** A switched-on tab that has not reported within this long has no content script to report (say so). */
const SCANNING_MS = 5000;

/** Whether the tab's counts are still being gathered after the site was switched on. */
export function isScanning(report: TabMentions, nowMs: number): boolean {
  return report.scanningSince !== undefined && nowMs - report.scanningSince < SCANNING_MS;
}

const key = (tabId: number): string => `tab:${tabId}`;

/** Reads a tab's report, if a content script has sent one since the tab last navigated. */
export async function getTabMentions(tabId: number): Promise<TabMentions | undefined> {
  const stored = await browser.storage.session.get(key(tabId));
  return stored[key(tabId)] as TabMentions | undefined;
}

/** Entity id → count over all frames of a tab. */
export function totals(report: TabMentions): Record<string, number> {
  const out: Record<string, number> = {};
  for (const frame of Object.values(report.frames)) {
    for (const [id, n] of Object.entries(frame)) out[id] = (out[id] ?? 0) + n;
  }
  return out;
}

const queues = new Map<number, Promise<void>>();

/** Runs `job` after every earlier job of the tab: each is a read-modify-write of the same session key. */
function serially(tabId: number, job: () => Promise<void>): Promise<void> {
  const next = (queues.get(tabId) ?? Promise.resolve()).then(job);
  const settled = next.catch(() => undefined);
  queues.set(tabId, settled);
  void settled.then(() => queues.get(tabId) === settled && queues.delete(tabId));
  return next;
}

/** Records one frame's report and updates the badge. The top frame's report starts a fresh page. */
export function recordMentions(
  tabId: number,
  frameId: number,
  url: string,
  counts: Record<string, number>,
): Promise<void> {
  return serially(tabId, () => applyReport(tabId, frameId, url, counts));
}

/** Forgets a tab's counts until its content script reports again (the site was just switched on). */
export function markScanning(tabId: number, nowMs: number): Promise<void> {
  return serially(tabId, async () => {
    const report = await getTabMentions(tabId);
    if (!report) return;
    await browser.storage.session.set({ [key(tabId)]: { ...report, frames: {}, scanningSince: nowMs } });
  });
}

async function applyReport(
  tabId: number,
  frameId: number,
  url: string,
  counts: Record<string, number>,
): Promise<void> {
  const previous = await getTabMentions(tabId);
  // The top frame at a new address is a new page: what other frames said belonged to the old one. The
  // same address again (a later report of the same page) keeps them, whichever frame reported first.
  const isNewPage = !previous || (frameId === 0 && previous.url !== '' && previous.url !== url);
  const report: TabMentions = isNewPage
    ? { url: frameId === 0 ? url : '', host: frameId === 0 ? hostOf(url) : '', frames: {} }
    : previous;
  if (frameId === 0) {
    report.url = url;
    report.host = hostOf(url);
  }
  report.frames[String(frameId)] = counts;
  delete report.scanningSince;
  await browser.storage.session.set({ [key(tabId)]: report });
  await showBadge(tabId, report);
}

/** Forgets a tab (closed, or navigating to a new document). */
export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}

/** Every tab whose top document is on `host`. */
export async function tabsOnHost(host: string): Promise<number[]> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all)
    .filter(([k, v]) => k.startsWith('tab:') && (v as TabMentions).host === host)
    .map(([k]) => Number(k.slice(4)));
}

async function showBadge(tabId: number, report: TabMentions): Promise<void> {
  const total = Object.values(totals(report)).reduce((a, b) => a + b, 0);
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#4338ca' }).catch(() => undefined);
  await browser.action
    .setBadgeText({ tabId, text: total > 0 ? String(Math.min(total, 999)) : '' })
    .catch(() => undefined);
}

/** The site of a URL: its host name, or "file" for local files, or '' when it has none. */
export function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return u.hostname || (u.protocol === 'file:' ? 'file' : '');
  } catch {
    return '';
  }
}
