/**
 * One search (issue 14), as a reader uses it, in Chromium and Firefox: a note written on the project's
 * article through the page's "Add note" button, the Japanese news page kept from the popup (the real path of
 * tests/e2e/library.test.ts) and a built-in entity are each found from the dashboard's box by a word they
 * contain (a Japanese word for the source), with the real keyboard: `/` to the box, typing, the arrows, Enter.
 * Enter opens each where it belongs: the note's page in a new tab, whose content script takes the request to
 * scroll to the note; the reader at the passage (`.gloss-passage-target`); the entity page (entity.html?id=).
 * The popup's box finds the note too. In Chromium the address bar's `gl` keyword is driven through Chrome's
 * own omnibox events (see the last test).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceListItem } from '../../src/shared/library/library-types';
import { browsersUnderTest, type ExtensionPage, type TestPage } from './harness/driver';
import { addPassageNote, listNotes, requestFrom, waitForGlossToRun } from './harness/notes';
import { waitFor, waitForScan } from './harness/page-scripts';
import { ARTICLE_PATH, type E2ESession, startSession } from './harness/session';

const NEWS_JA = '/fixtures/news-article-ja.html';
const NOTED = 'Cheaper kit will keep tempting smaller operators';
const NOTE_BODY = 'Quokka pricing: ask the regulator';
const BOX = 'Search notes, sources and entities';
const API = '(globalThis.browser ?? globalThis.chrome)';

/** What the results list shows: group headings and, per option, its kind, id, marks and whether active. */
interface Shown {
  headings: string[];
  options: Array<{ kind: string; id: string; text: string; marks: string[]; isActive: boolean }>;
  status: string;
  boxValue: string;
  isBoxFocused: boolean;
}
const readResults = (page: ExtensionPage): Promise<Shown> =>
  page.evaluate<Shown>(`(() => {
    const box = document.querySelector('[role="combobox"]');
    const active = box && box.getAttribute('aria-activedescendant');
    return {
      headings: [...document.querySelectorAll('.search-group-heading')].map((h) => h.textContent),
      options: [...document.querySelectorAll('[role="option"]')].map((o) => ({
        kind: o.dataset.kind, id: o.dataset.id, text: o.textContent,
        marks: [...o.querySelectorAll('mark')].map((m) => m.textContent), isActive: o.id === active,
      })),
      status: document.querySelector('.search-status')?.textContent ?? '',
      boxValue: box ? box.value : '',
      isBoxFocused: document.activeElement === box,
    };
  })()`);

/**
 * A key press through the page's real keyboard (Playwright's and Puppeteer's `keyboard.press`); the harness's
 * ExtensionPage offers typing only, and both drivers keep their page handle as `page`.
 */
async function press(page: ExtensionPage, key: string): Promise<void> {
  await (
    page as unknown as { page: { keyboard: { press(key: string): Promise<void> } } }
  ).page.keyboard.press(key);
}

/** Arrows down until the result of `kind` and `id` is the active one (at most once round the list). */
async function arrowTo(page: ExtensionPage, kind: string, id: string): Promise<void> {
  const { options } = await readResults(page);
  for (let i = 0; i <= options.length; i++) {
    const now = await readResults(page);
    if (now.options.some((o) => o.isActive && o.kind === kind && o.id === id)) return;
    await press(page, 'ArrowDown');
  }
  throw new Error(`no ${kind} result ${id} in ${JSON.stringify(options)}`);
}

const tabIds = (page: ExtensionPage): Promise<number[]> =>
  page.evaluate<number[]>(`${API}.tabs.query({}).then((tabs) => tabs.map((t) => t.id))`);

/** Keeps the Japanese news page from the popup's button, as a reader does; resolves with the kept source. */
async function keepJapanesePage(session: E2ESession, dashboard: ExtensionPage): Promise<SourceListItem> {
  const ja = await session.browser.open(session.server.url(NEWS_JA));
  await waitForScan(ja);
  const popup = await session.browser.openPopup(ja);
  await waitFor(
    () =>
      popup.evaluate<boolean>(
        `[...document.querySelectorAll('button')].some((b) => b.textContent.includes('Add this page to my sources'))`,
      ),
    (has) => has,
    { what: 'the popup button' },
  );
  await popup.clickByRole('button', 'Add this page to my sources');
  // The popup and the page stay open until the source is kept: the page's content script extracts it.
  const kept = await waitFor(
    () => requestFrom<SourceListItem[]>(dashboard, 'listSources', {}),
    (list) => list.some((s) => s.origin === 'user'),
    { what: 'the kept Japanese source', timeoutMs: 10_000 },
  );
  await popup.close().catch(() => undefined);
  await ja.close();
  return kept.find((s) => s.origin === 'user')!;
}

describe.each(browsersUnderTest())('one search (%s)', (browserName) => {
  let session: E2ESession;
  let article: TestPage;
  let dashboard: ExtensionPage;
  let jaSource: SourceListItem;
  let noteId: string;
  let notePageKey: string;

  beforeAll(async () => {
    session = await startSession(browserName);
    article = await session.browser.open(session.server.url(ARTICLE_PATH));
    await waitForGlossToRun(session.browser, article);
    await addPassageNote(article, { text: NOTED, body: NOTE_BODY });

    dashboard = await session.browser.openExtensionPage('dashboard.html');
    jaSource = await keepJapanesePage(session, dashboard);
    const note = (await listNotes(dashboard)).notes.find((n) => n.body === NOTE_BODY)!;
    noteId = note.id;
    notePageKey = note.pageKey;
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  /** Empties the box with Escape (focus stays in it) and types `words`; waits for results matching `until`. */
  async function search(words: string, until: (shown: Shown) => boolean, what: string): Promise<Shown> {
    const now = await readResults(dashboard);
    if (now.boxValue) await press(dashboard, 'Escape');
    await dashboard.typeText(words);
    return waitFor(() => readResults(dashboard), until, { what, timeoutMs: 10_000 });
  }

  it('finds the note by a word of its text and opens its page at the note', async () => {
    // `/` from the page (focus on nothing typed into) goes to the box and is not typed into it.
    await waitFor(
      () => readResults(dashboard),
      (s) => s.status === '' && !s.isBoxFocused,
      { what: 'the dashboard with its search box' },
    );
    await dashboard.typeText('/');
    const focused = await readResults(dashboard);
    expect(focused.isBoxFocused).toBe(true);
    expect(
      await dashboard.evaluate<string>(
        `document.querySelector('label[for="dashboard-search-input"]').textContent`,
      ),
    ).toBe(BOX);
    expect(focused.boxValue).toBe('');
    await dashboard.typeText('quokka');
    const shown = await waitFor(
      () => readResults(dashboard),
      (s) => s.options.some((o) => o.kind === 'note'),
      { what: 'the note in the results', timeoutMs: 10_000 },
    );
    expect(shown.headings[0]).toBe('Notes · 1');
    const note = shown.options.find((o) => o.kind === 'note')!;
    expect(note.id).toBe(noteId);
    expect(note.marks).toContain('Quokka');
    // The dashboard's own content is covered, not gone.
    expect(
      await dashboard.evaluate<boolean>(`!!document.querySelector('.dashboard')?.closest('[hidden]')`),
    ).toBe(true);

    const before = new Set(await tabIds(dashboard));
    await arrowTo(dashboard, 'note', noteId);
    await dashboard.typeText('\n');
    const newTab = await waitFor(
      async () => (await tabIds(dashboard)).filter((id) => !before.has(id)),
      (ids) => ids.length === 1,
      { what: 'the note page to open in a new tab' },
    );
    // The new tab's content script reported the note's page and took the request to scroll to the note
    // (openNote files it in session storage before the page asks; the page takes it when it loads).
    // (getPageNotes files the page, then takes the focus request: both are waited for.)
    await waitFor(
      () => dashboard.evaluate<Record<string, unknown>>(`${API}.storage.session.get(null)`),
      (all) =>
        (all[`notes:${newTab[0]}`] as { pageKey?: string } | undefined)?.pageKey === notePageKey &&
        all[`focus:${newTab[0]}`] === undefined,
      { what: "the note page's content script to report and take the note to scroll to", timeoutMs: 10_000 },
    );
    const tabNotes = await requestFrom<{ notes: Array<{ id: string }> }>(dashboard, 'getTabNotes', {
      tabId: newTab[0],
    });
    expect(tabNotes.notes.map((n) => n.id)).toContain(noteId);
  });

  it('finds the kept Japanese page by a Japanese word and opens the reader at the passage', async () => {
    const shown = await search(
      'サイバー',
      (s) => s.options.some((o) => o.kind === 'source' && o.id === jaSource.id),
      'the Japanese source in the results',
    );
    expect(shown.headings.some((h) => /^Sources · \d+$/.test(h))).toBe(true);
    expect(shown.options.find((o) => o.id === jaSource.id)!.marks).toContain('サイバー');

    const before = new Set(await session.browser.extensionPageUrls());
    await arrowTo(dashboard, 'source', jaSource.id);
    await press(dashboard, 'Enter');
    const urls = await waitFor(
      () => session.browser.extensionPageUrls(),
      (all) => all.some((u) => u.includes('/reader.html') && !before.has(u)),
      { what: 'the reader to open' },
    );
    const readerUrl = new URL(urls.find((u) => u.includes('/reader.html') && !before.has(u))!);
    expect(readerUrl.searchParams.get('source')).toBe(jaSource.id);
    expect(readerUrl.searchParams.get('passage')).toMatch(
      new RegExp(`^${jaSource.id.replace(/\W/g, '\\$&')}:\\d+:\\d+$`),
    );
    // The harness cannot take over the tab the dashboard opened, so it reads the same address in its own.
    const reader = await session.browser.openExtensionPage(`reader.html${readerUrl.search}`);
    const target = await waitFor(
      () => reader.evaluate<string>(`document.querySelector('.gloss-passage-target')?.textContent ?? ''`),
      (text) => text !== '',
      { what: 'the passage targeted in the reader' },
    );
    expect(target).toContain('サイバー');
    await reader.close();
  });

  it('finds an entity by one of its names and opens its page', async () => {
    await search(
      'Purple Typhoon',
      (s) => s.options.some((o) => o.kind === 'entity' && o.id === 'cicada'),
      'Cicada in the results',
    );
    const before = new Set(await session.browser.extensionPageUrls());
    await arrowTo(dashboard, 'entity', 'cicada');
    await press(dashboard, 'Enter');
    const urls = await waitFor(
      () => session.browser.extensionPageUrls(),
      (all) => all.some((u) => u.includes('/entity.html') && !before.has(u)),
      { what: 'the entity page to open' },
    );
    expect(
      new URL(urls.find((u) => u.includes('/entity.html') && !before.has(u))!).searchParams.get('id'),
    ).toBe('cicada');
  });

  it('Escape empties the box and shows the dashboard again; a second Escape leaves the box', async () => {
    await press(dashboard, 'Escape');
    const cleared = await readResults(dashboard);
    expect(cleared.boxValue).toBe('');
    expect(cleared.options).toEqual([]);
    expect(
      await dashboard.evaluate<boolean>(`!!document.querySelector('.dashboard')?.closest('[hidden]')`),
    ).toBe(false);
    await press(dashboard, 'Escape');
    expect((await readResults(dashboard)).isBoxFocused).toBe(false);
  });

  it("the popup's box finds the note too, and dashboard.html?search= searches at once", async () => {
    const popup = await session.browser.openPopup(article);
    await waitFor(
      () => popup.evaluate<string>('document.body.innerText'),
      (text) => /\b\d+ mentions?\b|Gloss found none/.test(text),
      { what: 'the popup' },
    );
    await popup.typeText('/');
    await popup.typeText('quokka');
    const shown = await waitFor(
      () => readResults(popup),
      (s) => s.options.some((o) => o.id === noteId),
      { what: 'the note in the popup', timeoutMs: 10_000 },
    );
    expect(shown.headings).toEqual(['Notes · 1']);
    await popup.close();

    const searched = await session.browser.openExtensionPage(
      'dashboard.html?search=%E3%82%B5%E3%82%A4%E3%83%90%E3%83%BC',
    );
    const found = await waitFor(
      () => readResults(searched),
      (s) => s.options.some((o) => o.id === jaSource.id),
      { what: 'the search from the address', timeoutMs: 10_000 },
    );
    expect(found.boxValue).toBe('サイバー');
    await searched.close();
  });
});

/**
 * The `gl` keyword in Chromium. Headless Chromium has no address bar to type into, so the test raises the
 * omnibox's own events in the service worker with `chrome.omnibox.onInputChanged.dispatch` (Chrome's extension
 * events expose `dispatch`): the listeners Gloss registered run exactly as when a reader types `gl サイバー`,
 * with the real search, the real `setDefaultSuggestion` and the real tabs. What is not exercised is Chrome's
 * own address-bar UI drawing the suggestions. Firefox's background cannot be reached from the driver at all.
 */
const hasChromium = browsersUnderTest().includes('chromium');

describe('the address bar keyword gl (chromium)', () => {
  let session: E2ESession;
  let dashboard: ExtensionPage;
  let jaSource: SourceListItem;
  /** The extension's service worker (the harness keeps it private; its tests read the badge through it). */
  const worker = () =>
    (
      session.browser as unknown as { worker(): Promise<{ evaluate<T>(expression: string): Promise<T> }> }
    ).worker();

  beforeAll(async () => {
    if (!hasChromium) return;
    session = await startSession('chromium');
    dashboard = await session.browser.openExtensionPage('dashboard.html');
    jaSource = await keepJapanesePage(session, dashboard);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it.skipIf(!hasChromium)(
    'suggests the library as "gl サイバー" is typed, and Enter on a suggestion opens the reader there',
    async () => {
      const sw = await worker();
      const suggestions = await sw.evaluate<Array<{ content: string; description: string }>>(
        `new Promise((resolve) => chrome.omnibox.onInputChanged.dispatch('サイバー', resolve))`,
      );
      expect(suggestions.length).toBeGreaterThan(0);
      expect(suggestions.length).toBeLessThanOrEqual(6);
      const source = suggestions.find((s) =>
        s.content.startsWith(`gloss:source:${encodeURIComponent(jaSource.id)}:`),
      );
      expect(source, JSON.stringify(suggestions)).toBeDefined();
      expect(source!.description).toContain('<match>サイバー</match>');
      expect(source!.description).toMatch(/<dim>— Source · [^<]*<\/dim>/);

      const before = new Set(await session.browser.extensionPageUrls());
      await sw.evaluate(
        `(chrome.omnibox.onInputEntered.dispatch(${JSON.stringify(source!.content)}, 'newForegroundTab'), null)`,
      );
      const urls = await waitFor(
        () => session.browser.extensionPageUrls(),
        (all) => all.some((u) => u.includes('/reader.html') && !before.has(u)),
        { what: 'the reader opened from the address bar' },
      );
      const reader = new URL(urls.find((u) => u.includes('/reader.html') && !before.has(u))!);
      expect(reader.searchParams.get('source')).toBe(jaSource.id);
      expect(reader.searchParams.get('passage')?.startsWith(`${jaSource.id}:`)).toBe(true);
    },
  );

  it.skipIf(!hasChromium)(
    'opens an entity suggestion on its page, and plain words in the dashboard search',
    async () => {
      const sw = await worker();
      const suggestions = await sw.evaluate<Array<{ content: string; description: string }>>(
        `new Promise((resolve) => chrome.omnibox.onInputChanged.dispatch('Purple Typhoon', resolve))`,
      );
      expect(suggestions[0]).toMatchObject({ content: 'gloss:entity:cicada' });
      let before = new Set(await session.browser.extensionPageUrls());
      await sw.evaluate(
        `(chrome.omnibox.onInputEntered.dispatch('gloss:entity:cicada', 'newForegroundTab'), null)`,
      );
      await waitFor(
        () => session.browser.extensionPageUrls(),
        (all) => all.some((u) => u.endsWith('/entity.html?id=cicada') && !before.has(u)),
        { what: 'the entity page opened from the address bar' },
      );

      before = new Set(await session.browser.extensionPageUrls());
      await sw.evaluate(
        `(chrome.omnibox.onInputEntered.dispatch('サイバー 対策', 'newForegroundTab'), null)`,
      );
      const urls = await waitFor(
        () => session.browser.extensionPageUrls(),
        (all) => all.some((u) => u.includes('/dashboard.html?search=') && !before.has(u)),
        { what: 'the dashboard search opened from the address bar' },
      );
      const address = new URL(urls.find((u) => u.includes('/dashboard.html?search=') && !before.has(u))!);
      expect(address.searchParams.get('search')).toBe('サイバー 対策');
    },
  );
});
