/**
 * (b) The floor, in the browser without Gloss: after the same load and wait, the JS heap baseline, then a
 * plain page script that walks every text node of `document.body` with a TreeWalker and reads its data,
 * the least any scanner pays. It runs once per fresh load (first touch of every node, as Gloss gets it),
 * and is timed the way Gloss is: from a trace, attributed to the script's URL, in main-thread CPU time.
 */
import { attribute } from './attribution';
import type { Tab } from './browser';
import { usedHeapAfterGc } from './page-probes';
import { startTrace } from './trace';
import { pageMainThread } from './trace-model';

/** The floor script's URL in traces (its `sourceURL`). */
export const FLOOR_SCRIPT_URL = 'gloss-bench-floor.js';

const FLOOR_SCRIPT = `window.__glossBenchFloor = function () {
  var t0 = performance.now();
  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  var nodes = 0, chars = 0;
  for (var n = walker.nextNode(); n; n = walker.nextNode()) { nodes++; chars += n.data.length; }
  return { wallMs: performance.now() - t0, nodes: nodes, chars: chars };
};
//# sourceURL=${FLOOR_SCRIPT_URL}`;

/** What one run without Gloss measured. */
export interface PlainRun {
  heapBytes: number;
  /** The walk's main-thread CPU time, from the trace. */
  floorMs: number;
  /** Its wall time from the trace, and from performance.now() around the walk as a cross-check. */
  floorTraceWallMs: number;
  floorWallMs: number;
  textNodes: number;
  chars: number;
}

/** Loads `url` in the browser without Gloss, waits `waitMs`, and measures the heap and the floor. */
export async function measurePlain(tab: Tab, url: string, waitMs: number): Promise<PlainRun> {
  await tab.page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await tab.page.waitForTimeout(waitMs);
  const heapBytes = await usedHeapAfterGc(tab);
  await tab.page.addScriptTag({ content: FLOOR_SCRIPT });
  const stop = await startTrace(tab.cdp);
  // Let the renderer's sampler start before the walk begins.
  await tab.page.waitForTimeout(150);
  const walk = await tab.page.evaluate(() =>
    (
      window as unknown as { __glossBenchFloor(): { wallMs: number; nodes: number; chars: number } }
    ).__glossBenchFloor(),
  );
  await tab.page.waitForTimeout(50);
  const events = await stop();
  const floor = attribute(events, pageMainThread(events, url), (u) => u.endsWith(FLOOR_SCRIPT_URL));
  return {
    heapBytes,
    // Without samples (should not happen) the in-page clock is the only figure there is.
    floorMs: floor.ms > 0 ? floor.cpuMs : walk.wallMs,
    floorTraceWallMs: floor.ms,
    floorWallMs: walk.wallMs,
    textNodes: walk.nodes,
    chars: walk.chars,
  };
}
