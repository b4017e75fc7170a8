/**
 * The card: opened by hovering a mention for the dwell time, by Tab-focusing a link that holds a mention, and
 * by Alt+Shift+J / Alt+Shift+K; what it shows (read from the accessibility tree, since it lives in a closed
 * shadow root); and every way it closes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DWELL_MS, EMPTY_SPOT, hoverMention, resetCard, waitForCard, waitForNoCard } from './harness/actions';
import { browsersUnderTest, type TestPage, VIEWPORT } from './harness/driver';
import { kbEntity, kbPassages, squash } from './harness/kb';
import { activeElement, elementBox, sleep, waitFor, waitForScan } from './harness/page-scripts';
import { ARTICLE_PATH, type E2ESession, startSession } from './harness/session';

/**
 * Clicks the headline (plain text, no mention, above the first link): focus goes to the document and the
 * next Tab starts from there, whatever earlier tests focused.
 */
async function focusPageTop(page: TestPage): Promise<void> {
  const headline = await elementBox(page, 'h1');
  if (!headline) throw new Error('the fixture has no h1');
  await page.click(headline);
  // Let the click's own pointer events be handled (Gloss reads the pointer once per animation frame) before the
  // next key, as a person would.
  await sleep(200);
}

/** The text of the focus highlight (the mention whose card is open), or null. */
const focusedMention = (page: TestPage): Promise<string | null> =>
  page.evaluate(
    `(() => { const h = CSS.highlights.get('gloss-focus'); return h ? [...h].map((r) => r.toString()).join('|') : null; })()`,
  );

describe.each(browsersUnderTest())('the card on the article fixture (%s)', (browserName) => {
  let session: E2ESession | undefined;
  let page: TestPage;

  beforeAll(async () => {
    session = await startSession(browserName);
    page = await session.browser.open(session.server.url(ARTICLE_PATH));
    await waitForScan(page);
  });

  afterAll(async () => {
    await session?.close();
  });

  beforeEach(async () => {
    // Hover and focus only reach the visible tab (hidden tabs get no animation frames), and some tests open tabs.
    await page.bringToFront();
    await resetCard(page);
  });

  it('opens after the hover dwell and shows the name, type, a quoted passage with attribution, and its buttons', async () => {
    const cicada = kbEntity('cicada');
    const passages = kbPassages('cicada');
    expect(passages.length).toBeGreaterThan(0);

    await hoverMention(page, 'gloss-cicada');
    await sleep(DWELL_MS / 6);
    expect(await page.card()).toBeNull(); // not before the dwell

    const card = await waitForCard(page, 'the Cicada card after hovering');
    expect(card.name).toBe(`Gloss: ${cicada.name}`);
    expect(card.text).toContain(cicada.name);
    expect(card.text.toLowerCase()).toContain('threat actor');
    expect(card.text).toContain(squash(cicada.description));
    // Every quote is a passage of the knowledge base, and the first is attributed to its source.
    for (const quote of card.quotes) expect(passages.map((p) => squash(p.text))).toContain(quote);
    const first = passages[0]!;
    expect(card.text).toContain(`${squash(first.title)}, ${first.author}, The Diplomat`);
    // "Read in source" opens the reader: a link or a button, either is fine for assistive technology.
    expect([...card.links, ...card.buttons]).toContain('Read in source');
    expect(card.buttons).toEqual(expect.arrayContaining(['Close', 'Gloss settings']));
    expect(await focusedMention(page)).toBe('Cicada');
    // Hovering opened the card without taking focus from the page.
    expect(card.hasFocus).toBe(false);
  });

  it('places the card inside the viewport, beside a mention in the middle of the screen', async () => {
    for (const [name, index] of [
      ['gloss-beca', 0],
      ['gloss-cicada', 0],
      ['gloss-huawei', 1],
    ] as const) {
      await resetCard(page);
      await hoverMention(page, name, index);
      const { rect } = await waitForCard(page, `the card of ${name}`);
      const where = `card of ${name} at ${JSON.stringify(rect)} in a ${VIEWPORT.width}x${VIEWPORT.height} viewport`;
      expect(rect.y, where).toBeGreaterThanOrEqual(0);
      expect(rect.y + rect.height, where).toBeLessThanOrEqual(VIEWPORT.height);
      expect(rect.x, where).toBeGreaterThanOrEqual(0);
      expect(rect.x + rect.width, where).toBeLessThanOrEqual(VIEWPORT.width);
    }
  });

  it('stays open while the pointer moves into the card, and closes once the pointer leaves both', async () => {
    await hoverMention(page, 'gloss-huawei', 1);
    const card = await waitForCard(page, 'the Huawei card after hovering');
    expect(card.name).toBe(`Gloss: ${kbEntity('huawei').name}`);
    // The middle of the part of the card that is on screen.
    const top = Math.max(card.rect.y, 0);
    const bottom = Math.min(card.rect.y + card.rect.height, VIEWPORT.height);
    const inside = { x: card.rect.x + card.rect.width / 2, y: (top + bottom) / 2 };
    await page.mouseMove(inside, 3);
    await sleep(900); // three times the grace period
    expect((await page.card())?.name).toBe(card.name);

    await page.mouseMove(EMPTY_SPOT, 3);
    await waitForNoCard(page, 'the card to close after the pointer left it');
  });

  it('closes on Escape', async () => {
    await hoverMention(page, 'gloss-nec');
    await waitForCard(page, 'the NEC card');
    await page.press('Escape');
    await waitForNoCard(page, 'the card to close on Escape');
    expect(await focusedMention(page)).toBeNull();
  });

  it('closes with its close button', async () => {
    await hoverMention(page, 'gloss-line');
    const card = await waitForCard(page, 'the LINE card');
    expect(card.name).toBe(`Gloss: ${kbEntity('line').name}`);
    await page.clickInCard('button', 'Close');
    await waitForNoCard(page, 'the card to close with its close button');
  });

  it('closes on a click outside it', async () => {
    await hoverMention(page, 'gloss-quad');
    await waitForCard(page, 'the Quad card');
    await page.click(EMPTY_SPOT);
    await waitForNoCard(page, 'the card to close on an outside click');
  });

  it('steps through mentions with Alt+Shift+J / Alt+Shift+K, moving focus into the card; Escape returns focus', async () => {
    await focusPageTop(page); // focus on the document, nothing open
    expect((await activeElement(page)).tag).toBe('body');

    await page.press('Alt+Shift+KeyJ');
    const first = await waitForCard(page, 'a card opened with Alt+Shift+J');
    expect(first.name).toBe(`Gloss: ${kbEntity('huawei').name}`); // the first mention is in the "Related" link
    expect(await focusedMention(page)).toBe('Huawei');
    expect(first.hasFocus).toBe(true);
    expect((await activeElement(page)).tag).toBe('gloss-ui');

    await page.press('Alt+Shift+KeyJ');
    const second = await waitForCard(
      page,
      "the next mention's card",
      (c) => c.name !== first.name && c.quotes.length > 0,
    );
    expect(second.name).toBe(`Gloss: ${kbEntity('kishida').name}`);
    expect(await focusedMention(page)).toBe('Kishida Fumio');
    expect(second.hasFocus).toBe(true);

    await page.press('Alt+Shift+KeyK');
    const back = await waitForCard(page, "the previous mention's card", (c) => c.name === first.name);
    expect(back.hasFocus).toBe(true);
    expect(await focusedMention(page)).toBe('Huawei');

    await page.press('Escape');
    await waitForNoCard(page, 'the card to close on Escape');
    expect((await activeElement(page)).tag).toBe('body');
  });

  it('opens the card of a mention inside a link reached with Tab, without moving focus', async () => {
    await focusPageTop(page);
    await page.press('Tab');
    expect(await activeElement(page)).toEqual({ tag: 'a', id: 'related-link' });
    const card = await waitForCard(page, "the card of the focused link's mention");
    expect(card.name).toBe(`Gloss: ${kbEntity('huawei').name}`);
    expect(card.hasFocus).toBe(false);
    expect(await activeElement(page)).toEqual({ tag: 'a', id: 'related-link' });

    // Moving focus on to an element without a mention closes a card that focus opened.
    await page.press('Tab');
    expect((await activeElement(page)).id).not.toBe('related-link');
    await waitForNoCard(page, 'the card to close when focus moved on');
  });

  it("still opens the focused link's card when the pointer moves over empty space during the dwell", async () => {
    await focusPageTop(page);
    await page.press('Tab');
    expect(await activeElement(page)).toEqual({ tag: 'a', id: 'related-link' });
    await sleep(DWELL_MS / 3);
    // A nudge of the mouse in the page margin, over no mention, says nothing about the focused link.
    await page.mouseMove({ x: EMPTY_SPOT.x + 2, y: EMPTY_SPOT.y + 2 });
    const card = await waitForCard(
      page,
      "the focused link's card despite a pointer move elsewhere",
      (c) => c.quotes.length > 0,
      3_000,
    );
    expect(card.name).toBe(`Gloss: ${kbEntity('huawei').name}`);
  });

  it("opens the options page from the card's settings button", async () => {
    const before = await session!.browser.extensionPageUrls();
    expect(before.filter((u) => u.includes('/options.html'))).toEqual([]);
    await hoverMention(page, 'gloss-zte');
    await waitForCard(page, 'the ZTE card');
    await page.clickInCard('button', 'Gloss settings');
    const urls = await waitFor(
      () => session!.browser.extensionPageUrls(),
      (u) => u.some((x) => x.includes('/options.html')),
      { what: 'the options page to open' },
    );
    expect(urls.filter((u) => u.includes('/options.html'))).toHaveLength(1);
  });

  it('opens the source reader from "Read in source"', async () => {
    // Only a reader tab opened by this click counts; an earlier test may have left another one open.
    const before = new Set(await session!.browser.extensionPageUrls());
    await hoverMention(page, 'gloss-beca');
    const card = await waitForCard(page, 'the BECA card');
    expect(card.name).toContain('BECA');
    await page.clickInCard(card.buttons.includes('Read in source') ? 'button' : 'link', 'Read in source');
    const isNewReader = (u: string): boolean => u.includes('/reader.html') && !before.has(u);
    const urls = await waitFor(
      () => session!.browser.extensionPageUrls(),
      (u) => u.some(isNewReader),
      { what: 'the source reader to open' },
    );
    const reader = new URL(urls.find(isNewReader)!);
    expect(reader.searchParams.get('entity')).toBe('beca');
    expect(reader.searchParams.get('source')).toBeTruthy();
  });

  it('leaves the link a mention sits in working: the mention is not covered by anything of Gloss', async () => {
    const link = await elementBox(page, '#related-link');
    expect(link).not.toBeNull();
    const hit = await page.evaluate<string>(
      `(() => { const el = document.elementFromPoint(${link!.x}, ${link!.y}); return el ? el.localName + '#' + el.id : ''; })()`,
    );
    expect(hit).toBe('a#related-link');
  });
});
