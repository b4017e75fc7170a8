/**
 * Expressions the harness evaluates in a page's main world, as strings: test code transformed by esbuild
 * may carry helper calls (such as `__name`) that do not exist in the page, so functions are not shipped.
 * The main world sees exactly what any page script would: `CSS.highlights`, layout, `document.activeElement`.
 */
import type { Point, Rect, TestPage } from './driver';

/** Highlight name to the text of each of its ranges, for every `gloss-*` highlight, in registry order. */
export type HighlightTexts = Record<string, string[]>;

const READ_HIGHLIGHTS = `(() => {
  const out = {};
  for (const [name, highlight] of CSS.highlights) {
    if (name.startsWith('gloss-')) out[name] = [...highlight].map((r) => r.toString());
  }
  return out;
})()`;

/** Reads every `gloss-*` highlight of the page. */
export const readHighlights = (page: TestPage): Promise<HighlightTexts> =>
  page.evaluate<HighlightTexts>(READ_HIGHLIGHTS);

/** Where a mention is: the centre of its widest line box, after scrolling it into the middle of the viewport. */
export interface MentionBox extends Point {
  rect: Rect;
}

/** Scrolls the `index`-th range of highlight `name` into view and returns its box, or null if there is none. */
export function mentionBox(page: TestPage, name: string, index = 0): Promise<MentionBox | null> {
  return page.evaluate<MentionBox | null>(`((name, index) => {
    const highlight = CSS.highlights.get(name);
    const range = highlight ? [...highlight][index] : undefined;
    if (!range) return null;
    const el = range.startContainer.parentElement;
    if (el) el.scrollIntoView({ block: 'center', inline: 'nearest' });
    const boxes = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (boxes.length === 0) return null;
    const b = boxes.reduce((a, c) => (c.width > a.width ? c : a));
    return { x: b.left + b.width / 2, y: b.top + b.height / 2, rect: { x: b.left, y: b.top, width: b.width, height: b.height } };
  })(${JSON.stringify(name)}, ${index})`);
}

/** The box of the first element matching `selector`, scrolled into view, or null. */
export function elementBox(page: TestPage, selector: string): Promise<MentionBox | null> {
  return page.evaluate<MentionBox | null>(`((selector) => {
    const el = document.querySelector(selector);
    if (!el) return null;
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    const b = el.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2, rect: { x: b.left, y: b.top, width: b.width, height: b.height } };
  })(${JSON.stringify(selector)})`);
}

/** `document.activeElement`, described: its tag name and id. */
export const activeElement = (page: TestPage): Promise<{ tag: string; id: string }> =>
  page.evaluate(
    `({ tag: document.activeElement ? document.activeElement.localName : '', id: document.activeElement ? document.activeElement.id : '' })`,
  );

/** Polls `read` until `accept` holds; returns the last value read, and throws with it on timeout. */
export async function waitFor<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  { timeoutMs = 10_000, intervalMs = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 2000)}`,
      );
    }
    await sleep(intervalMs);
    last = await read();
  }
  return last;
}

/**
 * Reads `read` every `intervalMs` for `forMs` and throws as soon as `accept` fails: for what must NOT happen
 * (a page script's attempt must change nothing), where there is no event to wait for. Returns the last value.
 */
export async function holdsFor<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  { forMs = 1000, intervalMs = 100, what = 'condition' } = {},
): Promise<T> {
  const until = Date.now() + forMs;
  for (;;) {
    const value = await read();
    if (!accept(value))
      throw new Error(`${what} stopped holding; value: ${JSON.stringify(value)?.slice(0, 2000)}`);
    if (Date.now() >= until) return value;
    await sleep(intervalMs);
  }
}

/** Resolves after `ms`. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until Gloss has scanned the page: the set of highlights has stopped changing for `stableMs`, and at
 * least `minMs` have passed (a page on which Gloss finds nothing never changes, so "stable" alone would
 * return before the scan ran). Specs that expect no highlights at all also check the popup, which says
 * "found none" only once the content script has reported.
 */
export async function waitForScan(
  page: TestPage,
  { minMs = 1200, stableMs = 700, timeoutMs = 20_000 } = {},
): Promise<HighlightTexts> {
  const started = Date.now();
  let last = JSON.stringify(await readHighlights(page));
  let since = Date.now();
  for (;;) {
    await sleep(100);
    const now = JSON.stringify(await readHighlights(page));
    if (now !== last) {
      last = now;
      since = Date.now();
    }
    const t = Date.now();
    if (t - started >= minMs && t - since >= stableMs) return JSON.parse(last) as HighlightTexts;
    if (t - started > timeoutMs)
      throw new Error(`Highlights kept changing for ${timeoutMs} ms: ${last.slice(0, 500)}`);
  }
}
