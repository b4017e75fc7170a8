/**
 * Issue 9: editing a note in the dashboard lost its colour and tags. On the project's own article a reader
 * writes a green note with two tags, then edits the text only and the colour only in the dashboard, and the
 * tags only in the note's card on the page: after each edit the background holds every other field as it
 * was, the dashboard still lists the note whole, and the page paints it as `gloss-note-<its colour>`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForCard } from './harness/actions';
import { browsersUnderTest, type ExtensionPage, type TestPage } from './harness/driver';
import {
  addPassageNote,
  COLOUR_NAMES,
  listNotes,
  NOTE_UI,
  readDashboard,
  readNoteHighlights,
  waitForDashboard,
  waitForGlossToRun,
} from './harness/notes';
import { waitFor } from './harness/page-scripts';
import { ARTICLE_PATH, type E2ESession, startSession } from './harness/session';

const NOTED = 'Whether the rules keep pace is another question.';

describe.each(browsersUnderTest())('editing one field of a note keeps the others (%s)', (browserName) => {
  let session: E2ESession;
  let page: TestPage;
  let dashboard: ExtensionPage;

  beforeAll(async () => {
    session = await startSession(browserName);
    page = await session.browser.open(session.server.url(ARTICLE_PATH));
    await waitForGlossToRun(session.browser, page);
    await addPassageNote(page, {
      text: NOTED,
      body: 'Rules lag',
      colour: 'green',
      tags: ['policy', 'japan'],
    });
    dashboard = await session.browser.openExtensionPage('dashboard.html');
    await waitForDashboard(dashboard, (s) => s.notes.length === 1, 'the dashboard to list the note');
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  /** The one note as the background holds it. */
  const stored = async () => (await listNotes(dashboard)).notes[0]!;

  /** Waits until the page paints the note in `colour` and in no other note highlight. */
  const waitForPaint = (colour: string) =>
    waitFor(
      () => readNoteHighlights(page),
      (h) => JSON.stringify(h) === JSON.stringify({ [`gloss-note-${colour}`]: [NOTED] }),
      { what: `the page to paint the note as gloss-note-${colour} only` },
    );

  it('text only, in the dashboard', async () => {
    await dashboard.clickByRole('button', 'Edit');
    // Focus moves into the text field once the form has rendered; type at its end, as a reader who clicked
    // after the last word.
    await waitFor(
      () => dashboard.evaluate<string>('document.activeElement ? document.activeElement.tagName : ""'),
      (tag) => tag === 'TEXTAREA',
      { what: "focus in the edit form's text field" },
    );
    await dashboard.evaluate('document.activeElement.setSelectionRange(1e6, 1e6)');
    await dashboard.typeText(' behind the threat');
    await dashboard.clickByRole('button', 'Save');
    await waitFor(stored, (n) => n.body === 'Rules lag behind the threat', { what: 'the edited text' });
    const note = await stored();
    expect([note.color, note.tags]).toEqual(['green', ['policy', 'japan']]);
    const listed = await waitForDashboard(
      dashboard,
      (s) => s.notes[0]?.body === 'Rules lag behind the threat',
      'the dashboard to show the edit',
    );
    expect(listed.notes[0]!.tags).toEqual(['policy', 'japan']);
    await page.bringToFront();
    await waitForPaint('green');
  });

  it('colour only, in the dashboard', async () => {
    // The page was brought to the front to check its paint: open the dashboard again, as a reader would.
    await dashboard.close();
    dashboard = await session.browser.openExtensionPage('dashboard.html');
    await waitForDashboard(dashboard, (s) => s.notes.length === 1, 'the dashboard to list the note');
    await dashboard.clickByRole('button', 'Edit');
    await dashboard.clickByRole('radio', COLOUR_NAMES.purple);
    await dashboard.clickByRole('button', 'Save');
    await waitFor(stored, (n) => n.color === 'purple', { what: 'the new colour' });
    const note = await stored();
    expect([note.body, note.tags]).toEqual(['Rules lag behind the threat', ['policy', 'japan']]);
    expect((await readDashboard(dashboard)).notes[0]!.tags).toEqual(['policy', 'japan']);
    await page.bringToFront();
    await waitForPaint('purple');
  });

  it('tags only, in the note card on the page', async () => {
    await page.bringToFront();
    const box = await page.evaluate<{ x: number; y: number }>(`(() => {
      const r = [...CSS.highlights.get('gloss-note-purple')][0].getClientRects()[0];
      return { x: r.left + 4, y: r.top + r.height / 2 };
    })()`);
    await page.mouseMove(box, 4);
    await waitForCard(page, 'the note card', (c) => c.name === NOTE_UI.noteCard);
    await page.clickInCard('button', 'Edit');
    await page.clickInCard('textbox', 'Tags');
    await page.typeText(', asean');
    await page.clickInCard('button', NOTE_UI.save);
    await waitFor(stored, (n) => n.tags.length === 3, { what: 'the new tag' });
    const note = await stored();
    expect([note.body, note.color, note.tags]).toEqual([
      'Rules lag behind the threat',
      'purple',
      ['policy', 'japan', 'asean'],
    ]);
    await waitForPaint('purple');
  });
});
