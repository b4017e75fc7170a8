/**
 * Notes against a hostile page (tests/fixtures/pages/hostile-notes.html), whose own script tries every route
 * a page has: Gloss-shaped `postMessage` envelopes, CustomEvents with plausible names, a scripted Alt+Shift+N
 * after selecting text, clicks on Gloss's host element, `chrome.runtime` / `browser.runtime` messages to the
 * extension's id, and reading the page (HTML, text, attributes, highlights, storage, shadow roots, including
 * closed roots it captured by wrapping `attachShadow`) for the text of the reader's note while its card is open.
 * None of it may create a note, list notes, open the editor or find the note's text. And a note whose text is
 * HTML markup shows as that text in the card, the popup and the dashboard, and never runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteView } from '../../src/shared/notes/note-types';
import { hoverMention, resetCard, waitForCard, waitForNoCard } from './harness/actions';
import { browsersUnderTest, type ExtensionPage, type TestPage } from './harness/driver';
import {
  addPassageNote,
  listNotes,
  NOTE_UI,
  readDashboard,
  readPopupNotes,
  waitForDashboard,
  waitForEditor,
} from './harness/notes';
import { holdsFor, readHighlights, waitFor } from './harness/page-scripts';
import { type E2ESession, startSession } from './harness/session';

const PAGE_PATH = '/fixtures/hostile-notes.html';
const NOTED =
  'Inspectors spent three weeks at the container terminal before anyone outside the port authority knew they were there.';
/** The paragraph the page's script selects before its scripted Alt+Shift+N. */
const TARGET =
  'The authority says every link has since been shut and that no cargo system was ever reachable from outside.';
const MARKUP_NOTED = 'The next audit, due in the spring, will cover the rail sidings and the customs gate.';

/** The reader's private note: the page must never be able to read it. */
const SECRET = 'Ask the harbour master about vendor account pv-7731 before Friday.';
/** A note whose text is markup that would run if it were ever parsed as HTML. */
const MARKUP = '<img src=x onerror="window.__pwned=1">';

interface Look {
  found: string[];
  hasHost: boolean;
  hostShadowRoot: string;
  openRoots: string[];
  capturedRoots: number;
  received: string[];
}

interface Attack {
  log: string[];
  selected: string;
  received: string[];
}

const look = (page: TestPage, secret: string): Promise<Look> =>
  page.evaluate(`window.__hostile.look(${JSON.stringify(secret)})`);

/** Notes compared by what a page could have changed about them. */
const fingerprint = (notes: NoteView[]): string =>
  JSON.stringify(
    notes.map((n) => [n.id, n.body, n.color, n.tags, n.anchor?.quote.exact, n.updatedAt]).sort(),
  );

describe.each(browsersUnderTest())('notes on a hostile page (%s)', (browserName) => {
  let session: E2ESession | undefined;
  let page: TestPage;
  let dashboard: ExtensionPage;

  beforeAll(async () => {
    session = await startSession(browserName);
    page = await session.browser.open(session.server.url(PAGE_PATH));
    // The mention of Huawei is highlighted once Gloss runs on the page (and listens for selections).
    await waitFor(
      () => readHighlights(page),
      (h) => h['gloss-huawei']?.length === 1,
      { what: 'Gloss to run on the hostile page' },
    );
  });

  afterAll(async () => {
    await session?.close();
  });

  it("the page's script cannot find the text of the reader's note anywhere, even while its card is open", async () => {
    await addPassageNote(page, { text: NOTED, body: SECRET, colour: 'pink' });
    await hoverMention(page, 'gloss-note-pink');
    const card = await waitForCard(page, 'the note card', (c) => c.name === NOTE_UI.noteCard);
    // The secret is on screen, in Gloss's closed shadow root, right now.
    expect(card.text).toContain(SECRET);
    const seen = await look(page, SECRET);
    expect(seen).toEqual({
      found: [],
      hasHost: true,
      hostShadowRoot: 'null',
      openRoots: [],
      capturedRoots: 0,
      received: [],
    });
    await resetCard(page);
  });

  it('the page cannot create or list notes, nor open the editor with a scripted Alt+Shift+N', async () => {
    dashboard = await session!.browser.openExtensionPage('dashboard.html');
    const before = (await listNotes(dashboard)).notes;
    expect(before.map((n) => n.body)).toEqual([SECRET]);
    await page.bringToFront();

    const extensionId = new URL(session!.browser.extensionOrigin).host;
    const attack = await page.evaluate<Attack>(`window.__hostile.attack(${JSON.stringify(extensionId)})`);
    expect(attack.selected).toBe(TARGET);
    // Nothing ever answered the page, and no runtime message got a successful reply.
    expect(attack.received).toEqual([]);
    for (const line of attack.log) expect(line).not.toMatch(/"ok":\s*true/);
    // The scripted shortcut opened no editor (the keydown was handled, or ignored, during dispatch).
    expect(await page.card()).toBeNull();
    await holdsFor(
      () => listNotes(dashboard),
      (notebook) => fingerprint(notebook.notes) === fingerprint(before),
      { forMs: 1500, what: 'the notebook staying as it was after the attack' },
    );
    expect(await page.card()).toBeNull();

    // The same chord typed by the reader on the page's selection does open the editor: the scripted one
    // failed because it was scripted, not because there was nothing to note.
    await page.press('Alt+Shift+KeyN');
    const editor = await waitForEditor(page, 'the editor opened by the real Alt+Shift+N');
    expect(editor.quotes).toEqual([TARGET]);
    await page.press('Escape');
    await waitForNoCard(page, 'the editor to close on Escape');
    expect(fingerprint((await listNotes(dashboard)).notes)).toBe(fingerprint(before));
    // Nor could the page make Gloss complain: no error or warning from Gloss on the page's console.
    const fromGloss = page
      .consoleEntries()
      .filter(
        (e) => /\b(?:chrome|moz)-extension:\/\//.test(`${e.url}\n${e.stack}`) || /\bGloss\b/.test(e.text),
      )
      .filter((e) => e.kind === 'pageerror' || e.level === 'error' || e.level === 'warning');
    expect(fromGloss).toEqual([]);
  });

  it('a note whose text is HTML markup shows as that text in the card, the popup and the dashboard, and never runs', async () => {
    // The dashboard opened since is the active tab: the reader comes back to the page.
    await page.bringToFront();
    await addPassageNote(page, { text: MARKUP_NOTED, body: MARKUP, colour: 'purple' });
    await hoverMention(page, 'gloss-note-purple');
    const card = await waitForCard(page, 'the card of the markup note', (c) => c.name === NOTE_UI.noteCard);
    expect(card.text).toContain(MARKUP);
    await resetCard(page);

    const popup = await session!.browser.openPopup(page);
    const rows = await waitFor(
      () => readPopupNotes(popup),
      (s) => s.rows.length === 2,
      { what: 'the popup to list both notes' },
    );
    expect(rows.rows.some((r) => r.text.includes(MARKUP))).toBe(true);
    expect(await popup.evaluate('[document.querySelectorAll("img").length, typeof window.__pwned]')).toEqual([
      0,
      'undefined',
    ]);
    await popup.close();

    const fresh = await session!.browser.openExtensionPage('dashboard.html');
    const listed = await waitForDashboard(
      fresh,
      (s) => s.notes.length === 2,
      'the dashboard to list both notes',
    );
    expect(listed.notes.map((n) => n.body).sort()).toEqual([MARKUP, SECRET].sort());
    expect(
      await fresh.evaluate('[document.querySelectorAll("article.note img").length, typeof window.__pwned]'),
    ).toEqual([0, 'undefined']);
    expect(await readDashboard(fresh)).toEqual(listed);
    await fresh.close();
    await dashboard.close();

    // By now the page has had every chance to fetch "x" and fire an error handler.
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
  });
});
