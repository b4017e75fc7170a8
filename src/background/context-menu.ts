/**
 * Gloss's context-menu items: "Add note" and "Make this an entity" on selected text, "Add page to Gloss
 * sources" on any page. Chrome and Firefox keep menu items across restarts of the background, so the items
 * are (re)created on install and browser start-up, replacing any old ones. A click asks the tab's content
 * scripts to act: the frame holding the selection (or the top frame, for a source) answers.
 */
import { browser, type Menus, type Tabs } from '../platform/browser';
import { t } from '../platform/i18n';
import { sendEventToTab } from '../platform/messaging';

const ADD_NOTE = 'gloss-add-note';
const MAKE_ENTITY = 'gloss-make-entity';
const ADD_SOURCE = 'gloss-add-source';

/** Creates the menu items. */
export async function installContextMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: ADD_NOTE, title: t('noteMenuAdd'), contexts: ['selection'] });
  browser.contextMenus.create({ id: MAKE_ENTITY, title: t('entityMenuMake'), contexts: ['selection'] });
  browser.contextMenus.create({ id: ADD_SOURCE, title: t('sourceMenuAdd'), contexts: ['page', 'selection'] });
}

/** Passes a chosen item on to the tab. */
export function onContextMenuClicked(info: Menus.OnClickData, tab?: Tabs.Tab): void {
  if (tab?.id === undefined) return;
  if (info.menuItemId === ADD_NOTE) void sendEventToTab(tab.id, 'addNoteRequested', {});
  else if (info.menuItemId === MAKE_ENTITY) void sendEventToTab(tab.id, 'makeEntityRequested', {});
  else if (info.menuItemId === ADD_SOURCE) void sendEventToTab(tab.id, 'addSourceRequested', {});
}
