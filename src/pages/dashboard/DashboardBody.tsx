/** What the main area shows: loading, an error, no notes at all, no note matching, or the list. */
import { t } from '../../platform/i18n';
import type { NoteView } from '../../shared/notes/note-types';
import type { Notebook, NoteEdit } from '../../shared/protocol';
import { Notice } from '../shared/Notice';
import type { AsyncState } from '../shared/use-async';
import { EmptyNotebook } from './EmptyNotebook';
import { NoteList } from './NoteList';
import type { DashboardView } from './use-dashboard-view';

/** Props of `DashboardBody`. */
export interface DashboardBodyProps {
  state: AsyncState<Notebook>;
  view: DashboardView;
  /** Notes whose edit form is open. */
  editing: ReadonlyMap<string, NoteView>;
  onEditingChange: (note: NoteView, isEditing: boolean) => void;
  onRetry: () => Promise<void>;
  onClearFilters: () => void;
  onSave: (edit: NoteEdit) => Promise<void>;
  onDelete: (note: NoteView) => void;
  onOpen: (note: NoteView) => void;
}

/** Every state is a sentence, never a blank area; the two dead ends each offer the way out. */
export function DashboardBody({
  state,
  view,
  editing,
  onEditingChange,
  onRetry,
  onClearFilters,
  onSave,
  onDelete,
  onOpen,
}: DashboardBodyProps) {
  if (state.status === 'loading') return <Notice>{t('dashboardLoading')}</Notice>;
  if (state.status === 'error') {
    return (
      <>
        <Notice kind="error">{t('dashboardLoadFailed', state.error)}</Notice>
        <button type="button" onClick={() => void onRetry()}>
          {t('dashboardRetry')}
        </button>
      </>
    );
  }
  // A note being edited keeps the list up, even when it was the last one and was deleted elsewhere.
  const isListEmpty = view.groups.length === 0;
  if (view.total === 0 && isListEmpty) return <EmptyNotebook />;
  if (isListEmpty) {
    return (
      <>
        <Notice>{t('dashboardNoMatch')}</Notice>
        <button type="button" onClick={onClearFilters}>
          {t('dashboardClearFilters')}
        </button>
      </>
    );
  }
  return (
    <NoteList
      groups={view.groups}
      orphanIds={view.orphanIds}
      editing={editing}
      goneIds={view.goneIds}
      onEditingChange={onEditingChange}
      onSave={onSave}
      onDelete={onDelete}
      onOpen={onOpen}
    />
  );
}
