/**
 * One small line saying how syncing stands, for the popup and the dashboard: when notes last synced, what
 * waits to be sent, and any problem in the background's own words. While this browser is not connected it
 * is a quiet link to the options page, where syncing is set up.
 */
import { t, tCount } from '../../platform/i18n';
import { request } from '../../platform/messaging';
import type { SyncStatus } from '../../shared/protocol';
import { formatAgo } from './format-ago';
import { useSyncStatus } from './use-sync-status';

/** Props of `SyncStatusLine`. */
export interface SyncStatusLineProps {
  /** How often to ask for the status (tests shorten it). */
  refreshMs?: number;
}

/** What the dot beside the line says at a glance. */
type LineState = 'off' | 'ok' | 'waiting' | 'error';

/** The words of the line for `status` at `now`, and its state. */
export function syncLine(status: SyncStatus, now: number): { text: string; state: LineState } {
  if (status.error) return { text: t('syncLineProblem', status.error), state: 'error' };
  if (!status.connected) return { text: t('syncLineOff'), state: 'off' };
  const when = status.isSyncing
    ? t('syncSyncing')
    : status.lastSyncAt === undefined
      ? t('syncLineNever')
      : t('syncLineSynced', formatAgo(status.lastSyncAt, now));
  if (status.pending === 0) return { text: when, state: 'ok' };
  const waiting = tCount('syncLinePending', status.pending);
  return { text: `${when} · ${waiting}`, state: 'waiting' };
}

/**
 * Opens the options page through the background, which reuses an open options tab; the link's own address
 * is the fallback where that fails.
 */
function openOptions(event: MouseEvent): void {
  event.preventDefault();
  request('openOptions', {}).catch(() => window.open('options.html', '_blank', 'noopener'));
}

/** Nothing until the first answer (and nothing when the status cannot be read): a guess would mislead. */
export function SyncStatusLine({ refreshMs }: SyncStatusLineProps) {
  const { status } = useSyncStatus(refreshMs);
  if (!status) return null;
  const { text, state } = syncLine(status, Date.now());
  if (state === 'off') {
    return (
      <p class="sync-line" data-state={state}>
        <a href="options.html" onClick={openOptions}>
          {text}
        </a>
      </p>
    );
  }
  return (
    <p class="sync-line" data-state={state}>
      <span class="sync-line-text">{text}</span>
      {state === 'error' && (
        <a href="options.html" onClick={openOptions}>
          {t('syncLineSettings')}
        </a>
      )}
    </p>
  );
}
