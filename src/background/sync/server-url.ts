/** The sync server's address as the reader types it, checked and normalised. */
import { t } from '../../platform/i18n';
import { normaliseServerAddress } from '../../shared/sync/server-address';

/**
 * The base address every route is appended to (see `normaliseServerAddress`). Throws an Error in plain
 * words when the address cannot be a sync server's.
 */
export function normaliseServerUrl(input: string): string {
  const address = normaliseServerAddress(input);
  if (address === undefined) throw new Error(t('syncErrorBadUrl'));
  return address;
}
