/**
 * Keeps a loaded page in step with the background: every `dataChanged` event (notes, sources, entities or
 * history changed anywhere) loads the page's data again. `useAsync`'s refresh keeps the current value on
 * screen until the new one arrives, and the sections are keyed by id, so the reader's scroll position,
 * focus and anything open stay where they were.
 */
import { useEffect, useRef } from 'preact/hooks';
import { onPageEvent } from '../../platform/messaging';

/** Calls `refresh` on every `dataChanged` event while the component is mounted. */
export function useLiveRefresh(refresh: () => Promise<void>): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    const stop = new AbortController();
    onPageEvent('dataChanged', () => void latest.current(), stop.signal);
    return () => stop.abort();
  }, []);
}
