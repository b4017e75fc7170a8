/**
 * Small reads of page state shared by the measurements: Gloss's highlight count, waiting for it to
 * settle, and the JS heap after a full collection.
 */
import type { Page } from 'playwright-core';
import type { Tab } from './browser';

/** Number of ranges in Gloss's `gloss-<entityId>` highlights (the focus highlight excluded). */
export function countHighlights(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    for (const [name, h] of CSS.highlights)
      if (name.startsWith('gloss-') && name !== 'gloss-focus') n += h.size;
    return n;
  });
}

/** How long to wait for Gloss: at least `minMs` after load, then until the count held for `quietMs`. */
export interface Settle {
  minMs: number;
  quietMs: number;
  maxMs: number;
}

/**
 * Waits until Gloss looks done. A page with no mentions never changes `CSS.highlights`, hence the
 * minimum; the trace afterwards tells whether Gloss was still busy at the end (see `lastTs`).
 */
export async function settleHighlights(page: Page, settle: Settle): Promise<number> {
  const started = Date.now();
  let count = await countHighlights(page);
  let stableSince = Date.now();
  while (Date.now() - started < settle.maxMs) {
    await page.waitForTimeout(250);
    const now = await countHighlights(page);
    if (now !== count) {
      count = now;
      stableSince = Date.now();
    }
    if (Date.now() - started >= settle.minMs && Date.now() - stableSince >= settle.quietMs) break;
  }
  return count;
}

/** Used JS heap of the page's renderer (the page's and the content script's worlds share one isolate). */
export async function usedHeapAfterGc(tab: Tab): Promise<number> {
  // Twice: the first pass can leave garbage that only becomes unreachable once finalizers have run.
  await tab.cdp.send('HeapProfiler.collectGarbage');
  await tab.cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await tab.cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
}
