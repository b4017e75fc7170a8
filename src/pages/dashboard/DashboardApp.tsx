/**
 * The dashboard: the notes tab (every note, searchable and filterable, with edit, delete (with undo), "open
 * the page at this note", export and import) and the library's tabs (library/: sources, entities,
 * suggestions). The notes list lives in `useNotebook`; this component wires the parts. The notes are loaded
 * whichever tab shows, so coming back to them is instant, and read again whenever the background says they
 * changed (live pages): the filters, the scroll position, focus, open edit forms and the undo bar stay.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { request } from '../../platform/messaging';
import type { NoteView } from '../../shared/notes/note-types';
import type { NoteEdit } from '../../shared/protocol';
import { errorText } from '../shared/error-text';
import { DashboardBody } from './DashboardBody';
import { DashboardHeader } from './DashboardHeader';
import { focusNoteSoon } from './focus-note';
import { capturePlace, type Place, restorePlace } from './keep-place';
import { LibraryPanels } from './library/LibraryPanels';
import { type DashboardTab, queryWithTab, readTab } from './library/library-tabs';
import { TabList } from './library/TabList';
import { TabPanel } from './library/TabPanel';
import { NO_FILTERS, type NoteFilters, readFilters, writeFilters } from './note-filters';
import { notesInListOrder } from './note-groups';
import { StorageStatus } from './StorageStatus';
import { UndoToast } from './UndoToast';
import { useDashboardView } from './use-dashboard-view';
import { useDeletion } from './use-deletion';
import { useEditing } from './use-editing';
import { useNotebook } from './use-notebook';

/** Props of `DashboardApp`. */
export interface DashboardAppProps {
  /** The page's query string, holding the tab and the filters of the last visit (`?tab=…&q=…&site=…`). */
  search: string;
  /** Called with the query string for the current tab and filters, to keep the address in step. */
  onFiltersChanged?: (query: string) => void;
}

const searchBox = (): HTMLElement | null => document.getElementById('note-search');

/** The page. */
export function DashboardApp({ search, onFiltersChanged }: DashboardAppProps) {
  const main = useRef<HTMLElement>(null);
  // The reader's place, taken just before a refetched notebook is applied and put back once it rendered.
  const place = useRef<Place | undefined>();
  const beforeRefresh = useCallback(() => {
    place.current = capturePlace(main.current, 'data-note-id');
  }, []);
  const { state, reload, putNote, dropNote } = useNotebook({ beforeRefresh });
  const { editing, setEditing } = useEditing();
  const [filters, setFilters] = useState<NoteFilters>(() => readFilters(search));
  const [tab, setTab] = useState<DashboardTab>(() => readTab(search));
  const [actionError, setActionError] = useState('');
  const view = useDashboardView(state.status === 'ready' ? state.value : undefined, filters, editing);
  useLayoutEffect(() => {
    restorePlace(main.current, place.current);
    place.current = undefined;
  }, [state]);
  const onRestored = useCallback((note: NoteView) => focusNoteSoon(main.current, note.id), []);
  const deletion = useDeletion({ putNote, dropNote, onError: setActionError, onRestored });

  // A layout effect: the address changes in the same commit as the list it describes, never a frame later.
  useLayoutEffect(
    () => onFiltersChanged?.(queryWithTab(writeFilters(filters), tab)),
    [filters, tab, onFiltersChanged],
  );

  const changeFilters = useCallback(
    (patch: Partial<NoteFilters>) => setFilters((current) => ({ ...current, ...patch })),
    [],
  );
  const clearFilters = (): void => {
    setFilters(NO_FILTERS);
    searchBox()?.focus();
  };

  const save = useCallback(
    async (edit: NoteEdit): Promise<void> => putNote(await request('updateNote', edit)),
    [putNote],
  );
  const changeEditing = useCallback(
    (note: NoteView, isEditing: boolean) => {
      // Closing the form of a note deleted elsewhere takes it off the list: focus goes to its neighbour.
      if (!isEditing && view.goneIds.has(note.id)) {
        const order = notesInListOrder(view.groups).filter(
          (other) => !view.goneIds.has(other.id) || other.id === note.id,
        );
        const at = order.findIndex((other) => other.id === note.id);
        focusNoteSoon(main.current, (order[at + 1] ?? order[at - 1])?.id, searchBox);
      }
      setEditing(note, isEditing);
    },
    [setEditing, view],
  );
  const remove = (note: NoteView): void => {
    // Focus goes to the note that takes its place (the next, or the previous at the end of the list).
    const order = notesInListOrder(view.groups);
    const at = order.findIndex((other) => other.id === note.id);
    const neighbour = order[at + 1] ?? order[at - 1];
    setActionError('');
    deletion.remove(note);
    focusNoteSoon(main.current, neighbour?.id, searchBox);
  };
  const open = (note: NoteView): void => {
    setActionError('');
    request('openNote', { id: note.id }).catch((e: unknown) =>
      setActionError(t('dashboardOpenFailed', errorText(e))),
    );
  };

  return (
    <div class="dashboard">
      <TabList current={tab} onChange={setTab} />
      {tab === 'notes' ? (
        <TabPanel tab="notes">
          <DashboardHeader
            state={state}
            view={view}
            filters={filters}
            onFiltersChange={changeFilters}
            onImported={reload}
          />
          <main class="dashboard-main" ref={main}>
            <p class="dashboard-error" role="alert">
              {actionError}
            </p>
            <DashboardBody
              state={state}
              view={view}
              editing={editing}
              onEditingChange={changeEditing}
              onRetry={reload}
              onClearFilters={clearFilters}
              onSave={save}
              onDelete={remove}
              onOpen={open}
            />
          </main>
        </TabPanel>
      ) : (
        <LibraryPanels tab={tab} />
      )}
      <footer class="dashboard-footer">
        <StorageStatus />
      </footer>
      <UndoToast deletion={deletion.latest} onUndo={deletion.undo} onExpire={deletion.expire} />
    </div>
  );
}
