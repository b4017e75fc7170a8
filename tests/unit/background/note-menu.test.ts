/**
 * The "Add note" context-menu item: created once on install and browser start (replacing any earlier one),
 * only for selections, and a click asks that tab's content scripts to open the editor.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
const items: unknown[] = [];
const sent: Array<[number, unknown]> = [];

vi.mock('../../../src/platform/browser', () => ({
  browser: {
    i18n: { getMessage: (key: string) => (key === 'noteMenuAdd' ? 'Add note' : '') },
    contextMenus: {
      removeAll: async () => {
        calls.push('removeAll');
        items.length = 0;
      },
      create: (item: unknown) => {
        calls.push('create');
        items.push(item);
      },
    },
    tabs: {
      sendMessage: async (tabId: number, message: unknown) => {
        sent.push([tabId, message]);
      },
    },
  },
}));

const { installNoteMenu, onNoteMenuClicked } = await import('../../../src/background/note-menu');

beforeEach(() => {
  calls.length = 0;
  items.length = 0;
  sent.length = 0;
});

describe('note context menu', () => {
  it('is one "Add note" item on selections, however often it is installed', async () => {
    await installNoteMenu();
    await installNoteMenu();
    expect(calls).toEqual(['removeAll', 'create', 'removeAll', 'create']);
    expect(items).toEqual([{ id: 'gloss-add-note', title: 'Add note', contexts: ['selection'] }]);
  });

  it('a click sends addNoteRequested to the tab; other items and tab-less clicks send nothing', async () => {
    onNoteMenuClicked({ menuItemId: 'gloss-add-note' } as never, { id: 12 } as never);
    onNoteMenuClicked({ menuItemId: 'something-else' } as never, { id: 12 } as never);
    onNoteMenuClicked({ menuItemId: 'gloss-add-note' } as never, undefined);
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual([[12, { gloss: 1, event: 'addNoteRequested', args: {} }]]);
  });
});
