/**
 * What the notes specs do and read, built on the driver: selecting text with a page script, writing a note
 * through the "Add note" button or Alt+Shift+N with the real mouse and keyboard, reading note highlights
 * from `CSS.highlights`, and reading the popup's and the dashboard's note lists and the background's
 * notebook from extension pages.
 */
import type { NoteView } from '../../../src/shared/notes/note-types';
import type { ImportSummary, Notebook, NotesExport } from '../../../src/shared/protocol';
import { waitForCard, waitForNoCard } from './actions';
import type { CardSnapshot, ExtensionPage, GlossBrowser, TestPage } from './driver';
import { waitFor } from './page-scripts';

/** The accessible names of Gloss's note UI (extension/_locales/en/messages.json). */
export const NOTE_UI = {
  addNote: 'Add note',
  editor: 'New note',
  noteCard: 'Note',
  save: 'Save',
  orphan: 'Not found on this page',
  search: 'Filter notes',
  orphansOnly: 'Only notes not found on their page',
  exportJsonLd: 'Export JSON-LD',
  importNotes: 'Import notes…',
  importedNone: 'No new notes were imported.',
} as const;

/** The colour names the editor's radios carry. */
export const COLOUR_NAMES = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
} as const;

export type Colour = keyof typeof COLOUR_NAMES;

/**
 * Selects `text` in the page with `Selection.setBaseAndExtent`, as a page script can, after scrolling it
 * into the middle of the viewport. `text` must occur exactly once, inside one text node of the page.
 */
export async function selectText(page: TestPage, text: string): Promise<void> {
  const found = await page.evaluate<{ count: number; selected: string }>(`((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const hits = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      let at = n.data.indexOf(needle);
      while (at >= 0) {
        hits.push([n, at]);
        at = n.data.indexOf(needle, at + 1);
      }
    }
    if (hits.length !== 1) return { count: hits.length, selected: '' };
    const [node, at] = hits[0];
    node.parentElement.scrollIntoView({ block: 'center' });
    getSelection().setBaseAndExtent(node, at, node, at + needle.length);
    return { count: 1, selected: getSelection().toString() };
  })(${JSON.stringify(text)})`);
  if (found.count !== 1) throw new Error(`"${text}" occurs ${found.count} times in the page's text nodes`);
  if (found.selected !== text) throw new Error(`selected "${found.selected}" instead of "${text}"`);
}

/** Highlight name to range texts, for the note highlights (`gloss-note-<colour>`) only. */
export const readNoteHighlights = (page: TestPage): Promise<Record<string, string[]>> =>
  page.evaluate(`(() => {
    const out = {};
    for (const [name, highlight] of CSS.highlights) {
      if (name.startsWith('gloss-note-')) out[name] = [...highlight].map((r) => r.toString());
    }
    return out;
  })()`);

/** Waits for the editor card ("New note") and returns it. */
export const waitForEditor = (page: TestPage, what: string): Promise<CardSnapshot> =>
  waitForCard(page, what, (c) => c.name === NOTE_UI.editor);

/**
 * Waits for the "Add note" button beside the selection and clicks it with the mouse. The button must be in
 * the same place on two reads in a row: a read made just before the page handled a selection change could
 * still see the button of the previous selection, which goes away at that change.
 */
export async function clickAddNote(page: TestPage): Promise<void> {
  let previous = '';
  await waitFor(
    async () => {
      const box = await page.boxInGloss('button', NOTE_UI.addNote);
      const [was, now] = [previous, JSON.stringify(box)];
      previous = now;
      return box !== null && box.width > 0 && now === was;
    },
    (isSettled) => isSettled,
    { what: 'the "Add note" button beside the selection' },
  );
  await page.clickInGloss('button', NOTE_UI.addNote);
}

/**
 * With the editor open (focus in its text field): types `body`, picks `colour` with the mouse unless it is
 * the default yellow, types `tags` into the tags field, and clicks Save; waits for the editor to close.
 */
export async function fillEditorAndSave(
  page: TestPage,
  { body, colour = 'yellow', tags = [] }: { body: string; colour?: Colour; tags?: readonly string[] },
): Promise<void> {
  const editor = await waitForEditor(page, 'the note editor');
  if (!editor.hasFocus) throw new Error('the note editor opened without focus');
  await page.typeText(body);
  if (colour !== 'yellow') await page.clickInCard('radio', COLOUR_NAMES[colour]);
  if (tags.length > 0) {
    await page.clickInCard('textbox', 'Tags');
    await page.typeText(tags.join(', '));
  }
  await page.clickInCard('button', NOTE_UI.save);
  await waitForNoCard(page, 'the note editor to close after Save');
}

/**
 * Writes a passage note the way a reader does: selects `text`, clicks "Add note", types, picks the colour,
 * saves; waits for the note's highlight.
 */
export async function addPassageNote(
  page: TestPage,
  note: { text: string; body: string; colour?: Colour; tags?: readonly string[] },
): Promise<void> {
  // A button still showing for an earlier selection would note that one: start from no selection at all.
  await page.evaluate('getSelection().removeAllRanges()');
  await waitFor(
    () => page.boxInGloss('button', NOTE_UI.addNote),
    (box) => box === null,
    { what: 'no "Add note" button while nothing is selected' },
  );
  await selectText(page, note.text);
  await clickAddNote(page);
  await fillEditorAndSave(page, note);
  const name = `gloss-note-${note.colour ?? 'yellow'}`;
  await waitFor(
    () => readNoteHighlights(page),
    (h) => h[name]?.includes(note.text) === true,
    { what: `the ${name} highlight of "${note.text}"` },
  );
}

/**
 * Waits until Gloss runs on `page` (so it hears selections), on a page that may have no mention to show it:
 * the popup reports what the page's content script found only once that script has reported.
 */
export async function waitForGlossToRun(browser: GlossBrowser, page: TestPage): Promise<void> {
  const popup = await browser.openPopup(page);
  try {
    await waitFor(
      () => popup.evaluate<string>('document.body.innerText'),
      (text) => /Gloss found none of the entities it knows on this page\.|\b\d+ mentions?\b/.test(text),
      { what: `the popup to report what Gloss found on ${page.url}` },
    );
  } finally {
    await popup.close();
  }
  await page.bringToFront();
}

/** The extension API object of an extension page, as an expression. */
const RUNTIME = '(globalThis.browser ?? globalThis.chrome).runtime';

/** Sends a request to the background from an extension page and returns its value (throws its error). */
export async function requestFrom<T>(page: ExtensionPage, type: string, args: object): Promise<T> {
  const reply = await page.evaluate<{ ok: boolean; value?: T; error?: string } | undefined>(
    `${RUNTIME}.sendMessage(${JSON.stringify({ gloss: 1, type, args })})`,
  );
  if (!reply?.ok) throw new Error(`${type} failed: ${reply?.error ?? 'no reply'}`);
  return reply.value as T;
}

/** The notebook, as the background gives it to the dashboard. */
export const listNotes = (page: ExtensionPage): Promise<Notebook> => requestFrom(page, 'listNotes', {});
/** An export, as the background gives it to the dashboard. */
export const exportNotes = (page: ExtensionPage): Promise<NotesExport> =>
  requestFrom(page, 'exportNotes', { format: 'jsonld' });
/** An import, as the dashboard sends it. */
export const importNotes = (page: ExtensionPage, text: string): Promise<ImportSummary> =>
  requestFrom(page, 'importNotes', { text });

/** One row of the popup's "Your notes on this page". */
export interface PopupNoteRow {
  id: string;
  status: string;
  text: string;
}

/** The popup's notes section: its heading and rows. */
export const readPopupNotes = (popup: ExtensionPage): Promise<{ heading: string; rows: PopupNoteRow[] }> =>
  popup.evaluate(`(() => {
    const heading = document.querySelector('.popup-notes h2');
    const rows = [...document.querySelectorAll('li.popup-note')].map((li) => ({
      id: li.dataset.noteId || '',
      status: li.dataset.status || '',
      text: li.innerText.replace(/\\s+/g, ' ').trim(),
    }));
    // textContent: the popup styles its headings in capitals (text-transform), which innerText would return.
    return { heading: heading ? heading.textContent.replace(/\\s+/g, ' ').trim() : '', rows };
  })()`);

/** One note as the dashboard lists it. */
export interface DashboardNote {
  id: string;
  body: string;
  quote: string;
  tags: string[];
  isOrphan: boolean;
  /** Whether the element is rendered (not hidden). */
  isVisible: boolean;
}

/** What the dashboard shows: the count line, the notes, and the import/export status line. */
export interface DashboardState {
  count: string;
  notes: DashboardNote[];
  status: string;
  error: string;
}

/** Reads the dashboard's list from its DOM. */
export const readDashboard = (dashboard: ExtensionPage): Promise<DashboardState> =>
  dashboard.evaluate(`(() => {
    const text = (el) => (el ? el.textContent.replace(/\\s+/g, ' ').trim() : '');
    const notes = [...document.querySelectorAll('article.note[data-note-id]')].map((a) => ({
      id: a.dataset.noteId,
      body: a.querySelector('.note-body') ? a.querySelector('.note-body').textContent : '',
      quote: text(a.querySelector('.note-quote')),
      tags: [...a.querySelectorAll('.note-tag')].map((t) => t.textContent),
      isOrphan: a.querySelector('.note-orphan') !== null,
      isVisible: a.getClientRects().length > 0,
    }));
    return {
      count: text(document.querySelector('.dashboard-count')),
      notes,
      status: text(document.querySelector('.import-export-status')),
      error: text(document.querySelector('.import-export-error')),
    };
  })()`);

/** Waits until the dashboard has loaded its list (or says it has none). */
export const waitForDashboard = (
  dashboard: ExtensionPage,
  accept: (s: DashboardState) => boolean,
  what: string,
) =>
  waitFor(
    () => readDashboard(dashboard),
    (s) => s.count !== '' && accept(s),
    { what },
  );

/** A note's fields that must survive export and import, for comparing notebooks. */
export const portableFields = (n: NoteView) => ({
  id: n.id,
  url: n.url,
  anchor: n.anchor,
  body: n.body,
  color: n.color,
  tags: n.tags,
  entityId: n.entityId,
  createdAt: n.createdAt,
});
