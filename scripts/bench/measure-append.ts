/**
 * The live-update scenario: Gloss's cost per append on a page that grows by 20 paragraphs every 200 ms,
 * against the text added, and whether the new paragraphs got highlights. The expected number of new
 * mentions comes from the same text served in place at load (`/append.html?static`), scanned by Gloss.
 */

import { APPEND_MARKS, APPEND_PLAN } from './append-page';
import { type Attribution, attribute } from './attribution';
import { type BenchBrowser, inNewTab, type Tab } from './browser';
import { measureGloss } from './measure-gloss';
import { type Settle, settleHighlights } from './page-probes';
import { startTrace } from './trace';
import { markTime, pageMainThread } from './trace-model';

/** What the append scenario measured. */
export interface AppendResult {
  appends: number;
  charsPerAppend: number;
  /** Gloss's attributed time from the first append until it settled after the last. */
  attribution: Attribution;
  highlightsBefore: number;
  highlightsAfter: number;
  /** Highlights Gloss registers when the same final text is present at load. */
  highlightsStatic: number;
  /** Gloss's full scan of that static page (CPU ms), for comparison with a rescan per append. */
  staticScanMs: number;
}

/** Runs the scenario in the Gloss browser, each page in a new tab. */
export async function measureAppend(
  browser: BenchBrowser,
  base: string,
  isGloss: (scriptUrl: string) => boolean,
  settle: Settle,
): Promise<AppendResult> {
  const still = await inNewTab(browser, (tab) =>
    measureGloss(tab, `${base}append.html?static`, isGloss, settle),
  );
  return inNewTab(browser, async (tab) => ({
    ...(await measureGrowth(tab, `${base}append.html`, isGloss, settle)),
    highlightsStatic: still.highlights,
    staticScanMs: still.attribution.cpuMs,
  }));
}

/** Loads the append page, lets it grow, and attributes Gloss's time from the first append on. */
async function measureGrowth(
  tab: Tab,
  url: string,
  isGloss: (scriptUrl: string) => boolean,
  settle: Settle,
): Promise<Omit<AppendResult, 'highlightsStatic' | 'staticScanMs'>> {
  const stop = await startTrace(tab.cdp);
  await tab.page.goto(url, { waitUntil: 'load' });
  const highlightsBefore = await settleHighlights(tab.page, settle);
  const added = await tab.page.evaluate(
    ([plan, marks]) =>
      (
        window as unknown as {
          __glossBenchAppend(p: unknown, m: unknown): Promise<{ appends: number; charsPerAppend: number }>;
        }
      ).__glossBenchAppend(plan, marks),
    [APPEND_PLAN, APPEND_MARKS] as const,
  );
  // Gloss batches mutations, so give it time to catch up with the last append before counting.
  const highlightsAfter = await settleHighlights(tab.page, { minMs: 1500, quietMs: 750, maxMs: 8000 });
  const events = await stop();
  const from = markTime(events, APPEND_MARKS.start);
  if (from === undefined) throw new Error('the append page set no start mark in the trace');
  return {
    ...added,
    attribution: attribute(events, pageMainThread(events, url), isGloss, { from }),
    highlightsBefore,
    highlightsAfter,
  };
}
