/**
 * Live pages (issue 14): a dashboard tab reads its list again when the background says what it shows has
 * changed (`dataChanged`, sent once per burst of changes by background/page-events.ts): a note saved in a
 * page, a pull from another device, a source kept, an entity edited in another window. The tab's own
 * changes come back too, which costs one refetch and keeps it honest.
 */
import { useEffect, useRef } from 'preact/hooks';
import { onPageEvent } from '../../platform/messaging';
import type { DataKind } from '../../shared/protocol';

/** Calls `onChange` while mounted whenever an event names one of `kinds`. */
export function useDataChanged(kinds: readonly DataKind[], onChange: () => void): void {
  // The latest callback and kinds, so the listener is registered once and never calls a stale closure.
  const latest = useRef({ kinds, onChange });
  latest.current = { kinds, onChange };
  useEffect(() => {
    const stop = new AbortController();
    onPageEvent(
      'dataChanged',
      ({ kinds: changed }) => {
        if (changed.some((kind) => latest.current.kinds.includes(kind))) latest.current.onChange();
      },
      stop.signal,
    );
    return () => stop.abort();
  }, []);
}
