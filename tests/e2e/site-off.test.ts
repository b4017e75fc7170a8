/**
 * Issue 9: the site switch said "off" but Gloss stayed on (note highlights stayed, Alt+Shift+N still opened
 * the editor, `<gloss-ui>` was still added), and the popup right after switching on said "found none".
 * Off for a site means Gloss does nothing there: no highlight of any kind, no UI element, no shortcut, no
 * note button, no scanning of new content; switching on brings everything back without a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_HIGHLIGHTS } from './expectations';
import { browsersUnderTest, type ExtensionPage, type TestPage } from './harness/driver';
import { addPassageNote, NOTE_UI, selectText } from './harness/notes';
import { holdsFor, readHighlights, sleep, waitFor, waitForScan } from './harness/page-scripts';
import { ARTICLE_PATH, type E2ESession, startSession } from './harness/session';

const NOTED = 'Whether the rules keep pace is another question.';
const ADDED = 'Analysts linked the intrusion to Cicada once more.';

/** What Gloss has on the page: highlight names, whether its UI host is in the DOM. */
const glossOnPage = (page: TestPage) =>
  page.evaluate<{ highlights: string[]; hasHost: boolean }>(`({
    highlights: [...CSS.highlights.keys()].filter((k) => k.startsWith('gloss-')).sort(),
    hasHost: document.querySelector('gloss-ui') !== null,
  })`);

const popupText = (popup: ExtensionPage) => popup.evaluate<string>('document.body.innerText');

describe.each(browsersUnderTest())('the site switch means off (%s)', (browserName) => {
  let session: E2ESession;
  let page: TestPage;
  let host: string;

  beforeAll(async () => {
    session = await startSession(browserName);
    host = new URL(session.server.origin).hostname;
    page = await session.browser.open(session.server.url(ARTICLE_PATH));
    await waitForScan(page);
    await addPassageNote(page, { text: NOTED, body: 'Pace of rules' });
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('off: no highlight of any kind and no Gloss element on the page', async () => {
    const popup = await session.browser.openPopup(page);
    await waitFor(
      () => popupText(popup),
      (t) => /mentions?/.test(t),
      { what: 'the popup to load' },
    );
    await popup.clickByRole('switch', `Highlight on ${host}`);
    await popup.close();
    await page.bringToFront();
    await waitFor(
      () => glossOnPage(page),
      (g) => g.highlights.length === 0 && !g.hasHost,
      { what: 'every gloss-* highlight (notes too) and <gloss-ui> to go' },
    );
  });

  it('off: selecting text shows no note button, Alt+Shift+N opens nothing, new content is not scanned', async () => {
    await selectText(page, NOTED);
    await page.press('Alt+Shift+KeyN');
    await page.evaluate(`(() => {
      const p = document.createElement('p');
      p.textContent = ${JSON.stringify(ADDED)};
      document.querySelector('article, main, body').append(p);
    })()`);
    await holdsFor(
      async () => ({ ...(await glossOnPage(page)), card: await page.card() }),
      (g) => g.highlights.length === 0 && !g.hasHost && g.card === null,
      { forMs: 1500, what: 'Gloss staying off' },
    );
    expect(await page.boxInGloss('button', NOTE_UI.addNote)).toBeNull();
    await page.evaluate('getSelection().removeAllRanges()');
  });

  it('on again: entity and note highlights come back without a reload, new content included; the popup never says "found none"', async () => {
    const popup = await session.browser.openPopup(page);
    await waitFor(
      () => popupText(popup),
      (t) => t.includes(`Gloss is off for ${host}`),
      {
        what: 'the popup to say Gloss is off',
      },
    );
    await popup.clickByRole('switch', `Highlight on ${host}`);
    // Read the popup as a reader would, from the moment the switch flips until it lists what was found.
    const seen: string[] = [];
    await waitFor(
      async () => {
        const text = await popupText(popup);
        seen.push(text);
        return text;
      },
      (t) => /\d+ mentions? of \d+ entit/i.test(t),
      { what: 'the popup to list the entities again' },
    );
    expect(seen.filter((t) => t.includes('found none'))).toEqual([]);
    await popup.close();
    await page.bringToFront();
    const back = await waitFor(
      () => readHighlights(page),
      (h) => h['gloss-note-yellow']?.includes(NOTED) === true && (h['gloss-cicada']?.length ?? 0) > 0,
      { what: 'the note and entity highlights to come back' },
    );
    expect(back['gloss-cicada']).toEqual([...ARTICLE_HIGHLIGHTS['gloss-cicada']!, 'Cicada']);
    // And the shortcut works again.
    await sleep(100);
    await selectText(page, NOTED.slice(0, 20));
    await page.press('Alt+Shift+KeyN');
    await waitFor(
      () => page.card(),
      (c) => c?.name === NOTE_UI.editor,
      { what: 'the note editor after Alt+Shift+N' },
    );
  });
});
