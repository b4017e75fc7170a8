/**
 * Loads a list again when the reader comes back to the dashboard's tab: sources are kept and entities made
 * in pages (and "Update" saves a source in another tab), so what the dashboard showed may be stale.
 */
import { useEffect } from 'preact/hooks';

export function useRefreshOnReturn(refresh: () => Promise<void>): void {
  useEffect(() => {
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refresh]);
}
