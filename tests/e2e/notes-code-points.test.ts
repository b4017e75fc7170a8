/**
 * Offsets in Unicode code points, in real browsers (issue 12.1): on a page with emoji before and inside the
 * passage (tests/fixtures/pages/emoji-notes.html), a note written through the "Add note" button is stored
 * with a TextPositionSelector whose length is the quote's length in code points (in UTF-16 code units it is
 * one longer per emoji), and after a reload it highlights exactly the selected text again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest, type TestPage } from './harness/driver';
import { addPassageNote, listNotes, readNoteHighlights, waitForGlossToRun } from './harness/notes';
import { waitFor } from './harness/page-scripts';
import { type E2ESession, startSession } from './harness/session';

const PAGE_PATH = '/fixtures/emoji-notes.html';
/** Two astral characters inside (🔒, 𠮷), and five before it on the page. */
const NOTED = 'the 🔒 rules take effect in April, after a review by the 𠮷田 panel';

describe.each(browsersUnderTest())('note offsets in code points (%s)', (browserName) => {
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

  it('stores the passage with offsets counted in code points, and finds it again after a reload', async () => {
    await addPassageNote(page, { text: NOTED, body: 'Check the April date', colour: 'blue' });
    const popup = await session!.browser.openPopup(page);
    let position: { start: number; end: number } | undefined;
    try {
      const { notes } = await listNotes(popup);
      expect(notes).toHaveLength(1);
      expect(notes[0]!.anchor?.quote.exact).toBe(NOTED);
      position = notes[0]!.anchor?.position;
    } finally {
      await popup.close();
    }
    expect(position).toBeDefined();
    expect(position!.end - position!.start).toBe([...NOTED].length);
    expect([...NOTED].length).toBe(NOTED.length - 2);
    // The page's text before the passage holds five astral characters: counted in code units the start
    // would be at least that much further on than the code-point count of the same text.
    const before = await page.evaluate<string>(
      `document.body.textContent.slice(0, document.body.textContent.indexOf(${JSON.stringify(NOTED)}))`,
    );
    expect([...before].length).toBe(before.length - 5);
    expect(position!.start).toBeLessThanOrEqual([...before].length);

    await page.reload();
    await waitFor(
      () => readNoteHighlights(page),
      (h) => Object.keys(h).length > 0,
      { what: 'the note highlight after a reload' },
    );
    expect(await readNoteHighlights(page)).toEqual({ 'gloss-note-blue': [NOTED] });
  });
});
