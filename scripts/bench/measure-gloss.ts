/**
 * (a) Gloss on one page load: traces from navigation until Gloss has settled, then attributes the page's
 * main-thread time to Gloss's content script and reads its highlights and the heap.
 */
import { type Attribution, attribute } from './attribution';
import type { Tab } from './browser';
import { countHighlights, type Settle, settleHighlights, usedHeapAfterGc } from './page-probes';
import { startTrace } from './trace';
import { pageMainThread } from './trace-model';

/** What one Gloss run measured. */
export interface GlossRun {
  attribution: Attribution;
  heapBytes: number;
  highlights: number;
  /** Gloss worked within the last 300 ms of the trace: it may not have finished. */
  isBusyAtEnd: boolean;
}

/** Loads `url` in the Gloss browser and measures it; `isGloss` tells Gloss's script URLs. */
export async function measureGloss(
  tab: Tab,
  url: string,
  isGloss: (scriptUrl: string) => boolean,
  settle: Settle,
): Promise<GlossRun> {
  const stop = await startTrace(tab.cdp);
  await tab.page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await settleHighlights(tab.page, settle);
  const events = await stop();
  const thread = pageMainThread(events, url);
  const attribution = attribute(events, thread, isGloss);
  if (attribution.ms === 0) throw new Error(`Gloss did not run on ${url} (no work attributed to it)`);
  const lastEventTs = events.reduce((max, e) => (e.pid === thread.pid ? Math.max(max, e.ts) : max), 0);
  const isBusyAtEnd = attribution.lastTs !== undefined && lastEventTs - attribution.lastTs < 300_000;
  return {
    attribution,
    heapBytes: await usedHeapAfterGc(tab),
    highlights: await countHighlights(tab.page),
    isBusyAtEnd,
  };
}
