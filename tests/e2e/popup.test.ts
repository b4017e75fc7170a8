/**
 * The toolbar popup (opened as a tab with `popup.html?tabId=N`): it lists what the page holds with the same
 * counts as the highlights and the badge, and its site switch turns Gloss off and on for the site, live on
 * open tabs and remembered across reloads and new tabs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_HIGHLIGHTS } from './expectations';
import { browsersUnderTest, type ExtensionPage, type TestPage } from './harness/driver';
import { POPUP_ROWS_EXPRESSION, type PopupRow } from './harness/dynamic-pages';
import { type HighlightTexts, readHighlights, waitFor, waitForScan } from './harness/page-scripts';
import { ARTICLE_PATH, type E2ESession, startSession } from './harness/session';

interface PopupState {
  rows: PopupRow[];
  text: string;
  switchChecked: boolean | null;
  switchLabel: string;
}

/**
 * What the popup shows: one row per entity (`data-entity-id`) with the count it announces ("2 mentions"),
 * the page text, and the site switch.
 */
const readPopup = (popup: ExtensionPage): Promise<PopupState> =>
  popup.evaluate(`(() => {
    const { rows, text } = ${POPUP_ROWS_EXPRESSION};
    const sw = document.querySelector('[role="switch"]');
    const label = sw ? (sw.labels && sw.labels[0] ? sw.labels[0].innerText : sw.getAttribute('aria-label') || '') : '';
    return { rows, text, switchChecked: sw ? sw.checked : null, switchLabel: label.trim() };
  })()`);

/** Entity id to mention count, from highlights. */
const countsOf = (h: HighlightTexts): Record<string, number> =>
  Object.fromEntries(Object.entries(h).map(([name, ranges]) => [name.replace(/^gloss-/, ''), ranges.length]));

const total = (h: HighlightTexts): number => Object.values(h).reduce((sum, r) => sum + r.length, 0);

describe.each(browsersUnderTest())('the toolbar popup and the site switch (%s)', (browserName) => {
  let session: E2ESession | undefined;
  let article: TestPage;
  let popup: ExtensionPage;
  let host: string;

  beforeAll(async () => {
    session = await startSession(browserName);
    host = new URL(session.server.origin).hostname;
    article = await session.browser.open(session.server.url(ARTICLE_PATH));
    await waitForScan(article);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('lists every entity on the page with its number of highlighted mentions; the total is the badge', async () => {
    const highlights = await readHighlights(article);
    expect(highlights).toEqual(ARTICLE_HIGHLIGHTS);
    popup = await session!.browser.openPopup(article);
    const state = await waitFor(
      () => readPopup(popup),
      (s) => s.rows.length > 0,
      { what: 'the popup to list entities' },
    );
    const listed = Object.fromEntries(state.rows.map((r) => [r.id, r.count]));
    expect(listed).toEqual(countsOf(highlights));
    const sum = total(highlights);
    expect(await session!.browser.badgeText(article)).toBe(String(sum));
    // Lower-cased: the popup sets its total line in capitals (text-transform), which innerText returns.
    expect(state.text.toLowerCase()).toContain(`${sum} mentions`);
    expect(state.switchLabel).toBe(`Highlight on ${host}`);
    expect(state.switchChecked).toBe(true);
  });

  it('turns Gloss off for the site: highlights disappear live from the open tab and the badge clears', async () => {
    await popup.clickByRole('switch', `Highlight on ${host}`);
    await waitFor(
      () => readHighlights(article),
      (h) => Object.keys(h).length === 0,
      { what: 'the highlights to disappear from the open article tab' },
    );
    expect((await readPopup(popup)).switchChecked).toBe(false);
    await waitFor(
      () => session!.browser.badgeText(article),
      (t) => t === '',
      { what: 'the badge to clear' },
    );
    // Nothing of Gloss is left registered on the page, not even the focus highlight.
    expect(
      await article.evaluate('[...CSS.highlights.keys()].filter((k) => k.startsWith("gloss-"))'),
    ).toEqual([]);
  });

  it('remembers the choice: a reload and a new tab on the same site stay unhighlighted', async () => {
    await article.reload();
    expect(await waitForScan(article)).toEqual({});
    const second = await session!.browser.open(session!.server.url(`${ARTICLE_PATH}?second-tab`));
    expect(await waitForScan(second)).toEqual({});
    // The popup of the reloaded tab says Gloss is off here, which it knows only once the page has reported.
    const fresh = await session!.browser.openPopup(article);
    const state = await waitFor(
      () => readPopup(fresh),
      (s) => s.switchChecked !== null,
      { what: 'the popup of the reloaded tab' },
    );
    expect(state.switchChecked).toBe(false);
    expect(state.text).toContain(`Gloss is off for ${host}`);
    expect(state.rows).toEqual([]);
    await fresh.close();
    await second.close();
  });

  it('turns Gloss back on: the highlights come back on the open tab', async () => {
    const again = await session!.browser.openPopup(article);
    await waitFor(
      () => readPopup(again),
      (s) => s.switchChecked === false,
      { what: 'the popup to show the switch off' },
    );
    await again.clickByRole('switch', `Highlight on ${host}`);
    const back = await waitFor(
      () => readHighlights(article),
      (h) => Object.keys(h).length === Object.keys(ARTICLE_HIGHLIGHTS).length,
      { what: 'the highlights to come back' },
    );
    expect(back).toEqual(ARTICLE_HIGHLIGHTS);
    await waitFor(
      () => session!.browser.badgeText(article),
      (t) => t === String(total(ARTICLE_HIGHLIGHTS)),
      { what: 'the badge to show the total again' },
    );
    expect((await readPopup(again)).switchChecked).toBe(true);
  });
});
