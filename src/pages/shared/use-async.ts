/**
 * A small hook for "load something from the background and show it": loading, value or error, never a
 * blank screen in between.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from './error-text';

/** Where a load stands. */
export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: string };

/** What `useAsync` gives back: the state and a way to load again. */
export interface AsyncHandle<T> {
  state: AsyncState<T>;
  /** Loads again, keeping the current value on screen until the new one arrives (no flash of "loading"). */
  refresh: () => Promise<void>;
}

/**
 * Runs `load` when the component mounts and whenever `key` changes (then showing "loading" again, since
 * the old value describes something else). Results that arrive after a newer load started, or after
 * unmount, are dropped so a slow reply cannot overwrite a fresh one.
 */
/** The state a load ends in: its value, or its error in the reader's words. Never throws. */
export async function loadState<T>(load: () => Promise<T>): Promise<AsyncState<T>> {
  try {
    return { status: 'ready', value: await load() };
  } catch (e) {
    return { status: 'error', error: errorText(e) };
  }
}

export function useAsync<T>(load: () => Promise<T>, key: string | number): AsyncHandle<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const latest = useRef(0);

  const run = useCallback(async (): Promise<void> => {
    const ticket = ++latest.current;
    const next = await loadState(loadRef.current);
    if (ticket === latest.current) setState(next);
  }, []);

  useEffect(() => {
    setState({ status: 'loading' });
    void run();
    // Bumping the ticket on unmount or key change makes any reply still in flight stale.
    return () => {
      latest.current++;
    };
  }, [key, run]);

  return { state, refresh: run };
}
