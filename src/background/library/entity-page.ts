/**
 * The entity page's requests: its data (`getEntityPage`, extension pages only) and opening it in a tab
 * (`openEntityPage`, also from cards in web pages, which cannot open extension pages themselves).
 */
import { browser } from '../../platform/browser';
import { extensionUrl } from '../../platform/extension-assets';
import { loadSettings } from '../../platform/settings-store';
import { entityHref } from '../../shared/entity-url';
import type { GlossDb } from '../db/database';
import type { HandlerTable } from '../handler-types';
import { entityHistory } from '../history/entity-history';
import { entityPageData, UNKNOWN_ENTITY } from './entity-page-data';
import { readyKb } from './passage-index';

/** The handlers over one database; `ready` resolves once the built-in KB is loaded. */
export function makeEntityPageHandlers(
  db: GlossDb,
  ready: () => Promise<unknown>,
): HandlerTable<'getEntityPage' | 'openEntityPage'> {
  return {
    async getEntityPage({ id }) {
      const state = await readyKb(db, ready);
      const { recordHistory } = await loadSettings();
      return entityPageData(db, state, id, (entityId) => entityHistory(db, entityId, recordHistory));
    },
    async openEntityPage({ id }) {
      // Checked here so a stale card does not open a tab that can only say the entity is gone.
      const state = await readyKb(db, ready);
      if (!state.byId.has(id)) throw new Error(UNKNOWN_ENTITY);
      await browser.tabs.create({ url: extensionUrl(entityHref(id)) });
      return null;
    },
  };
}
