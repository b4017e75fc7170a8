/** The popup's footer: the ways to all notes and to the settings. */
import { useState } from 'preact/hooks';
import { browser } from '../../platform/browser';
import { extensionUrl } from '../../platform/extension-assets';
import { t } from '../../platform/i18n';
import { request } from '../../platform/messaging';
import { errorText } from '../shared/error-text';
import { Notice } from '../shared/Notice';
import { SyncStatusLine } from '../shared/SyncStatusLine';

/**
 * How syncing stands, then the links. A real link to `options.html` (so it reads and behaves as a link), but
 * a plain click asks the background to open the options page: `runtime.openOptionsPage` reuses an open
 * options tab and honours the browser's choice of where options live.
 */
export function PopupFooter() {
  const [error, setError] = useState('');
  const open = (event: MouseEvent): void => {
    event.preventDefault();
    setError('');
    request('openOptions', {}).then(
      () => undefined,
      (e: unknown) => setError(errorText(e)),
    );
  };
  const openNotes = (event: MouseEvent): void => {
    event.preventDefault();
    setError('');
    browser.tabs.create({ url: extensionUrl('dashboard.html') }).then(
      () => window.close(),
      (e: unknown) => setError(errorText(e)),
    );
  };
  return (
    <footer class="popup-footer">
      <SyncStatusLine />
      <nav class="popup-links">
        <a href="dashboard.html" onClick={openNotes}>
          {t('popupAllNotes')}
        </a>
        <a href="options.html" onClick={open}>
          {t('popupSettings')}
        </a>
      </nav>
      {error && <Notice kind="error">{t('popupActionFailed', error)}</Notice>}
    </footer>
  );
}
