/**
 * (c) mark.js 8.11.1 marking the same alias strings Gloss uses, in the browser without Gloss, on a fresh
 * load. `Mark#mark` is synchronous (with `iframes: false`, `done` fires before it returns, which the run
 * checks), so performance.now() around the call is its main-thread time; tracing a call that can run for
 * tens of seconds would only add overhead. Style and layout of the thousands of `<mark>` elements it
 * inserts come later and are not counted, which favours mark.js.
 */
import type { Tab } from './browser';

/** What one mark.js run measured; `ms` is undefined when it exceeded the cap. */
export interface MarkJsRun {
  ms: number | undefined;
  marks: number;
}

// Plain page JS, not a function passed to evaluate: tsx would wrap named functions in a `__name` helper
// that does not exist in the page.
const MARK_DRIVER = `window.__glossBenchMark = function (keywords) {
  return new Promise(function (resolve) {
    var isSync = true;
    var t0 = performance.now();
    new Mark(document.body).mark(keywords, {
      separateWordSearch: false,
      acrossElements: false,
      done: function (marks) { resolve({ ms: performance.now() - t0, marks: marks, isSync: isSync }); },
    });
    isSync = false;
  });
};`;

interface MarkResult {
  ms: number;
  marks: number;
  isSync: boolean;
}

/** Loads `url`, injects mark.js from `markJsPath`, and times marking `aliases`; gives up after `capMs`. */
export async function measureMarkJs(
  tab: Tab,
  url: string,
  markJsPath: string,
  aliases: readonly string[],
  capMs: number,
): Promise<MarkJsRun> {
  await tab.page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await tab.page.addScriptTag({ path: markJsPath });
  await tab.page.addScriptTag({ content: MARK_DRIVER });
  const run = tab.page.evaluate(
    (keywords) =>
      (window as unknown as { __glossBenchMark(k: string[]): Promise<MarkResult> }).__glossBenchMark(
        keywords,
      ),
    [...aliases],
  );
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<'cap'>((ok) => {
    timer = setTimeout(() => ok('cap'), capMs);
  });
  const result = await Promise.race([run, cap]);
  clearTimeout(timer);
  if (result === 'cap') {
    // Stop the script where it is; the caller closes the half-marked tab.
    await tab.cdp.send('Runtime.terminateExecution').catch(() => undefined);
    await run.catch(() => undefined);
    return { ms: undefined, marks: 0 };
  }
  if (!result.isSync)
    throw new Error('mark.js finished asynchronously: its wall time is not main-thread time');
  return { ms: result.ms, marks: result.marks };
}
