/**
 * The Notes tab's banner: title, how many notes show, how syncing stands, export and import, and the notes
 * filters. The search across notes, sources and entities is the bar above the tabs (main.tsx), so it is there
 * on every tab.
 */
import { t, tCount } from '../../platform/i18n';
import type { Notebook } from '../../shared/protocol';
import { SyncStatusLine } from '../shared/SyncStatusLine';
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
 * The count is a polite live region, so someone typing in the filter box hears how many notes are left
 * without leaving it. Export and the filters wait for notes: with none they could do nothing.
 */
export function DashboardHeader({ state, view, filters, onFiltersChange, onImported }: DashboardHeaderProps) {
  const hasNotes = state.status === 'ready' && view.total > 0;
  return (
    <>
      <header class="dashboard-header">
        <div class="dashboard-title-row">
          <span class="brand-mark" aria-hidden="true" />
          <h1>{t('dashboardTitle')}</h1>
          <p class="dashboard-count" aria-live="polite">
            {state.status === 'ready' ? countText(view) : ''}
          </p>
        </div>
        <SyncStatusLine />
        <ImportExport hasNotes={hasNotes} onImported={onImported} />
      </header>
      {hasNotes && (
        <Filters
          filters={filters}
          choices={view.choices}
          hasOrphans={view.orphanIds.size > 0}
          onChange={onFiltersChange}
        />
      )}
    </>
  );
}
