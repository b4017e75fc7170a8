/**
 * Whether the browser keeps Gloss's notes even when the disk runs low. Without persistent storage a browser
 * may evict an origin's data under storage pressure, and for a notebook that means losing notes silently;
 * asking costs nothing, and telling the reader the answer lets them keep an export when it was declined.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../platform/browser';
import { t } from '../../platform/i18n';

type Persistence = 'unknown' | 'persisted' | 'exempt' | 'declined';

/**
 * Chrome answers `persist()` for extension pages by its site-engagement heuristics (headless it says no),
 * but documents that an extension holding `unlimitedStorage` is exempt from eviction: say that instead of
 * warning about a risk that is not there.
 */
function hasUnlimitedStorage(): boolean {
  try {
    return browser.runtime.getManifest().permissions?.includes('unlimitedStorage') === true;
  } catch {
    return false;
  }
}

/** Reads, and if need be requests, persistent storage. Best effort: without the API nothing is said. */
async function ensurePersisted(): Promise<Persistence> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persisted) return 'unknown';
  try {
    if (await storage.persisted()) return 'persisted';
    if (storage.persist && (await storage.persist())) return 'persisted';
    return hasUnlimitedStorage() ? 'exempt' : 'declined';
  } catch {
    return 'unknown';
  }
}

/** A small line for the footer. */
export function StorageStatus() {
  const [persistence, setPersistence] = useState<Persistence>('unknown');
  useEffect(() => {
    let isCurrent = true;
    void ensurePersisted().then((value) => {
      if (isCurrent) setPersistence(value);
    });
    return () => {
      isCurrent = false;
    };
  }, []);
  if (persistence === 'unknown') return null;
  return (
    <p class="storage-status">
      {persistence === 'persisted'
        ? t('dashboardStoragePersisted')
        : persistence === 'exempt'
          ? t('dashboardStorageExempt')
          : t('dashboardStorageDeclined')}
    </p>
  );
}
