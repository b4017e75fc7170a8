/**
 * Notes on a news article, served at the same address all along: the project's own page
 * (tests/fixtures/pages/news-article.html, on every machine), and a real one (readability__bbc-1.html from
 * ../shared/pages, skipped when that folder is absent). A reader selects a sentence and writes a note with the
 * "Add note" button (real mouse and keyboard) or with Alt+Shift+N; the note's highlight is exactly the selected
 * text and comes back after a reload; hovering it opens the note card. The page is then served as the publisher
 * later edited it (a paragraph added above the noted one, a word changed inside the passage): the note finds its
 * passage again. Then without the noted paragraph: the note is an orphan, shown as "Not found on this page" in
 * the popup and under the dashboard's orphan filter. Last, the dashboard's search box, typed into, keeps only
 * the matching note.
 *
 * The tests run in order and build on each other's notes, as one reader's session would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needsShared } from '../shared-folder';
import { hoverMention, resetCard, waitForCard, waitForNoCard } from './harness/actions';
import { type BrowserName, browsersUnderTest, type TestPage } from './harness/driver';
import {
  clickAddNote,
  fillEditorAndSave,
  listNotes,
  NOTE_UI,
  readDashboard,
  readNoteHighlights,
  readPopupNotes,
  selectText,
  waitForDashboard,
  waitForEditor,
  waitForGlossToRun,
} from './harness/notes';
import { waitFor } from './harness/page-scripts';
import { CORPUS_PAGES, FIXTURE_PAGES } from './harness/paths';
import { type E2ESession, startSession } from './harness/session';

/** An article of the reader's session and what they note on it. */
interface NotesArticle {
  /** The address it is served at all along. */
  path: string;
  /** The file behind it, read to serve the edited versions. */
  file: string;
  /** The noted paragraph's markup as the file has it, for a paragraph text. */
  paragraph: (text: string) => string;
  /** The sentence noted with the "Add note" button: the whole of its paragraph. */
  noted: string;
  /** The publisher's edit inside it: one word for another. */
  edit: { from: string; to: string };
  /** Selected first, in the paragraph just above the noted one, before the reader settles on `noted`. */
  firstSelected: string;
  /** The sentence noted with Alt+Shift+N. */
  shortcutNoted: string;
  /** The paragraph the publisher added above the noted one. */
  inserted: string;
  buttonNote: { body: string; colour: 'green' };
  shortcutNote: { body: string };
  /** A word of the shortcut note's body found in no other field of either note (quote, title, address). */
  searchWord: string;
}

const OWN_ARTICLE: NotesArticle = {
  path: '/fixtures/news-article.html',
  file: join(FIXTURE_PAGES, 'news-article.html'),
  paragraph: (text) => `<p>${text}</p>`,
  noted:
    'Both governments now want contractors to report a suspected breach within days rather than months, and to keep their logs long enough for investigators to reconstruct what happened.',
  edit: { from: 'suspected', to: 'possible' },
  firstSelected: 'For us to hear how an intrusion was found, and how long it took',
  shortcutNoted: 'Partners share that kind of material only with a country whose networks they trust',
  inserted: 'Update, 16 March: the ministry later published the draft reporting rules for contractors.',
  buttonNote: { body: 'Reporting deadline for contractors: compare the 2023 draft rules.', colour: 'green' },
  shortcutNote: { body: 'Ask which geospatial material is shared under BECA, and with whom.' },
  searchWord: 'geospatial',
};

const REAL_ARTICLE: NotesArticle = {
  path: '/corpus/readability__bbc-1.html',
  file: join(CORPUS_PAGES, 'readability__bbc-1.html'),
  paragraph: (text) => `<p>${text} </p>`,
  noted:
    'Mr Obama has pushed for stricter gun control throughout his presidency but has been unable to secure any significant changes to the laws.',
  edit: { from: 'stricter', to: 'tougher' },
  firstSelected: 'For us not to be able to resolve that issue has been something that is distressing',
  shortcutNoted: 'His father was Kenyan and the president is expected to meet relatives in Nairobi.',
  inserted: 'Update, 24 July: the White House later released a full transcript of the interview.',
  buttonNote: {
    body: 'Gun control as his greatest frustration: compare the 2013 Senate vote.',
    colour: 'green',
  },
  shortcutNote: { body: 'Look up the genealogy before the Nairobi visit.' },
  searchWord: 'genealogy',
};

/** The article's HTML with its noted paragraph replaced, which must apply exactly once. */
function variant(article: NotesArticle, replacement: string): string {
  const html = readFileSync(article.file, 'utf8');
  const parts = html.split(article.paragraph(article.noted));
  if (parts.length !== 2)
    throw new Error(`${article.file} holds the noted paragraph ${parts.length - 1} times`);
  return parts.join(replacement);
}

/** Where the green note's range is: its text, its paragraph's text and the paragraph before. */
const greenRangePlace = (page: TestPage) =>
  page.evaluate<{ text: string; paragraph: string; previous: string } | null>(`(() => {
    const h = CSS.highlights.get('gloss-note-green');
    const r = h ? [...h][0] : undefined;
    if (!r) return null;
    const p = r.commonAncestorContainer.parentElement.closest('p');
    const prev = p && p.previousElementSibling;
    return { text: r.toString(), paragraph: p ? p.textContent.trim() : '', previous: prev ? prev.textContent.trim() : '' };
  })()`);

/** One reader's session on `article` in one browser. */
const readerSession = (article: NotesArticle) => (browserName: BrowserName) => {
  const PAGE_PATH = article.path;
  const NOTED = article.noted;
  const NOTED_EDITED = NOTED.replace(article.edit.from, article.edit.to);
  const FIRST_SELECTED = article.firstSelected;
  const SHORTCUT_NOTED = article.shortcutNoted;
  const INSERTED = article.inserted;
  const BUTTON_NOTE = article.buttonNote;
  const SHORTCUT_NOTE = article.shortcutNote;
  const SEARCH_WORD = article.searchWord;

  let session: E2ESession | undefined;
  let page: TestPage;

  beforeAll(async () => {
    session = await startSession(browserName);
    page = await session.browser.open(session.server.url(PAGE_PATH));
    await waitForGlossToRun(session.browser, page);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('a note written with the "Add note" button highlights exactly the selection, survives a reload, and opens on hover', async () => {
    expect(await readNoteHighlights(page)).toEqual({});
    // A first selection just above, then the one the reader means: the button must act on the current one.
    await selectText(page, FIRST_SELECTED);
    await waitFor(
      () => page.boxInGloss('button', NOTE_UI.addNote),
      (box) => box !== null,
      { what: 'the "Add note" button beside the first selection' },
    );
    await selectText(page, NOTED);
    await clickAddNote(page);
    expect((await waitForEditor(page, 'the editor opened by "Add note"')).quotes).toEqual([NOTED]);
    await fillEditorAndSave(page, BUTTON_NOTE);
    await waitFor(
      () => readNoteHighlights(page),
      (h) => Object.keys(h).length > 0,
      { what: 'the new note highlight' },
    );
    expect(await readNoteHighlights(page)).toEqual({ 'gloss-note-green': [NOTED] });

    await page.reload();
    await waitFor(
      () => readNoteHighlights(page),
      (h) => Object.keys(h).length > 0,
      { what: 'the note highlight after a reload' },
    );
    expect(await readNoteHighlights(page)).toEqual({ 'gloss-note-green': [NOTED] });

    await hoverMention(page, 'gloss-note-green');
    const card = await waitForCard(page, 'the note card on hover', (c) => c.name === NOTE_UI.noteCard);
    expect(card.text).toContain(BUTTON_NOTE.body);
    expect(card.quotes).toEqual([NOTED]);
    expect(card.buttons).toEqual(expect.arrayContaining(['Edit', 'Delete']));
    await resetCard(page);
  });

  it('Alt+Shift+N opens the editor on the selection; typing and Ctrl+Enter save a yellow note', async () => {
    await selectText(page, SHORTCUT_NOTED);
    await page.press('Alt+Shift+KeyN');
    const editor = await waitForEditor(page, 'the editor opened by Alt+Shift+N');
    expect(editor.quotes).toEqual([SHORTCUT_NOTED]);
    expect(editor.hasFocus).toBe(true);
    await page.typeText(SHORTCUT_NOTE.body);
    await page.press('Control+Enter');
    await waitForNoCard(page, 'the editor to close after Ctrl+Enter');
    const expected = { 'gloss-note-green': [NOTED], 'gloss-note-yellow': [SHORTCUT_NOTED] };
    await waitFor(
      () => readNoteHighlights(page),
      (h) => JSON.stringify(h) === JSON.stringify(expected),
      { what: 'the shortcut note highlight' },
    );
    await page.reload();
    await waitFor(
      () => readNoteHighlights(page),
      (h) => Object.keys(h).length === 2,
      { what: 'both note highlights after a reload' },
    );
    expect(await readNoteHighlights(page)).toEqual(expected);
    await hoverMention(page, 'gloss-note-yellow');
    const card = await waitForCard(page, 'the shortcut note card', (c) => c.name === NOTE_UI.noteCard);
    expect(card.text).toContain(SHORTCUT_NOTE.body);
    await resetCard(page);
  });

  it('after the publisher edits the page, the note is on the edited passage in the same paragraph', async () => {
    session!.server.serve(
      PAGE_PATH,
      variant(article, `${article.paragraph(INSERTED)}\n${article.paragraph(NOTED_EDITED)}`),
    );
    await page.reload();
    await waitFor(
      () => greenRangePlace(page),
      (place) => place !== null,
      { what: 'the green note placed on the edited page' },
    );
    expect(await greenRangePlace(page)).toEqual({
      text: NOTED_EDITED,
      paragraph: NOTED_EDITED,
      previous: INSERTED,
    });
    expect((await readNoteHighlights(page))['gloss-note-yellow']).toEqual([SHORTCUT_NOTED]);
  });

  it('when the noted paragraph is gone, the note has no highlight and shows as not found in the popup and the dashboard', async () => {
    session!.server.serve(PAGE_PATH, variant(article, ''));
    await page.reload();
    // The shortcut note is placed in the same pass that gives up on the green one.
    await waitFor(
      () => readNoteHighlights(page),
      (h) => Object.keys(h).length > 0,
      { what: 'the remaining note highlight on the page without the noted paragraph' },
    );
    expect(await readNoteHighlights(page)).toEqual({ 'gloss-note-yellow': [SHORTCUT_NOTED] });

    const popup = await session!.browser.openPopup(page);
    const { notes } = await listNotes(popup);
    const idOf = (body: string): string => notes.find((n) => n.body === body)!.id;
    const lost = idOf(BUTTON_NOTE.body);
    const kept = idOf(SHORTCUT_NOTE.body);
    const shown = await waitFor(
      () => readPopupNotes(popup),
      (s) => s.rows.length === 2 && s.rows.every((r) => r.status !== 'pending'),
      { what: 'the popup to list both notes of the page with their status' },
    );
    expect(shown.heading).toBe('Your notes on this page: 2');
    const byId = Object.fromEntries(shown.rows.map((r) => [r.id, r]));
    expect(byId[lost]!.status).toBe('orphan');
    expect(byId[lost]!.text).toContain(NOTE_UI.orphan);
    expect(byId[kept]!.status).toBe('anchored');
    expect(byId[kept]!.text).not.toContain(NOTE_UI.orphan);
    await popup.close();

    const dashboard = await session!.browser.openExtensionPage('dashboard.html');
    await waitForDashboard(dashboard, (s) => s.notes.length === 2, 'the dashboard to list both notes');
    await dashboard.clickByRole('checkbox', NOTE_UI.orphansOnly);
    const filtered = await waitForDashboard(
      dashboard,
      (s) => s.notes.length === 1,
      'the orphan filter to leave one note',
    );
    expect(filtered.notes.map((n) => [n.id, n.body, n.isOrphan])).toEqual([[lost, BUTTON_NOTE.body, true]]);
    await dashboard.close();
    session!.server.serve(PAGE_PATH, null);
  });

  it("the dashboard's search keeps only the notes that contain the typed word", async () => {
    const dashboard = await session!.browser.openExtensionPage('dashboard.html');
    const all = await waitForDashboard(
      dashboard,
      (s) => s.notes.length === 2,
      'the dashboard to list both notes',
    );
    expect(all.count).toBe('2 notes');
    await dashboard.clickByRole('searchbox', NOTE_UI.search);
    await dashboard.typeText(SEARCH_WORD);
    const found = await waitForDashboard(
      dashboard,
      (s) => s.notes.length < 2,
      'the search to narrow the list',
    );
    expect(found.notes.map((n) => n.body)).toEqual([SHORTCUT_NOTE.body]);
    expect(found.count).toBe('Showing 1 of 2 notes');
    expect(await readDashboard(dashboard)).toEqual(found);
    await dashboard.close();
  });
};

describe.each(browsersUnderTest())("notes on the project's news article (%s)", readerSession(OWN_ARTICLE));

const realArticle = needsShared(CORPUS_PAGES, 'notes on a real article (readability__bbc-1.html)');
describe.skipIf(realArticle.isAbsent)(realArticle.title, () => {
  describe.each(browsersUnderTest())('notes on a real article (%s)', readerSession(REAL_ARTICLE));
});
