/**
 * "Add this page to my sources": asks the tab's page to read itself and keep the article as a source. The
 * page shows what was saved (or why not) in its own confirmation, so the popup closes once asked.
 */
import { useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { request } from '../../platform/messaging';
import { errorText } from '../shared/error-text';
import { Notice } from '../shared/Notice';

/** Props of `AddSourceButton`. */
export interface AddSourceButtonProps {
  tabId: number;
}

/** The button, with the error when the tab could not be asked. */
export function AddSourceButton({ tabId }: AddSourceButtonProps) {
  const [error, setError] = useState('');
  const add = (): void => {
    setError('');
    request('addTabAsSource', { tabId }).then(
      () => window.close(),
      (e: unknown) => setError(errorText(e)),
    );
  };
  return (
    <section class="popup-add-source">
      <button type="button" class="button" onClick={add} title={t('popupAddSourceHint')}>
        {t('popupAddSource')}
      </button>
      {error && <Notice kind="error">{t('popupActionFailed', error)}</Notice>}
    </section>
  );
}
