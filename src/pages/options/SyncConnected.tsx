/** What a connected browser shows: the server, the last sync, what waits to be sent, and the controls. */
import { useState } from 'preact/hooks';
import { t, tCount } from '../../platform/i18n';
import { request } from '../../platform/messaging';
import { formatDateTime } from '../../shared/format-date';
import type { SyncStatus } from '../../shared/protocol';
import { errorText } from '../shared/error-text';
import { formatAgo } from '../shared/format-ago';
import { Notice } from '../shared/Notice';
import { NextTry } from './NextTry';

/** Props of `SyncConnected`. */
export interface SyncConnectedProps {
  status: SyncStatus;
  onStatus: (status: SyncStatus) => void;
  onDisconnected: (status: SyncStatus) => void;
}

/** "This browser: Chrome 156 on Linux, added 4 Dec 2026, 14:05", as the server lists it. */
function thisDeviceText(connectedAt: number, deviceName: string | undefined): string {
  const added = formatDateTime(connectedAt);
  return deviceName ? t('syncThisDevice', [deviceName, added]) : t('syncThisDeviceUnnamed', added);
}

/** The status lines, any problem in plain words, "Sync now" and "Disconnect" (saying the notes stay). */
export function SyncConnected({ status, onStatus, onDisconnected }: SyncConnectedProps) {
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (action: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError('');
    try {
      await action();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const isSyncing = status.isSyncing || isBusy;
  return (
    <div class="sync-connected">
      <p>{t('syncConnectedTo', status.serverUrl ?? '')}</p>
      {status.connectedAt !== undefined && <p>{thisDeviceText(status.connectedAt, status.deviceName)}</p>}
      <p>
        {status.lastSyncAt === undefined
          ? t('syncNeverSynced')
          : t('syncLastSynced', formatAgo(status.lastSyncAt, Date.now()))}
      </p>
      <p>{status.pending === 0 ? t('syncPendingNone') : tCount('syncPending', status.pending)}</p>
      {status.error && <Notice kind="error">{status.error}</Notice>}
      {status.nextTryAt !== undefined && !isSyncing && <NextTry at={status.nextTryAt} />}
      {error && <Notice kind="error">{error}</Notice>}
      <p class="sync-buttons">
        <button
          type="button"
          disabled={isSyncing}
          onClick={() => void run(async () => onStatus(await request('syncNow', {})))}
        >
          {isSyncing ? t('syncSyncing') : t('syncNow')}
        </button>{' '}
        <button
          type="button"
          disabled={isBusy}
          aria-describedby="sync-disconnect-hint"
          onClick={() => void run(async () => onDisconnected(await request('disconnectSync', {})))}
        >
          {t('syncDisconnect')}
        </button>
      </p>
      <p id="sync-disconnect-hint" class="hint">
        {t('syncDisconnectHint')}
      </p>
    </div>
  );
}
