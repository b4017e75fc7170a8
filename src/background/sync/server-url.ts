/** The sync server's address as the reader types it, checked and normalised. */
import { t } from '../../platform/i18n';

/**
 * The base address every route is appended to: http or https only, no user name or password, no query or
 * fragment, no trailing slash (a path prefix, for a server behind a reverse proxy, is kept). Throws an
 * Error in plain words when the address cannot be a sync server's.
 */
export function normaliseServerUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new Error(t('syncErrorBadUrl'));
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password)
    throw new Error(t('syncErrorBadUrl'));
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
