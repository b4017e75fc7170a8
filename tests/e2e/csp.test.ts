/**
 * Gloss under a page's strict Content-Security-Policy (no script, no style of the page's own): highlights are
 * registered and really painted (checked on pixels), and the card opens and can be read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_HIGHLIGHTS, sortedTexts } from './expectations';
import { EMPTY_SPOT, hoverMention, waitForCard } from './harness/actions';
import { browsersUnderTest, type Rect, type TestPage } from './harness/driver';
import { kbEntity } from './harness/kb';
import { mentionBox, waitForScan } from './harness/page-scripts';
import { decodePng, tintedShare } from './harness/png';
import { STRICT_CSP } from './harness/server';
import { type E2ESession, startSession } from './harness/session';

const CSP_PATH = '/fixtures/csp.html';

/** The box of the first occurrence of `word` in the element `#id`, in viewport coordinates. */
const wordBox = (page: TestPage, id: string, word: string): Promise<Rect | null> =>
  page.evaluate(`((id, word) => {
    const text = document.getElementById(id).firstChild;
    const at = text.data.indexOf(word);
    if (at < 0) return null;
    const r = document.createRange();
    r.setStart(text, at);
    r.setEnd(text, at + word.length);
    const b = r.getClientRects()[0];
    return { x: b.left, y: b.top, width: b.width, height: b.height };
  })(${JSON.stringify(id)}, ${JSON.stringify(word)})`);

/** A whole-pixel clip inside `r`, trimmed by a pixel so anti-aliased edges of neighbours do not count. */
const inner = (r: Rect): Rect => ({
  x: Math.ceil(r.x) + 1,
  y: Math.ceil(r.y) + 1,
  width: Math.floor(r.width) - 2,
  height: Math.floor(r.height) - 2,
});

describe.each(browsersUnderTest())('a page with a strict CSP (%s)', (browserName) => {
  let session: E2ESession | undefined;
  let page: TestPage;

  beforeAll(async () => {
    session = await startSession(browserName, {
      headers: { [CSP_PATH]: { 'Content-Security-Policy': STRICT_CSP } },
    });
    page = await session.browser.open(session.server.url(CSP_PATH));
  });

  afterAll(async () => {
    await session?.close();
  });

  it("is served with the strict CSP, which blocks the page's own style and script", async () => {
    const res = await fetch(session!.server.url(CSP_PATH));
    expect(res.headers.get('content-security-policy')).toBe(STRICT_CSP);
    expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgba(0, 0, 0, 0)');
    expect(await page.evaluate('document.title')).toBe('Vendors, spies and summits | The Example Ledger');
  });

  it('registers the expected highlights', async () => {
    const highlights = await waitForScan(page);
    expect(sortedTexts(highlights)).toEqual(sortedTexts(CSP_HIGHLIGHTS));
  });

  it('paints the highlights: a mention is tinted, ordinary text is not', async () => {
    await page.mouseMove(EMPTY_SPOT);
    const mention = await mentionBox(page, 'gloss-huawei');
    const control = await wordBox(page, 'control', 'ordinary');
    expect(mention).not.toBeNull();
    expect(control).not.toBeNull();
    const mentionShare = tintedShare(decodePng(await page.screenshot(inner(mention!.rect))));
    const controlShare = tintedShare(decodePng(await page.screenshot(inner(control!))));
    expect(controlShare).toBe(0);
    expect(mentionShare).toBeGreaterThan(0.3);
  });

  it('opens a readable card', async () => {
    await hoverMention(page, 'gloss-cicada');
    const card = await waitForCard(page, 'the Cicada card on the CSP page');
    expect(card.name).toBe(`Gloss: ${kbEntity('cicada').name}`);
    expect(card.quotes.length).toBeGreaterThan(0);
    expect(card.text).toContain('The Diplomat');
    expect(card.buttons).toEqual(expect.arrayContaining(['Close', 'Gloss settings']));
    // The card's adopted stylesheet applied despite style-src 'none': it is a bounded box, not unstyled flow.
    expect(card.rect.width).toBeGreaterThan(200);
    expect(card.rect.width).toBeLessThanOrEqual(420);
  });
});
