// @vitest-environment happy-dom
/**
 * Issue 9: editing a note in the dashboard lost its colour and tags. The dashboard sends only the changed
 * fields, and the repository spread the absent ones as `undefined` over the stored note. Earlier tests
 * answered `updateNote` with a fake that merged the fields itself, so they could not see it. Here both edit
 * paths a reader takes (the dashboard's form and the in-page card's editor) go through the real background
 * handler into real Dexie (fake-indexeddb), and the stored record is read back field by field.
 */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../../../src/background/db/database';
import { makeNoteHandlers } from '../../../../src/background/notes-handlers';
import { NoteEditor } from '../../../../src/content/ui/NoteEditor';
import { DashboardApp } from '../../../../src/pages/dashboard/DashboardApp';
import type { Runtime } from '../../../../src/platform/browser';
import type { NoteRecord } from '../../../../src/shared/notes/note-types';
import { handlers, resetFakes } from '../../helpers/fake-browser';

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
let clock = 1_750_000_000_000;
const now = () => {
  clock += 1000;
  return clock;
};
const dashboardSender = {
  id: 'gloss',
  url: 'chrome-extension://gloss/dashboard.html',
} as Runtime.MessageSender;
const tabSender = { id: 'gloss', tab: { id: 3 }, frameId: 0 } as Runtime.MessageSender;

let root: HTMLElement;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const article = (id: string) => root.querySelector<HTMLElement>(`article[data-note-id="${id}"]`)!;
const button = (scope: Element, label: string) =>
  [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === label)!;
function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/** A passage note written in the page, green with two tags, as the stored record. */
async function writeNote(): Promise<NoteRecord> {
  const h = makeNoteHandlers(db, now);
  const view = await h.createNote(
    {
      page: { url: 'https://example.com/story', title: 'A story' },
      anchor: { quote: { exact: 'cyber norms', prefix: 'on ', suffix: ' for' } },
      body: 'First thought',
      color: 'green',
      tags: ['norms', 'un'],
    },
    tabSender,
  );
  return (await db.notes.get(view.id))!;
}

/** Every stored field has a value of its declared kind: nothing `undefined`, nothing missing. */
function expectWhole(note: NoteRecord): void {
  for (const [field, value] of Object.entries(note)) expect(value, field).not.toBeUndefined();
  expect(typeof note.body).toBe('string');
  expect(['yellow', 'green', 'blue', 'pink', 'purple']).toContain(note.color);
  expect(Array.isArray(note.tags)).toBe(true);
}

beforeEach(() => {
  resetFakes();
  db = openDb(`note-edit-paths-${dbCount++}`);
  const h = makeNoteHandlers(db, now);
  handlers.set('listNotes', (args) => h.listNotes(args as never, dashboardSender));
  handlers.set('updateNote', (args) => h.updateNote(args as never, dashboardSender));
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(async () => {
  render(null, root);
  root.remove();
  await db.delete();
});

/** Opens the note's edit form in the dashboard, lets `change` fill it, saves, and waits for the list. */
async function editInDashboard(id: string, change: (form: HTMLFormElement) => void): Promise<void> {
  render(<DashboardApp search="" />, root);
  await vi.waitFor(() => expect(article(id)).not.toBeNull());
  button(article(id), 'Edit').click();
  await vi.waitFor(() => expect(article(id).querySelector('form')).not.toBeNull());
  const form = article(id).querySelector('form')!;
  change(form);
  await tick();
  button(form, 'Save').click();
  await vi.waitFor(() => expect(article(id).querySelector('form')).toBeNull());
}

describe('editing one field keeps the others (dashboard → background → Dexie)', () => {
  it('text only', async () => {
    const before = await writeNote();
    await editInDashboard(before.id, (form) => type(form.querySelector('textarea')!, 'Second thought'));
    const after = (await db.notes.get(before.id))!;
    expectWhole(after);
    expect([after.body, after.color, after.tags]).toEqual(['Second thought', 'green', ['norms', 'un']]);
    expect(after.clocks.color).toBe(before.clocks.color);
    expect(after.clocks.tags).toBe(before.clocks.tags);
    expect(after.clocks.body > before.clocks.body).toBe(true);
    // The list shows the note whole again (it crashed on `tags.join` before).
    expect([...article(before.id).querySelectorAll('.note-tag')].map((t) => t.textContent)).toEqual([
      'norms',
      'un',
    ]);
  });

  it('colour only', async () => {
    const before = await writeNote();
    await editInDashboard(before.id, (form) =>
      form.querySelector<HTMLInputElement>('input[value="purple"]')!.click(),
    );
    const after = (await db.notes.get(before.id))!;
    expectWhole(after);
    expect([after.body, after.color, after.tags]).toEqual(['First thought', 'purple', ['norms', 'un']]);
    expect(after.clocks.body).toBe(before.clocks.body);
  });

  it('tags only', async () => {
    const before = await writeNote();
    await editInDashboard(before.id, (form) =>
      type(form.querySelector<HTMLInputElement>('input[type="text"]')!, 'norms, asean'),
    );
    const after = (await db.notes.get(before.id))!;
    expectWhole(after);
    expect([after.body, after.color, after.tags]).toEqual(['First thought', 'green', ['norms', 'asean']]);
    expect(after.clocks.color).toBe(before.clocks.color);
  });

  it('an edit that names a field as undefined leaves it alone (the repository decides, not each caller)', async () => {
    const before = await writeNote();
    const h = makeNoteHandlers(db, now);
    await h.updateNote({ id: before.id, body: 'x', color: undefined, tags: undefined }, dashboardSender);
    const after = (await db.notes.get(before.id))!;
    expectWhole(after);
    expect([after.color, after.tags]).toEqual(['green', ['norms', 'un']]);
  });
});

describe('editing one field keeps the others (card editor → background → Dexie)', () => {
  /** The card's editor, opened on the stored note; `change` edits it; saving sends what the card sends. */
  async function editInCard(note: NoteRecord, change: (form: HTMLFormElement) => void): Promise<void> {
    const h = makeNoteHandlers(db, now);
    const saved = new Promise<void>((done) => {
      render(
        <NoteEditor
          labels={new Proxy({} as never, { get: (_t, key: string) => (key.endsWith('Name') ? String : key) })}
          initial={{ body: note.body, color: note.color, tags: note.tags }}
          onSave={async (values) => {
            // What NoteSession.update sends for the card.
            await h.updateNote({ id: note.id, ...values }, tabSender);
            done();
            return undefined;
          }}
          onCancel={() => undefined}
        />,
        root,
      );
    });
    const form = root.querySelector('form')!;
    change(form);
    await tick();
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await saved;
  }

  it('text only, colour only and tags only', async () => {
    const note = await writeNote();
    await editInCard(note, (form) => type(form.querySelector('textarea')!, 'From the card'));
    let after = (await db.notes.get(note.id))!;
    expectWhole(after);
    expect([after.body, after.color, after.tags]).toEqual(['From the card', 'green', ['norms', 'un']]);

    await editInCard(after, (form) => form.querySelector<HTMLInputElement>('input[value="blue"]')!.click());
    after = (await db.notes.get(note.id))!;
    expectWhole(after);
    expect([after.body, after.color, after.tags]).toEqual(['From the card', 'blue', ['norms', 'un']]);

    await editInCard(after, (form) =>
      type(form.querySelector<HTMLInputElement>('input[type="text"]')!, 'quad'),
    );
    after = (await db.notes.get(note.id))!;
    expectWhole(after);
    expect([after.body, after.color, after.tags]).toEqual(['From the card', 'blue', ['quad']]);
  });
});
