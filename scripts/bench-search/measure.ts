/**
 * The measurements of one bench run, all in the same Chromium: the index build (the first search after
 * loading), the stored index's size, the 50 queries against the linear scan, the first query after the
 * service worker restarts (the stored index loaded, not rebuilt), and the dashboard's first paint.
 */
import type { Page } from 'playwright-core';
import { inPage, type SearchBenchBrowser } from './browser';
import {
  installLinearScan,
  type PassTimes,
  readIndexSize,
  runLinearScan,
  runSearches,
  runStoredScan,
  type ScanData,
} from './in-page';

export interface BuildFigures {
  /** Round trip of the first search after loading, which builds the index. */
  firstSearchMs: number;
  /** The background's own time for it (the reply's `tookMs`). */
  firstTookMs: number;
  index: { rows: number; bytes: number; keys: string[]; waitedMs: number };
}

/** Times the first search, then waits until the stored index stops growing (it may be saved after replying). */
export async function measureBuild(page: Page, query: string): Promise<BuildFigures> {
  const first = await inPage(page, runSearches, [query]);
  const t0 = performance.now();
  let last = { rows: 0, bytes: 0, keys: [] as string[] };
  for (let stable = 0; stable < 2 && performance.now() - t0 < 60_000; ) {
    await new Promise((r) => setTimeout(r, 1_000));
    const now = await inPage(page, readIndexSize, undefined);
    stable = now.rows > 0 && now.bytes === last.bytes ? stable + 1 : 0;
    last = now;
  }
  return {
    firstSearchMs: first.ms[0]!,
    firstTookMs: first.tookMs[0]!,
    index: { ...last, waitedMs: performance.now() - t0 },
  };
}

export interface ScanFigures {
  /** The data case-folded once when loaded (the baseline the goal is measured against). */
  scan: PassTimes;
  /** Every item case-folded again for every query (one pass, no warm-up: it is slow). */
  naiveScan: PassTimes;
  /** Case-folding the data once, in the page. */
  scanInstallMs: number;
  /** Reading the records from IndexedDB, folding and matching, per query (the first queries, one pass). */
  storedScan: PassTimes;
}

/** Queries the stored-records scan runs (each reads the whole library from IndexedDB). */
const STORED_SCAN_QUERIES = 10;

/** The baseline: the data loaded into the page once, one warm-up pass, then the measured pass. */
/** `passes` passes of `run`, their times one after another (pass 2's query 1 follows pass 1's query 50). */
async function passes(count: number, run: () => Promise<PassTimes>): Promise<PassTimes> {
  const out: PassTimes = { ms: [], tookMs: [], found: [] };
  for (let i = 0; i < count; i++) {
    const pass = await run();
    out.ms.push(...pass.ms);
    out.tookMs.push(...pass.tookMs);
    out.found.push(...pass.found);
  }
  return out;
}

/**
 * The baseline: the data loaded into the page once, one warm-up pass, then `count` measured passes (the
 * naive variant: one pass, no warm-up; it is slow and only for comparison).
 */
export async function measureScan(
  page: Page,
  queries: string[],
  data: ScanData,
  count: number,
): Promise<ScanFigures> {
  const scanInstallMs = await inPage(page, installLinearScan, data);
  await inPage(page, runLinearScan, { queries, naive: false });
  const scan = await passes(count, () => inPage(page, runLinearScan, { queries, naive: false }));
  const naiveScan = await inPage(page, runLinearScan, { queries, naive: true });
  const storedScan = await inPage(page, runStoredScan, queries.slice(0, STORED_SCAN_QUERIES));
  return { scan, naiveScan, scanInstallMs, storedScan };
}

/** The `search` requests: one warm-up pass, then `count` measured passes. */
export async function measureSearches(page: Page, queries: string[], count: number): Promise<PassTimes> {
  await inPage(page, runSearches, queries);
  return passes(count, () => inPage(page, runSearches, queries));
}

export interface RestartFigures {
  /** The first search after the worker stopped: start-up, loading the stored index, the query. */
  firstMs: number;
  firstTookMs: number;
  /** The search after it, warm. */
  secondMs: number;
  secondTookMs: number;
}

/** Stops the background and times the two searches that follow. */
export async function measureRestart(
  browser: SearchBenchBrowser,
  page: Page,
  queries: [string, string],
): Promise<RestartFigures> {
  await browser.stopBackground(page);
  const first = await inPage(page, runSearches, [queries[0]]);
  const second = await inPage(page, runSearches, [queries[1]]);
  return {
    firstMs: first.ms[0]!,
    firstTookMs: first.tookMs[0]!,
    secondMs: second.ms[0]!,
    secondTookMs: second.tookMs[0]!,
  };
}

export interface PaintFigures {
  /** first-contentful-paint of each load, ms from navigation start. */
  fcpMs: number[];
  /** When the first `article.note` was in the document, ms from navigation start (checked every frame). */
  firstNoteMs: number[];
}

/** Opens dashboard.html fresh `loads` times. */
export async function measureDashboard(browser: SearchBenchBrowser, loads: number): Promise<PaintFigures> {
  const out: PaintFigures = { fcpMs: [], firstNoteMs: [] };
  for (let i = 0; i < loads; i++) {
    const page = await browser.openPage('dashboard.html');
    try {
      const noteAt = await page.waitForFunction(
        () => (document.querySelector('article.note') ? performance.now() : false),
        undefined,
        { polling: 'raf', timeout: 60_000 },
      );
      out.firstNoteMs.push((await noteAt.jsonValue()) as number);
      out.fcpMs.push(
        await page.evaluate(
          () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        ),
      );
    } finally {
      await page.close();
    }
  }
  return out;
}
