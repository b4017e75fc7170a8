/**
 * The article reader (Readability) is not in the content script: it is an ES module chunk
 * (`article-reader.js`, web-accessible) that the content script imports on first use. This checks that the
 * import works in both browsers, on an ordinary page and under a page's strict CSP: Alt+Shift+S on a page
 * without an article, with text selected, can only offer "Save the selection as a source" once the chunk has
 * run (the reasons and the selection come from it). A page's own synthetic key press does nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest } from './harness/driver';
import { selectText } from './harness/notes';
import { holdsFor, waitFor, waitForScan } from './harness/page-scripts';
import { STRICT_CSP } from './harness/server';
import { ARTICLE_PATH, type E2ESession, startSession } from './harness/session';

const CSP_PATH = '/fixtures/csp.html';
const SAVE_SELECTION = 'Save the selection as a source';
const SHORT_TEXT = 'A short remark about Cicada and nothing else.';

describe.each(browsersUnderTest())('the article reader chunk (%s)', (browserName) => {
  let session: E2ESession | undefined;

  beforeAll(async () => {
    session = await startSession(browserName, {
      headers: { [CSP_PATH]: { 'Content-Security-Policy': STRICT_CSP } },
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  it.each([ARTICLE_PATH, CSP_PATH])('is imported on first use on %s', async (path) => {
    const page = await session!.browser.open(session!.server.url(path));
    try {
      await waitForScan(page);
      // Too little text for an article: the reader finds none and offers the selection instead.
      await page.evaluate(`(() => {
        document.body.replaceChildren();
        const p = document.createElement('p');
        p.textContent = ${JSON.stringify(SHORT_TEXT)};
        document.body.append(p);
        return true;
      })()`);
      await selectText(page, SHORT_TEXT);
      await page.evaluate(`(() => {
        const init = { key: 'S', code: 'KeyS', altKey: true, shiftKey: true, bubbles: true };
        document.body.dispatchEvent(new KeyboardEvent('keydown', init));
        return true;
      })()`);
      expect(
        await holdsFor(
          () => page.boxInGloss('button', 'Dismiss'),
          (box) => box === null,
          { what: 'no toast after the page scripted Alt+Shift+S', forMs: 1000 },
        ),
      ).toBeNull();
      await page.press('Alt+Shift+KeyS');
      const box = await waitFor(
        () => page.boxInGloss('button', SAVE_SELECTION),
        (b) => b !== null,
        { what: `"${SAVE_SELECTION}" in the toast`, timeoutMs: 10_000 },
      );
      expect(box).not.toBeNull();
      const errors = page
        .consoleEntries()
        .filter((e) => e.level === 'error' || e.kind === 'pageerror')
        .filter((e) => /extension:|article-reader|Gloss/.test(`${e.url} ${e.text} ${e.stack}`));
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
