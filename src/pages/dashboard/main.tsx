/** Entry point of the dashboard: notes, sources, entities, suggestions (bundled to `dashboard.js`). */
import { t } from '../../platform/i18n';
import { readSearchParam, withSearchParam } from '../../shared/search/search-address';
import { mountPage } from '../shared/mount-page';
import { SearchLayer } from '../shared/search/SearchLayer';
import { DashboardApp } from './DashboardApp';

/** Hits per kind in the dashboard's search (the popup shows 5 and links here for the rest). */
const SEARCH_LIMIT = 20;

/** The search words now in the address, kept when the tab or the filters rewrite it. */
let searchWords = readSearchParam(location.search);

/** Writes the address without adding a history entry per keystroke or tab. */
function replaceQuery(query: string): void {
  history.replaceState(history.state, '', `${location.pathname}${query}`);
}

/** Keeps the tab and the notes filters in the address, beside the search words. */
function rememberFilters(query: string): void {
  replaceQuery(withSearchParam(query, searchWords));
}

/** Keeps the search words in the address, so a reload or a bookmark searches them again. */
function rememberSearch(words: string): void {
  searchWords = words;
  replaceQuery(withSearchParam(location.search, words));
}

// The search bar sits above the tabs, so it is there on every tab; its results cover the tab, which stays
// mounted underneath.
mountPage(
  t('dashboardTitle'),
  <SearchLayer
    prefix="dashboard-search"
    barClass="dashboard-search"
    initialWords={searchWords}
    onWordsChange={rememberSearch}
    limit={SEARCH_LIMIT}
  >
    <DashboardApp search={location.search} onFiltersChanged={rememberFilters} />
  </SearchLayer>,
);
