/** The dashboard's banner: title, how many notes show, export and import, search and filters. */
import { t, tCount } from '../../platform/i18n';
import type { Notebook } from '../../shared/protocol';
import type { AsyncState } from '../shared/use-async';
import { Filters } from './Filters';
import { ImportExport } from './ImportExport';
import type { NoteFilters } from './note-filters';
import type { DashboardView } from './use-dashboard-view';

/** Props of `DashboardHeader`. */
export interface DashboardHeaderProps {
  state: AsyncState<Notebook>;
  view: DashboardView;
  filters: NoteFilters;
  onFiltersChange: (patch: Partial<NoteFilters>) => void;
  onImported: () => Promise<void>;
}

/** "12 notes", or "Showing 3 of 12 notes" while filters narrow the list. */
function countText(view: DashboardView): string {
  const total = tCount('dashboardNoteCount', view.total);
  return view.shown === view.total ? total : t('dashboardShowing', [String(view.shown), total]);
}

/**
 * The count is a polite live region, so someone typing in the search box hears how many notes are left
 * without leaving it.
 */
export function DashboardHeader({ state, view, filters, onFiltersChange, onImported }: DashboardHeaderProps) {
  return (
    <header class="dashboard-header">
      <div class="dashboard-title-row">
        <h1>{t('dashboardTitle')}</h1>
        <p class="dashboard-count" aria-live="polite">
          {state.status === 'ready' ? countText(view) : ''}
        </p>
      </div>
      <ImportExport onImported={onImported} />
      <Filters filters={filters} choices={view.choices} onChange={onFiltersChange} />
    </header>
  );
}
