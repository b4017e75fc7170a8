/** The toolbar popup: what Gloss found on the current tab, the site switch, and a way to the settings. */
import { useEffect } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { request } from '../../platform/messaging';
import type { TabNotes, TabSummary } from '../../shared/protocol';
import { Notice } from '../shared/Notice';
import { SearchLayer } from '../shared/search/SearchLayer';
import { useAsync } from '../shared/use-async';
import { AddSourceButton } from './AddSourceButton';
import { PageNotes } from './PageNotes';
import { PopupFooter } from './PopupFooter';
import { resolvePopupTabId } from './popup-tab-id';
import { TabSummaryView } from './TabSummaryView';

/** Props of `PopupApp`. */
export interface PopupAppProps {
  /** The popup's query string, which may name the tab (`?tabId=N`). */
  search: string;
}

/**
 * How often the summary is asked for again while the popup is open. Content scripts report what they
 * find as the page loads and changes (and after the site switch is turned on), so a summary read once
 * would soon be stale; one small message every two seconds is cheap for something open this briefly.
 */
const REFRESH_MS = 2000;
/** How often it is asked for while the page is being scanned after the site was switched on. */
const SCANNING_REFRESH_MS = 200;
/** Hits per kind the popup's search shows; "N more in the dashboard" links to the rest. */
const POPUP_SEARCH_LIMIT = 5;

async function loadSummary(search: string): Promise<{ summary: TabSummary; notes: TabNotes }> {
  const tabId = await resolvePopupTabId(search);
  if (tabId === undefined) throw new Error(t('popupNoTab'));
  const [summary, notes] = await Promise.all([
    request('getTabSummary', { tabId }),
    request('getTabNotes', { tabId }),
  ]);
  return { summary, notes };
}

/** Loads the tab's summary and keeps it fresh; every state (loading, error, each outcome) shows a sentence. */
export function PopupApp({ search }: PopupAppProps) {
  const { state, refresh } = useAsync(() => loadSummary(search), search);

  // While a page that was just switched on has not reported yet, ask again soon rather than in two seconds.
  const isScanning = state.status === 'ready' && state.value.summary.isScanning;
  useEffect(() => {
    const timer = setInterval(
      () => {
        if (document.visibilityState === 'visible') void refresh();
      },
      isScanning ? SCANNING_REFRESH_MS : REFRESH_MS,
    );
    return () => clearInterval(timer);
  }, [refresh, isScanning]);

  const host = state.status === 'ready' ? state.value.summary.host : '';
  return (
    <div class="popup">
      <header class="popup-header">
        <span class="brand-mark" aria-hidden="true" />
        <h1>{t('extName')}</h1>
        {host && <p class="popup-host">{host}</p>}
      </header>
      {/* The search's results take the body's place while it has words; the footer stays. */}
      <SearchLayer prefix="popup-search" barClass="popup-search" limit={POPUP_SEARCH_LIMIT} hasMoreLink>
        <main class="popup-main">
          {state.status === 'loading' && <Notice>{t('popupLoading')}</Notice>}
          {state.status === 'error' && <Notice kind="error">{t('popupError', state.error)}</Notice>}
          {state.status === 'ready' && (
            <>
              <TabSummaryView summary={state.value.summary} onSiteChanged={refresh} />
              {state.value.summary.isSupported && state.value.summary.isEnabled && (
                <AddSourceButton tabId={state.value.summary.tabId} />
              )}
              <PageNotes notes={state.value.notes} />
            </>
          )}
        </main>
      </SearchLayer>
      <PopupFooter />
    </div>
  );
}
