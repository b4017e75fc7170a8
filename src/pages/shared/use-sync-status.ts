/**
 * The sync status as the options page, the popup and the dashboard show it: asked of the background at once,
 * then every few seconds while the page is visible (a sync can finish, or fail, at any time), and again when
 * it becomes visible.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../../platform/messaging';
import type { SyncStatus } from '../../shared/protocol';
import { errorText } from './error-text';

/** How often the status is asked for while the page is visible. */
export const SYNC_REFRESH_MS = 3000;

/** What the sync section renders from. */
export interface SyncStatusHandle {
  /** `undefined` until the first answer. */
  status: SyncStatus | undefined;
  /** Why the status could not be read ('' when it could). */
  loadError: string;
  /** Shows a status a request just returned (connect, disconnect, sync now). */
  show: (status: SyncStatus) => void;
}

/** Polls `getSyncStatus` until unmounted. */
export function useSyncStatus(refreshMs = SYNC_REFRESH_MS): SyncStatusHandle {
  const [status, setStatus] = useState<SyncStatus | undefined>();
  const [loadError, setLoadError] = useState('');
  const isMounted = useRef(true);

  const show = useCallback((next: SyncStatus) => {
    if (!isMounted.current) return;
    setStatus(next);
    setLoadError('');
  }, []);

  useEffect(() => {
    isMounted.current = true;
    const controller = new AbortController();
    const refresh = (): void => {
      if (document.visibilityState === 'hidden') return;
      request('getSyncStatus', {}).then(show, (e: unknown) => {
        if (isMounted.current) setLoadError(errorText(e));
      });
    };
    refresh();
    const timer = setInterval(refresh, refreshMs);
    document.addEventListener('visibilitychange', refresh, { signal: controller.signal });
    return () => {
      isMounted.current = false;
      clearInterval(timer);
      controller.abort();
    };
  }, [refreshMs, show]);

  return { status, loadError, show };
}
