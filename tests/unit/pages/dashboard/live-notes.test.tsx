// @vitest-environment happy-dom
/**
 * Live pages (issue 14), the Notes tab: the open dashboard follows changes made elsewhere, through the real
 * background (note handlers over Dexie on fake-indexeddb) whose coalesced `dataChanged` reaches the page as
 * a runtime message (the fake browser delivers it). Each test changes notes "elsewhere" (a tab's content
 * script, another dashboard) and checks what the reader had stays: the draft of an open form, the filters,
 * focus, the undo bar, and the list itself while the refetch is under way.
 */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../../../src/background/db/database';
import { makeNoteHandlers } from '../../../../src/background/notes-handlers';
import { DashboardApp } from '../../../../src/pages/dashboard/DashboardApp';
import type { Runtime } from '../../../../src/platform/browser';
import type { NoteColor, NoteView } from '../../../../src/shared/notes/note-types';
import { handlers, pageEvents, resetFakes, sent } from '../../helpers/fake-browser';

vi.mock('../../../../src/platform/browser', async () => {
  const { fakeBrowser: base } = await import('../../helpers/fake-browser');
  const session = new Map<string, unknown>();
  return {
    browser: {
      ...base,
      tabs: { ...base.tabs, sendMessage: async () => undefined },
      storage: {
        ...base.storage,
        session: {
          get: async (key: string | null) =>
            key === null ? Object.fromEntries(session) : session.has(key) ? { [key]: session.get(key) } : {},
          set: async (items: Record<string, unknown>) => {
            for (const [k, v] of Object.entries(items)) session.set(k, structuredClone(v));
          },
          remove: async () => undefined,
        },
      },
    },
  };
});

type Db = ReturnType<typeof openDb>;
let db: Db;
let dbCount = 0;
let clock = 1_760_000_000_000;
const now = () => {
  clock += 120_000;
  return clock;
};
const dashboardSender = {
  id: 'gloss',
  url: 'chrome-extension://gloss/dashboard.html',
} as Runtime.MessageSender;
const tabSender = { id: 'gloss', tab: { id: 3 }, frameId: 0 } as Runtime.MessageSender;
/** The background as every other context reaches it: a tab's content script, another dashboard. */
let elsewhere: ReturnType<typeof makeNoteHandlers>;

let root: HTMLElement;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const article = (id: string) => root.querySelector<HTMLElement>(`article[data-note-id="${id}"]`);
const ids = () => [...root.querySelectorAll<HTMLElement>('article.note')].map((a) => a.dataset.noteId);
const button = (scope: Element, label: string) =>
  [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === label)!;
function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
const listNotesCalls = () => sent.filter((m) => m.type === 'listNotes').length;

/** A page note written in a tab. */
async function writeNote(body: string, color: NoteColor = 'yellow', url = 'https://example.com/story') {
  return elsewhere.createNote({ page: { url, title: 'A story' }, body, color, tags: ['t'] }, tabSender);
}

async function openDashboard(search = ''): Promise<void> {
  render(<DashboardApp search={search} />, root);
  await vi.waitFor(() => expect(root.querySelector('article.note')).not.toBeNull());
}

/** Opens `id`'s edit form and types `body` into it; gives the form. */
async function startEditing(id: string, body: string): Promise<HTMLFormElement> {
  button(article(id)!, 'Edit').click();
  await vi.waitFor(() => expect(article(id)!.querySelector('form')).not.toBeNull());
  const form = article(id)!.querySelector('form')!;
  type(form.querySelector('textarea')!, body);
  form.querySelector<HTMLInputElement>('input[value="purple"]')!.click();
  type(form.querySelector<HTMLInputElement>('input[type="text"]')!, 'draft, tags');
  await tick();
  return form;
}

/** The form's fields as the reader left them. */
function draftIn(form: HTMLFormElement) {
  return {
    body: form.querySelector('textarea')!.value,
    color: form.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value,
    tags: form.querySelector<HTMLInputElement>('input[type="text"]')!.value,
  };
}
const DRAFT = { body: 'My draft, half written', color: 'purple', tags: 'draft, tags' };

beforeEach(() => {
  resetFakes();
  db = openDb(`live-notes-${dbCount++}`);
  elsewhere = makeNoteHandlers(db, now, async () => []);
  const h = makeNoteHandlers(db, now, async () => []);
  handlers.set('listNotes', (args) => h.listNotes(args as never, dashboardSender));
  handlers.set('updateNote', (args) => h.updateNote(args as never, dashboardSender));
  handlers.set('deleteNote', (args) => h.deleteNote(args as never, dashboardSender));
  handlers.set('restoreNote', (args) => h.restoreNote(args as never, dashboardSender));
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(async () => {
  render(null, root);
  root.remove();
  await db.delete();
});

describe('the Notes tab follows changes made elsewhere', () => {
  it('a note saved in a tab appears without a reload, the list staying on screen meanwhile', async () => {
    const first = await writeNote('First note');
    await openDashboard();
    expect(ids()).toEqual([first.id]);
    // Hold the refetch, to see what the reader sees while it is under way.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const h = makeNoteHandlers(db, now, async () => []);
    handlers.set('listNotes', async (args) => {
      await held;
      return h.listNotes(args as never, dashboardSender);
    });
    const before = listNotesCalls();
    const second = await writeNote('Written in another tab');
    await vi.waitFor(() => expect(listNotesCalls()).toBe(before + 1));
    expect(root.textContent).not.toContain('Loading');
    expect(ids()).toEqual([first.id]);
    release();
    await vi.waitFor(() => expect(ids()).toEqual([second.id, first.id]));
    expect(article(second.id)!.textContent).toContain('Written in another tab');
    expect(pageEvents.map((e) => e.args)).toEqual([{ kinds: ['notes'] }]);
  });

  it('a burst of 50 notes from tabs costs the page one or two refetches, not 50', async () => {
    await writeNote('Seed');
    await openDashboard();
    const before = listNotesCalls();
    await Promise.all(Array.from({ length: 50 }, (_, i) => writeNote(`Burst ${i}`)));
    await vi.waitFor(() => expect(ids()).toHaveLength(51), { timeout: 3000 });
    await new Promise((r) => setTimeout(r, 300));
    expect(listNotesCalls() - before).toBeLessThanOrEqual(2);
  });

  it('a note being edited keeps its draft when another note changes', async () => {
    const a = await writeNote('Note A');
    const b = await writeNote('Note B', 'green', 'https://example.com/other');
    await openDashboard();
    const form = await startEditing(a.id, DRAFT.body);
    expect(draftIn(form)).toEqual(DRAFT);
    await elsewhere.updateNote({ id: b.id, body: 'B changed in a tab' }, tabSender);
    await vi.waitFor(() => expect(article(b.id)!.textContent).toContain('B changed in a tab'));
    // The same form, as the reader left it, with focus where it was.
    expect(article(a.id)!.querySelector('form')).toBe(form);
    expect(draftIn(form)).toEqual(DRAFT);
    // A new note elsewhere too.
    const c = await writeNote('Note C');
    await vi.waitFor(() => expect(article(c.id)).not.toBeNull());
    expect(draftIn(article(a.id)!.querySelector('form')!)).toEqual(DRAFT);
  });

  it('a note being edited keeps its draft when it changes elsewhere, says so, and saving merges', async () => {
    const a = await writeNote('Note A');
    await openDashboard();
    const form = await startEditing(a.id, DRAFT.body);
    const changedLine = () => form.querySelector('.note-edit-changed')!.textContent;
    expect(changedLine()).toBe('');
    // Another tab renames the note's tags only.
    await elsewhere.updateNote({ id: a.id, tags: ['from', 'elsewhere'] }, tabSender);
    await vi.waitFor(() => expect(changedLine()).toContain('changed elsewhere'));
    expect(draftIn(form)).toEqual(DRAFT);
    // Saving sends what the reader changed here (text, colour, tags typed) and nothing else.
    type(form.querySelector<HTMLInputElement>('input[type="text"]')!, 't');
    await tick();
    button(form, 'Save').click();
    await vi.waitFor(() => expect(article(a.id)!.querySelector('form')).toBeNull());
    const stored = (await db.notes.get(a.id))!;
    expect([stored.body, stored.color, stored.tags]).toEqual([DRAFT.body, 'purple', ['from', 'elsewhere']]);
  });

  it('a note being edited and deleted elsewhere keeps the draft to copy, says so, and cannot be saved', async () => {
    const a = await writeNote('Note A');
    const b = await writeNote('Note B');
    await openDashboard();
    const form = await startEditing(a.id, DRAFT.body);
    await elsewhere.deleteNote({ id: a.id }, tabSender);
    await vi.waitFor(() => expect(form.textContent).toContain('deleted elsewhere'));
    expect(article(a.id)!.querySelector('form')).toBe(form);
    expect(draftIn(form)).toEqual(DRAFT);
    expect(button(form, 'Save').disabled).toBe(true);
    // Not counted: the notebook has one note.
    expect(root.querySelector('.dashboard-count')?.textContent).toBe('1 note');
    // Still there after further changes elsewhere.
    await elsewhere.updateNote({ id: b.id, body: 'B again' }, tabSender);
    await vi.waitFor(() => expect(article(b.id)!.textContent).toContain('B again'));
    expect(draftIn(article(a.id)!.querySelector('form')!)).toEqual(DRAFT);
    // Restored elsewhere: the form is an ordinary one again.
    await elsewhere.restoreNote({ id: a.id }, tabSender);
    await vi.waitFor(() => expect(form.textContent).not.toContain('deleted elsewhere'));
    expect(button(form, 'Save').disabled).toBe(false);
    await elsewhere.deleteNote({ id: a.id }, tabSender);
    await vi.waitFor(() => expect(form.textContent).toContain('deleted elsewhere'));
    // Closing the form lets it go, and focus goes to the note beside it.
    button(form, 'Cancel').click();
    await vi.waitFor(() => expect(article(a.id)).toBeNull());
    await vi.waitFor(() => expect(document.activeElement).toBe(article(b.id)));
  });

  it('a note being edited stays shown when a change elsewhere takes it out of the filters', async () => {
    const a = await writeNote('Note A', 'green');
    await openDashboard('?color=green');
    const form = await startEditing(a.id, DRAFT.body);
    await elsewhere.updateNote({ id: a.id, color: 'blue' }, tabSender);
    await vi.waitFor(() => expect(form.querySelector('.note-edit-changed')!.textContent).not.toBe(''));
    expect(article(a.id)!.querySelector('form')).toBe(form);
    expect(draftIn(form)).toEqual(DRAFT);
  });

  it('keeps the filters and the filter text: new notes are filtered as they arrive', async () => {
    const a = await writeNote('cyber norms', 'green');
    await openDashboard();
    const box = root.querySelector<HTMLInputElement>('#note-search')!;
    type(box, 'norms');
    await vi.waitFor(() => expect(ids()).toEqual([a.id]));
    box.focus();
    const match = await writeNote('More about norms');
    const other = await writeNote('Unrelated');
    await vi.waitFor(() => expect(ids()).toEqual([match.id, a.id]));
    expect(ids()).not.toContain(other.id);
    expect(box.value).toBe('norms');
    expect(document.activeElement).toBe(box);
    expect(root.querySelector('.dashboard-count')?.textContent).toBe('Showing 2 of 3 notes');
  });

  it('keeps focus on the focused note, and moves it to a neighbour when that note is deleted elsewhere', async () => {
    const a = await writeNote('Note A');
    const b = await writeNote('Note B');
    const c = await writeNote('Note C');
    await openDashboard();
    expect(ids()).toEqual([c.id, b.id, a.id]);
    button(article(b.id)!, 'Edit').focus();
    const focused = document.activeElement;
    await writeNote('Note D');
    await vi.waitFor(() => expect(ids()).toHaveLength(4));
    expect(document.activeElement).toBe(focused);
    await elsewhere.deleteNote({ id: b.id }, tabSender);
    await vi.waitFor(() => expect(article(b.id)).toBeNull());
    await vi.waitFor(() => expect(document.activeElement).toBe(article(a.id)));
  });

  it('keeps the undo bar of a deletion while notes arrive, and Undo still works', async () => {
    const a = await writeNote('Note A');
    const b = await writeNote('Note B');
    await openDashboard();
    button(article(a.id)!, 'Delete').click();
    await vi.waitFor(() => expect(root.querySelector('.undo-bar.is-open')).not.toBeNull());
    await vi.waitFor(async () => expect((await db.notes.get(a.id))?.deleted).toBe(true));
    const c = await writeNote('Note C');
    await vi.waitFor(() => expect(ids()).toEqual([c.id, b.id]));
    const bar = root.querySelector('.undo-bar.is-open')!;
    expect(bar.textContent).toContain('Undo');
    button(bar, 'Undo').click();
    await vi.waitFor(() => expect(ids().sort()).toEqual([a.id, b.id, c.id].sort()));
  });

  it('a pull from another device (the sync engine’s announcement) reaches the open dashboard', async () => {
    await writeNote('Here first');
    await openDashboard();
    // What a pull does: notes stored without any tab or page asking, then announceNotesChanged().
    const { announceNotesChanged } = await import('../../../../src/background/notes-handlers');
    const pulled = makeNoteHandlers(db, now, async () => []);
    const note: NoteView = await pulled.createNote(
      {
        page: { url: 'https://example.org/pulled', title: 'Pulled' },
        body: 'From the laptop',
        color: 'blue',
        tags: [],
      },
      { id: 'gloss' } as Runtime.MessageSender,
    );
    void announceNotesChanged();
    await vi.waitFor(() => expect(article(note.id)).not.toBeNull());
  });
});
