/**
 * The entity page (issue 14): on the project's article a reader notes a passage naming Cicada (by its alias
 * APT10), opens Cicada's page from the card's "Entity page" link, and finds there the description, a quoted
 * passage, the note, and the article under "Where you have seen it" once the history has been written. Then
 * "Clear history" in the options page empties that list on the open entity page, live, without reloading it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoverMention, resetCard, waitForCard } from './harness/actions';
import { browsersUnderTest, type ExtensionPage, type TestPage } from './harness/driver';
import { kbEntity, kbPassages, squash } from './harness/kb';
import { addPassageNote, waitForGlossToRun } from './harness/notes';
import { waitFor } from './harness/page-scripts';
import { ARTICLE_PATH, type E2ESession, startSession } from './harness/session';

const NOTED = 'better known as APT10';
const BODY = 'Cloud Hopper again';

/** The entity page's text, whitespace collapsed. */
const textOf = (page: ExtensionPage): Promise<string> =>
  page.evaluate<string>(`document.body.innerText.replace(/\\s+/g, ' ').trim()`);

describe.each(browsersUnderTest())('the entity page (%s)', (browserName) => {
  let session: E2ESession;
  let page: TestPage;
  let entityPage: ExtensionPage;
  const cicada = kbEntity('cicada');

  beforeAll(async () => {
    session = await startSession(browserName);
    page = await session.browser.open(session.server.url(ARTICLE_PATH));
    await waitForGlossToRun(session.browser, page);
    await addPassageNote(page, { text: NOTED, body: BODY });
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it("opens from the card's link", async () => {
    await page.bringToFront();
    await resetCard(page);
    const before = new Set(await session.browser.extensionPageUrls());
    await hoverMention(page, 'gloss-cicada');
    const card = await waitForCard(page, 'the Cicada card');
    const label = `Open the page of ${cicada.name}`;
    expect(card.buttons).toContain(label);
    await page.clickInCard('button', label);
    const isNew = (u: string): boolean => u.includes('/entity.html') && !before.has(u);
    const urls = await waitFor(
      () => session.browser.extensionPageUrls(),
      (u) => u.some(isNew),
      { what: 'the entity page to open' },
    );
    expect(new URL(urls.find(isNew)!).searchParams.get('id')).toBe('cicada');
  });

  it('shows the description, a passage, the note and where it was seen', async () => {
    // The harness cannot take over the tab the card opened, so it reads the same address in a tab of its own.
    entityPage = await session.browser.openExtensionPage('entity.html?id=cicada');
    const passage = squash(kbPassages('cicada')[0]!.text);
    // The history is written a couple of seconds after the page reported its mentions.
    const text = await waitFor(
      () => textOf(entityPage),
      (t) => t.includes(BODY) && /Seen on 1 page, last on /.test(t),
      { what: 'the entity page with the note and one page seen', timeoutMs: 20_000 },
    );
    expect(await entityPage.evaluate<string>('document.title')).toBe(cicada.name);
    expect(await entityPage.evaluate<string>(`document.querySelector('h1').textContent`)).toBe(cicada.name);
    expect(text).toContain(squash(cicada.description));
    expect(text).toContain(passage);
    expect(text).toContain('On passages that mention it');
    expect(text).toContain(NOTED);
    const seen = await entityPage.evaluate<{ href: string; text: string }[]>(
      `[...document.querySelectorAll('.entity-sighting a')].map((a) => ({ href: a.href, text: a.textContent }))`,
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]!.href).toBe(session.server.url(ARTICLE_PATH));
    // A passage links into the reader at that passage.
    const reader = await entityPage.evaluate<string>(
      `document.querySelector('.entity-attribution a').getAttribute('href')`,
    );
    expect(reader).toMatch(/^reader\.html\?source=.+&entity=cicada&passage=/);
  });

  it('searches only what is connected with it from its own box, then gives the page back as it was', async () => {
    const typeWords = (words: string) =>
      entityPage.evaluate<void>(
        `(() => { const box = document.getElementById('entity-search-input');
          box.value = ${JSON.stringify(words)}; box.dispatchEvent(new Event('input', { bubbles: true })); })()`,
      );
    await typeWords('Cloud Hopper');
    const results = await waitFor(
      () => entityPage.evaluate<string>(`document.querySelector('.search-results')?.innerText ?? ''`),
      (t) => t.includes(BODY),
      { what: "the note in the entity page's search results" },
    );
    // Headings are upper case by style; "Cloud Hopper" is also one of Cicada's names, so it is found too.
    expect(results).toMatch(/notes · 1/i);
    expect(results).toContain(cicada.name);
    await typeWords('');
    await waitFor(
      () => textOf(entityPage),
      (t) => t.includes('Where you have seen it') && t.includes(BODY),
      { what: 'the entity page back' },
    );
  });

  it('follows "Clear history" in the options page live, keeping the page as it was', async () => {
    await entityPage.evaluate(`(document.querySelector('h1').dataset.kept = 'yes', null)`);
    const options = await session.browser.openExtensionPage('options.html');
    await options.clickByRole('button', 'Clear history');
    await options.clickByRole('button', 'Yes, clear it');
    const text = await waitFor(
      () => textOf(entityPage),
      (t) => t.includes('Not seen on any page yet.'),
      { what: 'the entity page to show no pages after Clear history' },
    );
    expect(text).not.toMatch(/Seen on \d+ page/);
    expect(text).toContain(BODY);
    // Re-rendered in place, not reloaded.
    expect(await entityPage.evaluate<string>(`document.querySelector('h1').dataset.kept ?? ''`)).toBe('yes');
    await options.close();
  });
});
