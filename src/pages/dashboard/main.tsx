/** Entry point of the notes dashboard (bundled to `dashboard.js`). */
import { t } from '../../platform/i18n';
import { mountPage } from '../shared/mount-page';
import { DashboardApp } from './DashboardApp';

/** Keeps the filters in the address without adding a history entry per keystroke. */
function rememberFilters(query: string): void {
  history.replaceState(history.state, '', `${location.pathname}${query}`);
}

mountPage(t('dashboardTitle'), <DashboardApp search={location.search} onFiltersChanged={rememberFilters} />);
