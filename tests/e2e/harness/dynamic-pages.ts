/**
 * Helpers for the specs of pages that change after load (live updates, frames, shadow roots, framework-style
 * pages): every range Gloss holds with where it lives, highlights of a child frame (each document has its own
 * `CSS.highlights`), mention boxes in frames and shadow trees, the popup's rows, and pixel checks.
 */
import type { ExtensionPage, GlossBrowser, Rect, TestPage } from './driver';
import type { HighlightTexts } from './page-scripts';
import { waitFor } from './page-scripts';
import type { Pixels } from './png';

/** One range of a `gloss-<id>` highlight, described. */
export interface RangeInfo {
  /** The highlight name, e.g. `gloss-huawei`. */
  name: string;
  text: string;
  collapsed: boolean;
  /** Whether both boundary nodes are still in a document. */
  connected: boolean;
  /**
   * Where the range starts: `document`, or the shadow host chain for a shadow tree (`#nested>#inner-host`),
   * or `detached` for a node no longer in any document.
   */
  root: string;
}

/** Where a page expression finds the window to read: the page's own, or a same-origin child frame's. */
const windowOf = (frameSelector: string | undefined): string =>
  frameSelector === undefined
    ? 'window'
    : `document.querySelector(${JSON.stringify(frameSelector)}).contentWindow`;

/**
 * Every range of every `gloss-*` highlight except the focus highlight, in registry order, of the page or of
 * the same-origin child frame shown by `frameSelector`.
 */
export const readRanges = (page: TestPage, frameSelector?: string): Promise<RangeInfo[]> =>
  page.evaluate<RangeInfo[]>(`((win) => {
    const rootOf = (node) => {
      const hosts = [];
      let root = node.getRootNode();
      while (root.nodeType === 11 && root.host) {
        hosts.unshift('#' + (root.host.id || root.host.localName));
        root = root.host.getRootNode();
      }
      if (hosts.length) return root.nodeType === 9 ? hosts.join('>') : 'detached';
      return root.nodeType === 9 ? 'document' : 'detached';
    };
    const out = [];
    for (const [name, highlight] of win.CSS.highlights) {
      if (!name.startsWith('gloss-') || name === 'gloss-focus') continue;
      for (const r of highlight) {
        out.push({
          name,
          text: r.toString(),
          collapsed: r.collapsed,
          connected: r.startContainer.isConnected && r.endContainer.isConnected,
          root: rootOf(r.startContainer),
        });
      }
    }
    return out;
  })(${windowOf(frameSelector)})`);

/**
 * Highlight name to the text of each range, from `readRanges`; entities left without ranges do not appear (an
 * emptied `gloss-<id>` entry and a removed one read the same).
 */
export function textsOf(ranges: readonly RangeInfo[]): HighlightTexts {
  const out: HighlightTexts = {};
  for (const r of ranges) out[r.name] = [...(out[r.name] ?? []), r.text];
  return out;
}

/** The highlights (as `textsOf`) of the page or of a same-origin child frame. */
export const frameTexts = async (page: TestPage, frameSelector?: string): Promise<HighlightTexts> =>
  textsOf(await readRanges(page, frameSelector));

/** Ranges that no longer mark a mention: collapsed, detached, or whose text is not one of `names`' texts. */
export function staleRanges(ranges: readonly RangeInfo[], allowed: HighlightTexts): RangeInfo[] {
  return ranges.filter(
    (r) => r.collapsed || !r.connected || r.root === 'detached' || !(allowed[r.name] ?? []).includes(r.text),
  );
}

/** A mention's box and centre in the top viewport's coordinates. */
export interface Box {
  x: number;
  y: number;
  rect: Rect;
}

/**
 * Scrolls to the `index`-th range of highlight `name` in the page or in a same-origin child frame (the frame
 * first, then the mention inside it) and returns its widest line box in the TOP viewport's coordinates, or
 * null. `where` picks a range by its root (see `RangeInfo.root`) instead of by index alone.
 */
export function rangeBox(
  page: TestPage,
  name: string,
  { index = 0, frameSelector, root }: { index?: number; frameSelector?: string; root?: string } = {},
): Promise<Box | null> {
  return page.evaluate<Box | null>(`((name, index, frameSelector, wantedRoot) => {
    const frame = frameSelector ? document.querySelector(frameSelector) : null;
    const win = frame ? frame.contentWindow : window;
    const rootOf = (node) => {
      const hosts = [];
      let r = node.getRootNode();
      while (r.nodeType === 11 && r.host) {
        hosts.unshift('#' + (r.host.id || r.host.localName));
        r = r.host.getRootNode();
      }
      return hosts.length ? hosts.join('>') : 'document';
    };
    const highlight = win.CSS.highlights.get(name);
    const ranges = highlight ? [...highlight].filter((r) => !wantedRoot || rootOf(r.startContainer) === wantedRoot) : [];
    const range = ranges[index];
    if (!range) return null;
    if (frame) frame.scrollIntoView({ block: 'center', inline: 'nearest' });
    const el = range.startContainer.parentElement;
    if (el) el.scrollIntoView({ block: 'center', inline: 'nearest' });
    // A frame's content starts inside its border and padding.
    const offset = frame ? frame.getBoundingClientRect() : { left: 0, top: 0 };
    const style = frame ? getComputedStyle(frame) : null;
    const dx = frame ? offset.left + frame.clientLeft + parseFloat(style.paddingLeft) : 0;
    const dy = frame ? offset.top + frame.clientTop + parseFloat(style.paddingTop) : 0;
    const boxes = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (boxes.length === 0) return null;
    const b = boxes.reduce((a, c) => (c.width > a.width ? c : a));
    return { x: dx + b.left + b.width / 2, y: dy + b.top + b.height / 2, rect: { x: dx + b.left, y: dy + b.top, width: b.width, height: b.height } };
  })(${JSON.stringify(name)}, ${index}, ${JSON.stringify(frameSelector ?? null)}, ${JSON.stringify(root ?? null)})`);
}

/**
 * The box of the first occurrence of `word` in the text of the element matching `selector` (inside the shadow
 * roots along `hostPath`, a list of host selectors from the document down), in viewport coordinates.
 */
export function wordBox(
  page: TestPage,
  selector: string,
  word: string,
  hostPath: string[] = [],
): Promise<Rect | null> {
  return page.evaluate<Rect | null>(`((selector, word, hostPath) => {
    let scope = document;
    for (const host of hostPath) {
      const el = scope.querySelector(host);
      if (!el || !el.shadowRoot) return null;
      scope = el.shadowRoot;
    }
    const el = scope.querySelector(selector);
    if (!el) return null;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const at = t.data.indexOf(word);
      if (at < 0) continue;
      const r = document.createRange();
      r.setStart(t, at);
      r.setEnd(t, at + word.length);
      const b = r.getClientRects()[0];
      return b ? { x: b.left, y: b.top, width: b.width, height: b.height } : null;
    }
    return null;
  })(${JSON.stringify(selector)}, ${JSON.stringify(word)}, ${JSON.stringify(hostPath)})`);
}

/** A whole-pixel clip inside `r`, trimmed by a pixel so anti-aliased edges of neighbours do not count. */
export const innerClip = (r: Rect): Rect => ({
  x: Math.ceil(r.x) + 1,
  y: Math.ceil(r.y) + 1,
  width: Math.max(1, Math.floor(r.width) - 2),
  height: Math.max(1, Math.floor(r.height) - 2),
});

/** The share of pixels darker than `maxLuma` (text, not a background). */
export function darkShare(p: Pixels, maxLuma = 140): number {
  let dark = 0;
  const total = p.width * p.height;
  for (let i = 0; i < total; i++) {
    const luma = 0.299 * p.rgba[i * 4]! + 0.587 * p.rgba[i * 4 + 1]! + 0.114 * p.rgba[i * 4 + 2]!;
    if (luma < maxLuma) dark++;
  }
  return total === 0 ? 0 : dark / total;
}

/** The share of pixels within `tolerance` of the colour `rgb` on every channel. */
export function colourShare(p: Pixels, rgb: readonly [number, number, number], tolerance = 40): number {
  let hits = 0;
  const total = p.width * p.height;
  for (let i = 0; i < total; i++) {
    if (
      Math.abs(p.rgba[i * 4]! - rgb[0]) <= tolerance &&
      Math.abs(p.rgba[i * 4 + 1]! - rgb[1]) <= tolerance &&
      Math.abs(p.rgba[i * 4 + 2]! - rgb[2]) <= tolerance
    )
      hits++;
  }
  return total === 0 ? 0 : hits / total;
}

/** One row of the toolbar popup: an entity and the count it announces. */
export interface PopupRow {
  id: string;
  count: number;
}

/**
 * A page expression for the popup's entity rows (`data-entity-id`, "N mentions" as a screen reader reads it)
 * and its text. Specs that read more of the popup embed it in one expression, so that everything they read
 * comes from the same moment (the popup re-renders as it refreshes).
 */
export const POPUP_ROWS_EXPRESSION = `(() => {
    const rows = [...document.querySelectorAll('[data-entity-id]')].map((el) => {
      const spoken = el.cloneNode(true);
      spoken.querySelectorAll('[aria-hidden="true"]').forEach((h) => h.remove());
      const m = /(\\d+)\\s+mentions?\\b/.exec(spoken.textContent || '');
      return { id: el.getAttribute('data-entity-id'), count: m ? Number(m[1]) : -1 };
    });
    return { rows, text: document.body.innerText };
  })()`;

/** The popup's entity rows and its text. */
export const readPopupRows = (popup: ExtensionPage): Promise<{ rows: PopupRow[]; text: string }> =>
  popup.evaluate(POPUP_ROWS_EXPRESSION);

/** Entity id to number of mentions, from highlight texts. */
export const countsOf = (h: HighlightTexts): Record<string, number> =>
  Object.fromEntries(
    Object.entries(h)
      .filter(([, ranges]) => ranges.length > 0)
      .map(([name, ranges]) => [name.replace(/^gloss-/, ''), ranges.length]),
  );

/** The badge text Gloss shows for `n` mentions. */
export const badgeFor = (n: number): string => (n > 0 ? String(Math.min(n, 999)) : '');

/**
 * Waits until the badge of `page`'s tab shows the total of `counts`, then opens the popup and returns the
 * counts its rows announce (entity id to count), closing it again and bringing `page` back to the front.
 */
export async function popupCountsOnceBadgeIs(
  browser: GlossBrowser,
  page: TestPage,
  counts: Record<string, number>,
  what: string,
): Promise<{ badge: string; listed: Record<string, number> }> {
  const sum = Object.values(counts).reduce((a, b) => a + b, 0);
  const badge = await waitFor(
    () => browser.badgeText(page),
    (t) => t === badgeFor(sum),
    { what: `the badge to show ${badgeFor(sum) || 'nothing'} (${what})`, timeoutMs: 5_000 },
  ).catch(async () => browser.badgeText(page));
  const popup = await browser.openPopup(page);
  try {
    const state = await waitFor(
      () => readPopupRows(popup),
      (s) => s.rows.length > 0 || sum === 0,
      { what: `the popup to list entities (${what})`, timeoutMs: 5_000 },
    ).catch(() => readPopupRows(popup));
    return { badge, listed: Object.fromEntries(state.rows.map((r) => [r.id, r.count])) };
  } finally {
    await popup.close();
    // The popup tab came to the front; give it back to the page (hidden tabs get no animation frames).
    await page.bringToFront();
  }
}
