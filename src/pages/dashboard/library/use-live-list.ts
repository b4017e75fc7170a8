/**
 * A library tab's list, live (issue 14): loaded when the tab shows, and read again whenever the background
 * says sources or entities changed (a source kept in a page, an entity made or edited in another window, a
 * glossary imported, a pull) and when the reader comes back to the dashboard's tab. Suggestions, passage
 * counts and entity counts all follow from sources and entities, so every tab listens to both.
 *
 * A refetch keeps the list on screen until the new one arrives (no "Loading…", no empty list), keeps it
 * when the refetch fails (only a first load shows the error), and puts the reader back where they were:
 * the row at the top of the window and the focused button (keep-place.ts). Forms, filters and the undo bar
 * are the panel's own state and are not touched.
 */
import type { RefObject } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { type AsyncState, loadState } from '../../shared/use-async';
import { capturePlace, type ItemAttribute, type Place, restorePlace } from '../keep-place';
import { useDataChanged } from '../use-data-changed';
import { useRefreshOnReturn } from './use-refresh-on-return';

/** What `useLiveList` gives back. */
export interface LiveList<T> {
  state: AsyncState<T>;
  /** Reads the list again (after the panel's own action), keeping the reader's place. */
  refresh: () => Promise<void>;
  /** The panel's element: where the reader's place is looked for. */
  panel: RefObject<HTMLElement>;
}

/** Loads with `load`, rows named by `attribute`; see the module comment. */
export function useLiveList<T>(load: () => Promise<T>, attribute: ItemAttribute): LiveList<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const latest = useRef(0);
  const hasList = useRef(false);
  const panel = useRef<HTMLElement>(null);
  const place = useRef<Place | undefined>();

  const refresh = useCallback(async (): Promise<void> => {
    const ticket = ++latest.current;
    const next = await loadState(loadRef.current);
    // A reply overtaken by a newer load (or arriving after unmount) would show an older truth.
    if (ticket !== latest.current) return;
    if (next.status === 'error' && hasList.current) return;
    // The old rows are still in the DOM here: note where the reader is, to put them back after the render.
    if (hasList.current) place.current = capturePlace(panel.current, attribute);
    hasList.current = next.status === 'ready';
    setState(next);
  }, [attribute]);

  useLayoutEffect(() => {
    restorePlace(panel.current, place.current);
    place.current = undefined;
  }, [state]);

  useEffect(() => {
    void refresh();
    return () => {
      latest.current++;
    };
  }, [refresh]);
  useDataChanged(['sources', 'entities'], () => void refresh());
  useRefreshOnReturn(refresh);

  return { state, refresh, panel };
}
