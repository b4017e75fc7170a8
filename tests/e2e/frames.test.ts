/**
 * Frames: Gloss runs in every frame of a page (`all_frames`, `match_about_blank`). On frames.html the mentions
 * of a same-origin iframe, a srcdoc iframe and an about:blank iframe that the page's script fills are
 * highlighted in THAT frame's own `CSS.highlights` (each document has its own registry) and painted; hovering
 * one opens the card inside that frame (its `<gloss-ui>` host goes into the frame's document); and the popup
 * and badge count the mentions of every frame.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortedTexts } from './expectations';
import { EMPTY_SPOT, waitForNoCard } from './harness/actions';
import { browsersUnderTest, type CardSnapshot, type TestPage } from './harness/driver';
import {
  countsOf,
  frameTexts,
  innerClip,
  popupCountsOnceBadgeIs,
  rangeBox,
  readRanges,
  staleRanges,
  wordBox,
} from './harness/dynamic-pages';
import { kbEntity } from './harness/kb';
import { type HighlightTexts, waitFor, waitForScan } from './harness/page-scripts';
import { decodePng, tintedShare } from './harness/png';
import { type E2ESession, startSession } from './harness/session';

const FRAMES_PATH = '/fixtures/frames.html';

/** The top document's own mentions. */
const TOP: HighlightTexts = { 'gloss-huawei': ['Huawei'] };

interface FrameCase {
  /** The `<iframe>` in frames.html. */
  selector: string;
  kind: string;
  /** What the frame's document URL is. */
  href: RegExp;
  expected: HighlightTexts;
  /** The entity whose mention the test hovers. */
  hover: string;
}

const FRAMES: FrameCase[] = [
  {
    selector: '#child',
    kind: 'a same-origin iframe (frames-child.html)',
    href: /\/fixtures\/frames-child\.html$/,
    expected: { 'gloss-zte': ['ZTE', 'ZTE'], 'gloss-symantec': ['Symantec'] },
    hover: 'symantec',
  },
  {
    selector: '#inline',
    kind: 'a srcdoc iframe',
    href: /^about:srcdoc$/,
    expected: { 'gloss-mitsubishi-electric': ['Mitsubishi Electric'] },
    hover: 'mitsubishi-electric',
  },
  {
    selector: '#blank',
    kind: "an about:blank iframe the page's script filled",
    href: /^about:blank$/,
    expected: { 'gloss-jaxa': ['JAXA'] },
    hover: 'jaxa',
  },
];

/** Every frame's highlights and the top document's, merged: what the tab holds. */
const ALL: HighlightTexts = {};
for (const h of [TOP, ...FRAMES.map((f) => f.expected)]) {
  for (const [name, texts] of Object.entries(h)) ALL[name] = [...(ALL[name] ?? []), ...texts];
}

/** A point inside the frame's viewport, in its left margin beside the text (top-viewport coordinates). */
const frameEmptySpot = (page: TestPage, selector: string): Promise<{ x: number; y: number }> =>
  page.evaluate(
    `(() => { const b = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect(); return { x: b.left + 3, y: b.top + b.height - 6 }; })()`,
  );

describe.each(browsersUnderTest())('frames (%s)', (browserName) => {
  let session: E2ESession | undefined;
  let page: TestPage;

  beforeAll(async () => {
    session = await startSession(browserName);
    page = await session.browser.open(session.server.url(FRAMES_PATH));
    await page.tabId();
    await page.bringToFront();
    await waitForScan(page);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('serves three same-origin frames: a page, a srcdoc document and a script-filled about:blank', async () => {
    for (const f of FRAMES) {
      const doc = await page.evaluate<{ href: string; text: string }>(
        `(() => { const w = document.querySelector(${JSON.stringify(f.selector)}).contentWindow; return { href: w.location.href, text: w.document.body.innerText }; })()`,
      );
      expect(doc.href, f.kind).toMatch(f.href);
      expect(doc.text.length, f.kind).toBeGreaterThan(20);
    }
  });

  it("keeps the top document's registry to its own mentions", async () => {
    expect(sortedTexts(await frameTexts(page))).toEqual(sortedTexts(TOP));
  });

  for (const f of FRAMES) {
    it(`highlights the mentions of ${f.kind} in that frame's own CSS.highlights`, async () => {
      const ranges = await waitFor(
        () => readRanges(page, f.selector),
        (r) => r.length >= Object.values(f.expected).flat().length,
        { what: `highlights in ${f.kind}`, timeoutMs: 5_000 },
      ).catch(() => readRanges(page, f.selector));
      expect(sortedTexts(await frameTexts(page, f.selector))).toEqual(sortedTexts(f.expected));
      expect(staleRanges(ranges, f.expected)).toEqual([]);
      expect(new Set(ranges.map((r) => r.root))).toEqual(new Set(['document']));
    });
  }

  it('paints the mentions in every frame, and not ordinary text', async () => {
    await page.mouseMove(EMPTY_SPOT);
    const shares: Record<string, number> = {};
    for (const f of FRAMES) {
      for (const name of Object.keys(f.expected)) {
        const box = await rangeBox(page, name, { frameSelector: f.selector });
        expect(box, `${name} in ${f.kind} has a box`).not.toBeNull();
        shares[`${name} in ${f.selector}`] = tintedShare(
          decodePng(await page.screenshot(innerClip(box!.rect))),
        );
      }
    }
    const control = await wordBox(page, '#bottom', 'ministers');
    expect(control).not.toBeNull();
    expect(tintedShare(decodePng(await page.screenshot(innerClip(control!))))).toBe(0);
    // Every mention that is not tinted, all at once.
    expect(Object.entries(shares).filter(([, share]) => !(share > 0.3))).toEqual([]);
  });

  for (const f of FRAMES) {
    it(`opens the card inside ${f.kind} when a mention there is hovered`, async () => {
      await page.bringToFront();
      await page.mouseMove(EMPTY_SPOT);
      await waitFor(
        () => page.frameCard(f.selector),
        (c) => c === null,
        { what: `no card in ${f.kind} before hovering` },
      );
      const name = `gloss-${f.hover}`;
      const box = await rangeBox(page, name, { frameSelector: f.selector });
      expect(box, `${name} in ${f.kind} has a box`).not.toBeNull();
      await page.mouseMove(EMPTY_SPOT);
      await page.mouseMove(box!, 4);
      const card = (await waitFor(
        () => page.frameCard(f.selector),
        (c) => c !== null && c.quotes.length > 0,
        { what: `the ${f.hover} card inside ${f.kind}` },
      )) as CardSnapshot;
      expect(card.name).toBe(`Gloss: ${kbEntity(f.hover).name}`);
      expect(card.text).toContain('The Diplomat');
      // The host is the frame's, under the frame's <html>; the top document has no card.
      const hosts = await page.evaluate<{ frame: string[]; top: number }>(
        `(() => { const d = document.querySelector(${JSON.stringify(f.selector)}).contentDocument; return { frame: [...d.querySelectorAll('gloss-ui')].map((e) => e.parentNode === d.documentElement ? 'html' : e.parentNode.nodeName), top: document.querySelectorAll('gloss-ui').length }; })()`,
      );
      expect(hosts.frame).toEqual(['html']);
      expect(await page.card()).toBeNull();
      // The card is drawn where the frame is.
      const frameBox = await page.evaluate<{ x: number; y: number; width: number; height: number }>(
        `(() => { const b = document.querySelector(${JSON.stringify(f.selector)}).getBoundingClientRect(); return { x: b.left, y: b.top, width: b.width, height: b.height }; })()`,
      );
      expect(card.rect.x).toBeGreaterThanOrEqual(frameBox.x - 1);
      expect(card.rect.y).toBeGreaterThanOrEqual(frameBox.y - 1);
      expect(card.rect.x + card.rect.width).toBeLessThanOrEqual(frameBox.x + frameBox.width + 1);
      // Moving off the mention, within the frame, closes it again.
      const empty = await frameEmptySpot(page, f.selector);
      await page.mouseMove(empty, 3);
      await waitFor(
        () => page.frameCard(f.selector),
        (c) => c === null,
        { what: `the card in ${f.kind} to close once the pointer moved off the mention` },
      );
    });
  }

  it('closes the card in a frame when the pointer leaves the frame for the top document', async () => {
    const f = FRAMES[0]!;
    await page.bringToFront();
    const box = await rangeBox(page, `gloss-${f.hover}`, { frameSelector: f.selector });
    await page.mouseMove(EMPTY_SPOT);
    await page.mouseMove(box!, 4);
    await waitFor(
      () => page.frameCard(f.selector),
      (c) => c !== null && c.quotes.length > 0,
      { what: `the ${f.hover} card inside ${f.kind}` },
    );
    // Out of the frame, onto the top document's margin, the way the card tests leave a mention.
    await page.mouseMove(EMPTY_SPOT, 3);
    await waitFor(
      () => page.frameCard(f.selector),
      (c) => c === null,
      { what: `the card in ${f.kind} to close once the pointer left the frame`, timeoutMs: 5_000 },
    );
    await waitForNoCard(page, 'no card in the top document');
  });

  it('counts the mentions of every frame in the popup and the badge', async () => {
    const counts = countsOf(ALL);
    const counted = await popupCountsOnceBadgeIs(session!.browser, page, counts, 'frames.html');
    expect(counted).toEqual({ badge: '6', listed: counts });
  });
});
