/**
 * The sync requests of `shared/protocol.ts`, for Gloss's own pages only (the router checks the sender), so
 * no content script can learn the token or point the background at another server. The one exception,
 * `keepLiveUpdates`, takes no arguments and tells a content script nothing but a delay.
 */
import type { SyncRequestName } from '../../shared/protocol';
import type { HandlerTable } from '../handler-types';
import type { SyncEngine } from './engine';
import type { SyncTriggers } from './triggers';

/** The sync handlers over one engine and its triggers. */
export function makeSyncHandlers(
  engine: SyncEngine,
  triggers: Pick<SyncTriggers, 'connected' | 'disconnected'>,
  /** Keeps the live channel up while a page is watched; returns when to be asked again, or null. */
  keepLive: () => Promise<number | null>,
): HandlerTable<SyncRequestName> {
  return {
    async connectSync({ serverUrl, code, deviceName }) {
      const status = await engine.connect(serverUrl, code, deviceName);
      await triggers.connected();
      return status;
    },
    async disconnectSync() {
      const status = await engine.disconnect();
      await triggers.disconnected();
      return status;
    },
    getSyncStatus: () => engine.status(),
    syncNow: () => engine.sync('manual'),
    keepLiveUpdates: async () => ({ nextInMs: await keepLive() }),
  };
}
