/**
 * Pages that change after load. On live.html (a small single-page app) new content is highlighted within about
 * a second, a text node the page rewrites in place is scanned again (a mention that appears gets a range, one
 * that goes away loses it), removed content loses its ranges, a large batch is scanned in full, and
 * navigations with history.pushState, a hash change and the back button (popstate) leave exactly the new
 * view's highlights, with the popup and badge counting them. On csp-live.html, under
 * `default-src 'none'; style-src 'none'; script-src 'self'`, content the page's own script adds after load
 * (a paragraph and an open shadow root) is highlighted and painted, and the card is styled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortedTexts } from './expectations';
import { EMPTY_SPOT, hoverMention, resetCard, waitForCard, waitForNoCard } from './harness/actions';
import { browsersUnderTest, type Rect, type TestPage, VIEWPORT } from './harness/driver';
import {
  colourShare,
  countsOf,
  darkShare,
  frameTexts,
  innerClip,
  popupCountsOnceBadgeIs,
  type RangeInfo,
  rangeBox,
  readRanges,
  staleRanges,
  textsOf,
  wordBox,
} from './harness/dynamic-pages';
import { kbEntity } from './harness/kb';
import { type HighlightTexts, waitFor, waitForScan } from './harness/page-scripts';
import { decodePng, tintedShare } from './harness/png';
import {
  CSP_LIVE_HEADERS,
  CSP_LIVE_PATH,
  CSP_SELF_SCRIPT,
  type E2ESession,
  startSession,
} from './harness/session';

const LIVE_PATH = '/fixtures/live.html';

/**
 * How long a change may take to show in the highlights. Gloss promises about a second; the rest is the polling
 * of the test and a slow two-core machine.
 */
const LIVE_MS = 2_000;

/** The home view as the page renders it (also after coming back to it). */
const HOME: HighlightTexts = {
  'gloss-mitsubishi-electric': ['Mitsubishi Electric'],
  'gloss-jaxa': ['JAXA'],
};
/** The view `?view=report` (history.pushState). Each view has its own total, so a stale badge shows. */
const REPORT: HighlightTexts = {
  'gloss-zte': ['ZTE', 'ZTE'],
  'gloss-national-police-agency': ['National Police Agency'],
};
/** The view `#archive` (hash change). */
const ARCHIVE: HighlightTexts = {
  'gloss-beca': ['Basic Exchange and Cooperation Agreement', 'BECA'],
  'gloss-comcasa': ['COMCASA', 'COMCASA'],
};

/** Waits until the page's highlights (entities without ranges left out) are exactly `expected`. */
async function waitForTexts(
  page: TestPage,
  expected: HighlightTexts,
  what: string,
  timeoutMs = LIVE_MS,
): Promise<{ ranges: RangeInfo[]; ms: number }> {
  const started = Date.now();
  const want = JSON.stringify(sortedTexts(expected));
  const ranges = await waitFor(
    () => readRanges(page),
    (r) => JSON.stringify(sortedTexts(textsOf(r))) === want,
    { what, timeoutMs, intervalMs: 50 },
  );
  return { ranges, ms: Date.now() - started };
}

describe.each(browsersUnderTest())('live pages (%s)', (browserName) => {
  let session: E2ESession | undefined;

  beforeAll(async () => {
    session = await startSession(browserName, {
      headers: CSP_LIVE_HEADERS,
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  describe('a single-page app (live.html)', () => {
    let page: TestPage;

    beforeAll(async () => {
      page = await session!.browser.open(session!.server.url(LIVE_PATH));
      // Learn the tab id while the URL is still the one the page was opened at (in Firefox this opens the
      // control page in a tab of its own), then show the page: a reader is looking at the live page, and
      // hidden tabs get no animation frames and throttled timers.
      await page.tabId();
      await page.bringToFront();
      expect(await page.evaluate('document.visibilityState')).toBe('visible');
      await waitForScan(page);
    });

    afterAll(async () => {
      await page?.close();
    });

    it('highlights what the page rendered before Gloss started', async () => {
      expect(sortedTexts(await frameTexts(page))).toEqual(sortedTexts(HOME));
    });

    it('highlights an item the page adds after load within about a second', async () => {
      await page.evaluate(
        `__live.append('Symantec researchers published a new report on the phishing wave this morning.')`,
      );
      const { ranges } = await waitForTexts(
        page,
        { ...HOME, 'gloss-symantec': ['Symantec'] },
        'the new feed item to be highlighted',
      );
      expect(staleRanges(ranges, { ...HOME, 'gloss-symantec': ['Symantec'] })).toEqual([]);
    });

    it('scans a text node the page rewrites in place: a mention that appears is added, one that goes is removed', async () => {
      const base = { ...HOME, 'gloss-symantec': ['Symantec'] };
      const huawei = 'Status: Huawei confirmed the outage and apologised to its customers.';
      await page.evaluate(`__live.setStatus(${JSON.stringify(huawei)})`);
      let { ranges } = await waitForTexts(
        page,
        { ...base, 'gloss-huawei': ['Huawei'] },
        'the mention written into the status text node to be highlighted',
      );
      expect(staleRanges(ranges, { ...base, 'gloss-huawei': ['Huawei'] })).toEqual([]);
      // Gloss read the node; it did not split, replace or change it.
      expect(await page.evaluate(`__live.statusIntact(${JSON.stringify(huawei)})`)).toBe(true);

      const kishida = 'Status: Prime Minister Kishida Fumio will speak to reporters at six.';
      await page.evaluate(`__live.setStatus(${JSON.stringify(kishida)})`);
      ({ ranges } = await waitForTexts(
        page,
        { ...base, 'gloss-kishida': ['Kishida Fumio'] },
        'the status text node rewritten with another name: the old mention gone, the new one highlighted',
      ));
      expect(staleRanges(ranges, { ...base, 'gloss-kishida': ['Kishida Fumio'] })).toEqual([]);

      const none = 'Status: no further updates tonight.';
      await page.evaluate(`__live.setStatus(${JSON.stringify(none)})`);
      ({ ranges } = await waitForTexts(
        page,
        base,
        'the status text node without a name: no mention left in it',
      ));
      expect(staleRanges(ranges, base)).toEqual([]);
      expect(await page.evaluate(`__live.statusIntact(${JSON.stringify(none)})`)).toBe(true);
    });

    it('drops the highlights of content the page removes', async () => {
      await page.evaluate('__live.removeDoomed()');
      const expected = {
        'gloss-mitsubishi-electric': ['Mitsubishi Electric'],
        'gloss-symantec': ['Symantec'],
      };
      const { ranges } = await waitForTexts(
        page,
        expected,
        'the removed paragraph to lose its JAXA highlight',
      );
      expect(staleRanges(ranges, expected)).toEqual([]);
      // Either no "gloss-jaxa" entry or an empty one; never a range left behind.
      const jaxa = await page.evaluate<number>(
        `CSS.highlights.has('gloss-jaxa') ? CSS.highlights.get('gloss-jaxa').size : 0`,
      );
      expect(jaxa).toBe(0);
    });

    it('scans a large batch of new content in full', async () => {
      await page.evaluate('__live.appendMany(300)');
      const ranges = await waitFor(
        () => readRanges(page),
        (r) => r.filter((x) => x.name === 'gloss-huawei').length >= 300,
        { what: '300 new Huawei mentions to be highlighted', timeoutMs: 5_000, intervalMs: 100 },
      );
      const huawei = ranges.filter((r) => r.name === 'gloss-huawei');
      expect(huawei.length).toBe(300);
      expect(
        staleRanges(ranges, {
          'gloss-mitsubishi-electric': ['Mitsubishi Electric'],
          'gloss-symantec': ['Symantec'],
          'gloss-huawei': ['Huawei'],
        }),
      ).toEqual([]);
    });

    it('follows a history.pushState navigation: only the new view is highlighted, and the popup and badge count it', async () => {
      await page.evaluate(`__live.navigate('report')`);
      const { ranges } = await waitForTexts(page, REPORT, 'the pushState view to replace the highlights');
      expect(staleRanges(ranges, REPORT)).toEqual([]);
      const { badge, listed } = await popupCountsOnceBadgeIs(
        session!.browser,
        page,
        countsOf(REPORT),
        'after pushState',
      );
      expect(badge).toBe('3');
      expect(listed).toEqual(countsOf(REPORT));
    });

    it('follows a hash change', async () => {
      await page.evaluate(`location.hash = '#archive'`);
      const { ranges } = await waitForTexts(page, ARCHIVE, 'the #archive view to replace the highlights');
      expect(staleRanges(ranges, ARCHIVE)).toEqual([]);
      const { badge, listed } = await popupCountsOnceBadgeIs(
        session!.browser,
        page,
        countsOf(ARCHIVE),
        'after a hash change',
      );
      expect(badge).toBe('4');
      expect(listed).toEqual(countsOf(ARCHIVE));
    });

    it('follows the back button (popstate) twice, back to the first view', async () => {
      await page.evaluate('history.back()');
      await waitForTexts(page, REPORT, 'back to the pushState view');
      let counted = await popupCountsOnceBadgeIs(session!.browser, page, countsOf(REPORT), 'back once');
      expect(counted).toEqual({ badge: '3', listed: countsOf(REPORT) });

      await page.evaluate('history.back()');
      const { ranges } = await waitForTexts(page, HOME, 'back to the first view');
      expect(staleRanges(ranges, HOME)).toEqual([]);
      expect(await page.evaluate('location.search + location.hash')).toBe('');
      counted = await popupCountsOnceBadgeIs(session!.browser, page, countsOf(HOME), 'back twice');
      expect(counted).toEqual({ badge: '2', listed: countsOf(HOME) });
    });

    it('opens the card of a mention added after load', async () => {
      await page.bringToFront();
      await resetCard(page);
      // Start from the first view even if an earlier test left the page elsewhere.
      if ((await page.evaluate('__live.view()')) !== 'home') await page.evaluate(`__live.navigate('home')`);
      await page.evaluate(
        `__live.append('Late in the day Symantec added indicators for the same campaign to its public feed.')`,
      );
      await waitForTexts(page, { ...HOME, 'gloss-symantec': ['Symantec'] }, 'the new feed item');
      await hoverMention(page, 'gloss-symantec');
      const card = await waitForCard(page, 'the Symantec card on an item added after load');
      expect(card.name).toBe(`Gloss: ${kbEntity('symantec').name}`);
      await page.press('Escape');
      await waitForNoCard(page, 'the card to close');
    });
  });

  describe(`under "${CSP_SELF_SCRIPT}" (csp-live.html)`, () => {
    let page: TestPage;
    const EXPECTED: HighlightTexts = {
      'gloss-mitsubishi-electric': ['Mitsubishi Electric'],
      'gloss-symantec': ['Symantec'],
    };

    beforeAll(async () => {
      page = await session!.browser.open(session!.server.url(CSP_LIVE_PATH));
      await page.bringToFront();
    });

    afterAll(async () => {
      await page?.close();
    });

    it("is served with the CSP: the page's inline style and script are blocked, its same-origin script runs", async () => {
      const res = await fetch(session!.server.url(CSP_LIVE_PATH));
      expect(res.headers.get('content-security-policy')).toBe(CSP_SELF_SCRIPT);
      expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgba(0, 0, 0, 0)');
      expect(await page.evaluate('document.title')).toBe(
        'Live desk under a strict policy | The Example Ledger',
      );
      await waitFor(
        () => page.evaluate<boolean>('!!(window.__cspLive && window.__cspLive.updated)'),
        (updated) => updated,
        { what: 'csp-live.js to add its content' },
      );
    });

    it('highlights the paragraph and the open shadow root the page script added after load', async () => {
      const { ranges } = await waitForTexts(page, EXPECTED, 'the content added after load to be highlighted');
      expect(staleRanges(ranges, EXPECTED)).toEqual([]);
      expect(ranges.map((r) => `${r.name} in ${r.root}`).sort()).toEqual([
        'gloss-mitsubishi-electric in document',
        'gloss-symantec in #wire',
      ]);
    });

    it('paints both: the mentions are tinted, ordinary text is not', async () => {
      await page.mouseMove(EMPTY_SPOT);
      const shares: Record<string, number> = {};
      for (const [name, root] of [
        ['gloss-mitsubishi-electric', 'document'],
        ['gloss-symantec', '#wire'],
      ] as const) {
        const box = await rangeBox(page, name, { root });
        expect(box, `${name} has a box`).not.toBeNull();
        shares[name] = tintedShare(decodePng(await page.screenshot(innerClip(box!.rect))));
      }
      const control = await wordBox(page, '#control', 'ordinary');
      expect(control).not.toBeNull();
      const controlShare = tintedShare(decodePng(await page.screenshot(innerClip(control!))));
      expect(controlShare).toBe(0);
      expect(shares['gloss-mitsubishi-electric']).toBeGreaterThan(0.3);
      expect(shares['gloss-symantec']).toBeGreaterThan(0.3);
    });

    it('opens a styled card with an opaque background over the page text', async () => {
      await page.bringToFront();
      await resetCard(page);
      await hoverMention(page, 'gloss-mitsubishi-electric');
      const card = await waitForCard(page, 'the Mitsubishi Electric card on the CSP page');
      expect(card.name).toBe(`Gloss: ${kbEntity('mitsubishi-electric').name}`);
      expect(card.text).toContain('The Diplomat');
      // The adopted stylesheet applied: a bounded box, not unstyled flow across the page.
      expect(card.rect.width).toBeGreaterThan(200);
      expect(card.rect.width).toBeLessThanOrEqual(420);
      const r = card.rect;
      const visibleHeight = Math.min(r.height, VIEWPORT.height - r.y);
      // Strips inside the card's padding, clear of its rounded corners and of its own text (the bottom padding
      // is left out: a card taller than its maximum height scrolls, and its text runs through that padding).
      const bands: Rect[] = [
        { x: r.x + 12, y: r.y + 3, width: r.width * 0.5, height: 6 },
        { x: r.x + 3, y: r.y + 14, width: 8, height: visibleHeight - 28 },
      ]
        .filter((b) => b.y >= 0 && b.height > 2)
        .map((b) => innerClip(b));
      const open = await Promise.all(bands.map(async (b) => darkShare(decodePng(await page.screenshot(b)))));
      // The card's own colours: the accent bar beside its quoted passages (#4338ca), in pixels.
      const whole = innerClip({ ...r, height: visibleHeight });
      const accentPixels =
        colourShare(decodePng(await page.screenshot(whole)), [0x43, 0x38, 0xca], 30) *
        whole.width *
        whole.height;
      await page.press('Escape');
      await waitForNoCard(page, 'the card to close');
      await page.mouseMove(EMPTY_SPOT);
      const closed = await Promise.all(
        bands.map(async (b) => darkShare(decodePng(await page.screenshot(b)))),
      );
      const covered = bands.map((b, i) => ({ band: b, open: open[i]!, closed: closed[i]! }));
      // The page's text lies behind the card (seen once it closed), and none of it showed through the card.
      const withTextBehind = covered.filter((c) => c.closed > 0.01);
      expect(
        withTextBehind.length,
        `page text behind the card's padding: ${JSON.stringify(covered)}`,
      ).toBeGreaterThan(0);
      for (const c of withTextBehind) expect(c.open, `card band ${JSON.stringify(c)}`).toBeLessThan(0.002);
      expect(accentPixels).toBeGreaterThan(50);
    });
  });
});
