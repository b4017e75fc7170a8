/**
 * The "Add note" context-menu item on selected text. Chrome and Firefox keep menu items across restarts of
 * the background, so the item is (re)created on install and browser start-up, replacing any old one.
 */
import { browser, type Menus, type Tabs } from '../platform/browser';
import { t } from '../platform/i18n';
import { sendEventToTab } from '../platform/messaging';

const ITEM_ID = 'gloss-add-note';

/** Creates the menu item. */
export async function installNoteMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: ITEM_ID, title: t('noteMenuAdd'), contexts: ['selection'] });
}

/** Asks the tab's content scripts to open the editor; the frame holding the selection answers. */
export function onNoteMenuClicked(info: Menus.OnClickData, tab?: Tabs.Tab): void {
  if (info.menuItemId !== ITEM_ID || tab?.id === undefined) return;
  void sendEventToTab(tab.id, 'addNoteRequested', {});
}
