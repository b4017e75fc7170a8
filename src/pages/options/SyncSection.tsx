/**
 * "Sync your notes": connect this browser to a Gloss sync server, or see how syncing goes and control it.
 * Only this page (an extension page) may send the sync requests; the token never leaves the background.
 */
import { useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import type { SyncStatus } from '../../shared/protocol';
import { Notice } from '../shared/Notice';
import { useSyncStatus } from '../shared/use-sync-status';
import { SyncConnected } from './SyncConnected';
import { SyncConnectForm } from './SyncConnectForm';

/** Props of `SyncSection`. */
export interface SyncSectionProps {
  /** How often to ask for the status (tests shorten it). */
  refreshMs?: number;
}

/** The section: loading, then the connect form or the connected view. */
export function SyncSection({ refreshMs }: SyncSectionProps) {
  const { status, loadError, show } = useSyncStatus(refreshMs);
  const [isJustDisconnected, setJustDisconnected] = useState(false);
  const onDisconnected = (next: SyncStatus): void => {
    setJustDisconnected(true);
    show(next);
  };
  const onConnected = (next: SyncStatus): void => {
    setJustDisconnected(false);
    show(next);
  };
  return (
    <section class="options-section" aria-labelledby="sync-heading">
      <h2 id="sync-heading">{t('syncHeading')}</h2>
      <p class="hint">{t('syncIntro')}</p>
      {loadError && <Notice kind="error">{t('syncStatusError', loadError)}</Notice>}
      {!status && !loadError && <Notice>{t('syncLoading')}</Notice>}
      {status?.connected && <SyncConnected status={status} onStatus={show} onDisconnected={onDisconnected} />}
      {status && !status.connected && (
        <>
          {isJustDisconnected && <Notice>{t('syncDisconnected')}</Notice>}
          {status.error && <Notice kind="error">{status.error}</Notice>}
          <SyncConnectForm initialServerUrl={status.serverUrl ?? ''} onConnected={onConnected} />
        </>
      )}
    </section>
  );
}
