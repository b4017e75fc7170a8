/**
 * The context-menu items: created once on install and browser start (replacing any earlier ones), "Add
 * note" and "Make this an entity" only for selections, "Add page to Gloss sources" on any page, and a click
 * asks that tab's content scripts to act.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
const items: unknown[] = [];
const sent: Array<[number, unknown]> = [];

vi.mock('../../../src/platform/browser', () => ({
  browser: {
    i18n: {
      getMessage: (key: string) =>
        ({
          noteMenuAdd: 'Add note',
          entityMenuMake: 'Make this an entity',
          sourceMenuAdd: 'Add page to Gloss sources',
        })[key] ?? '',
    },
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

const { installContextMenu, onContextMenuClicked } = await import('../../../src/background/context-menu');

beforeEach(() => {
  calls.length = 0;
  items.length = 0;
  sent.length = 0;
});

describe('context menu', () => {
  it('is three items, however often it is installed', async () => {
    await installContextMenu();
    await installContextMenu();
    expect(calls).toEqual([
      'removeAll',
      'create',
      'create',
      'create',
      'removeAll',
      'create',
      'create',
      'create',
    ]);
    expect(items).toEqual([
      { id: 'gloss-add-note', title: 'Add note', contexts: ['selection'] },
      { id: 'gloss-make-entity', title: 'Make this an entity', contexts: ['selection'] },
      { id: 'gloss-add-source', title: 'Add page to Gloss sources', contexts: ['page', 'selection'] },
    ]);
  });

  it('a click sends its event to the tab; other items and tab-less clicks send nothing', async () => {
    onContextMenuClicked({ menuItemId: 'gloss-add-note' } as never, { id: 12 } as never);
    onContextMenuClicked({ menuItemId: 'gloss-make-entity' } as never, { id: 12 } as never);
    onContextMenuClicked({ menuItemId: 'gloss-add-source' } as never, { id: 13 } as never);
    onContextMenuClicked({ menuItemId: 'something-else' } as never, { id: 12 } as never);
    onContextMenuClicked({ menuItemId: 'gloss-add-note' } as never, undefined);
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual([
      [12, { gloss: 1, event: 'addNoteRequested', args: {} }],
      [12, { gloss: 1, event: 'makeEntityRequested', args: {} }],
      [13, { gloss: 1, event: 'addSourceRequested', args: {} }],
    ]);
  });
});
