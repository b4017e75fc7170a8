/**
 * The notebook as the dashboard holds it: loaded from the background, changed locally the moment the reader
 * edits, deletes or restores (so the list never waits on a round trip), and read again whenever the
 * background says notes (or the entities they are grouped under) changed, and when the tab becomes visible.
 * A refetch keeps the list on screen until the reply arrives: no "Loading…", no empty list in between.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../../platform/messaging';
import type { NoteView } from '../../shared/notes/note-types';
import type { Notebook } from '../../shared/protocol';
import { type AsyncState, loadState } from '../shared/use-async';
import { useDataChanged } from './use-data-changed';

/** What `useNotebook` gives back. */
export interface NotebookHandle {
  state: AsyncState<Notebook>;
  /** Reads the notebook again, keeping the current list on screen until the reply arrives. */
  reload: () => Promise<void>;
  /** Puts `note` in the list, replacing the note with the same id (after an edit or a restore). */
  putNote: (note: NoteView) => void;
  /** Takes a note out of the list (after a delete). */
  dropNote: (id: string) => void;
}

/** What the page wants to hear before a refetch changes the list. */
export interface NotebookOptions {
  /**
   * Called just before a refetched notebook replaces the one on screen (the old list is still in the DOM),
   * so the page can note the reader's place and put it back after the render.
   */
  beforeRefresh?: () => void;
}

/**
 * Each load and each local change takes a ticket; a load's reply is used only if no newer ticket was taken
 * meanwhile. So a reload that started before a delete cannot bring the deleted note back, and a slow reply
 * cannot overwrite a newer one. (The next reload shows the background's truth anyway.)
 */
export function useNotebook({ beforeRefresh }: NotebookOptions = {}): NotebookHandle {
  const [state, setState] = useState<AsyncState<Notebook>>({ status: 'loading' });
  const latest = useRef(0);
  const hasList = useRef(false);
  const notify = useRef(beforeRefresh);
  notify.current = beforeRefresh;
  const nextTicket = (): number => {
    latest.current += 1;
    return latest.current;
  };

  const reload = useCallback(async (): Promise<void> => {
    const ticket = nextTicket();
    const next = await loadState(() => request('listNotes', {}));
    if (ticket !== latest.current) return;
    // A failed background refresh keeps the list the reader is working in; only a first load shows the error.
    if (next.status === 'error' && hasList.current) return;
    if (hasList.current) notify.current?.();
    hasList.current = next.status === 'ready';
    setState(next);
  }, []);
  useDataChanged(['notes', 'entities'], () => void reload());

  const change = useCallback((edit: (notes: NoteView[]) => NoteView[]): void => {
    nextTicket();
    setState((current) =>
      current.status === 'ready'
        ? { status: 'ready', value: { ...current.value, notes: edit(current.value.notes) } }
        : current,
    );
  }, []);

  const putNote = useCallback(
    (note: NoteView) => change((notes) => [...notes.filter((other) => other.id !== note.id), note]),
    [change],
  );
  const dropNote = useCallback(
    (id: string) => change((notes) => notes.filter((note) => note.id !== id)),
    [change],
  );

  useEffect(() => {
    const controller = new AbortController();
    void reload();
    document.addEventListener(
      'visibilitychange',
      () => {
        if (document.visibilityState === 'visible') void reload();
      },
      { signal: controller.signal },
    );
    return () => {
      controller.abort();
      nextTicket();
    };
  }, [reload]);

  return { state, reload, putNote, dropNote };
}
