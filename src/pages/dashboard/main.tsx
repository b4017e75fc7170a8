/** Entry point of the dashboard: notes, sources, entities, suggestions (bundled to `dashboard.js`). */
import { t } from '../../platform/i18n';
import { mountPage } from '../shared/mount-page';
import { DashboardApp } from './DashboardApp';

/** Keeps the tab and the notes filters in the address without adding a history entry per keystroke or tab. */
function rememberFilters(query: string): void {
  history.replaceState(history.state, '', `${location.pathname}${query}`);
}

mountPage(t('dashboardTitle'), <DashboardApp search={location.search} onFiltersChanged={rememberFilters} />);
