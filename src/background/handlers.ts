/**
 * One handler per background request of `shared/protocol.ts`. Arguments arrive validated (see router.ts);
 * handlers return the reply value or throw an Error whose message the caller sees.
 */

import { browser } from '../platform/browser';
import { extensionUrl, loadPackagedJson } from '../platform/extension-assets';
import { sendEventToTab } from '../platform/messaging';
import { loadSettings } from '../platform/settings-store';
import type { KbBundle } from '../shared/kb-types';
import type { RequestName, SyncRequestName } from '../shared/protocol';
import { readerHref } from '../shared/reader-url';
import type { GlossDb } from './db/database';
import { isSiteEnabled, setSiteEnabled } from './db/sites-repo';
import type { HandlerTable } from './handler-types';
import { makeHistoryHandlers } from './history/history-handlers';
import { reportPageSighting } from './history/page-reports';
import { BUNDLE_PATH, ensureKb } from './kb-loader';
import { cardData } from './library/cards';
import { kbState } from './library/effective-kb';
import { makeEntityPageHandlers } from './library/entity-page';
import { makeLibraryHandlers } from './library/library-handlers';
import { readyKb } from './library/passage-index';
import { sourceTitles, sourceView } from './library/sources';
import { makeNoteHandlers } from './notes-handlers';
import { makeSearchHandlers } from './search/search-handlers';
import {
  getTabMentions,
  hostOf,
  isScanning,
  markScanning,
  recordMentions,
  tabsOnHost,
  totals,
} from './tab-mentions';

/** The bundle shipped in this build. */
export const loadShippedBundle = (): Promise<KbBundle> => loadPackagedJson<KbBundle>(BUNDLE_PATH);

/** Builds the handler table over one database; the sync requests come from `sync/sync-handlers.ts`. */
export function makeHandlers(db: GlossDb): HandlerTable<Exclude<RequestName, SyncRequestName>> {
  const kb = (): Promise<string> => ensureKb(db, loadShippedBundle);
  const state = () => readyKb(db, kb);
  return {
    ...makeNoteHandlers(db, Date.now, async () => (await state()).all),
    ...makeLibraryHandlers(db, kb),
    ...makeSearchHandlers(db, kb),
    ...makeEntityPageHandlers(db, kb),
    ...makeHistoryHandlers(db),
    async getPageConfig({ url }) {
      await kb();
      const host = hostOf(url);
      const [isEnabled, settings, kbNow] = await Promise.all([
        isSiteEnabled(db, host),
        loadSettings(),
        kbState(db),
      ]);
      return {
        isEnabled,
        host,
        settings,
        kbVersion: kbNow.version,
        entities: kbNow.summaries,
        matcher: kbNow.packed(),
      };
    },
    async getCard({ entityId }) {
      const card = await cardData(db, await state(), entityId);
      if (!card) throw new Error(`unknown entity "${entityId}"`);
      return card;
    },
    async reportMentions({ url, counts, title }, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('reportMentions must come from a tab');
      await recordMentions(tabId, sender.frameId ?? 0, url, counts);
      await reportPageSighting(db, sender, title);
      return null;
    },
    async openReader({ sourceId, entityId, passageId }) {
      const target = { sourceId, ...(entityId ? { entityId } : {}), ...(passageId ? { passageId } : {}) };
      await browser.tabs.create({ url: extensionUrl(readerHref(target)) });
      return null;
    },
    async openOptions() {
      await browser.runtime.openOptionsPage();
      return null;
    },
    async getTabSummary({ tabId }) {
      await kb();
      const report = await getTabMentions(tabId);
      if (!report)
        return {
          tabId,
          host: '',
          isSupported: false,
          isEnabled: false,
          isScanning: false,
          total: 0,
          entities: [],
        };
      const counts = totals(report);
      const entities = (await kbState(db)).summaries
        .filter((e) => counts[e.id] !== undefined)
        .map((e) => ({ ...e, count: counts[e.id] ?? 0 }))
        .filter((e) => e.count > 0)
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
      const total = entities.reduce((sum, e) => sum + e.count, 0);
      return {
        tabId,
        host: report.host,
        isSupported: true,
        isEnabled: await isSiteEnabled(db, report.host),
        isScanning: isScanning(report, Date.now()),
        total,
        entities,
      };
    },
    async setSiteEnabled({ host, isEnabled }) {
      await setSiteEnabled(db, host, isEnabled);
      for (const tabId of await tabsOnHost(host)) {
        // Recorded before the tab hears of it, so a popup asking right after this reply sees "scanning".
        if (isEnabled) await markScanning(tabId, Date.now());
        await sendEventToTab(tabId, 'siteEnabledChanged', { host, isEnabled });
      }
      return null;
    },
    async getSource({ sourceId }) {
      const view = await sourceView(db, await state(), sourceId);
      if (!view) throw new Error(`unknown source "${sourceId}"`);
      return view;
    },
    async listKb() {
      const s = await state();
      return { entities: s.summaries, sources: await sourceTitles(db) };
    },
  };
}
