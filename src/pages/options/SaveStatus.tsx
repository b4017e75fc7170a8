/** The short "Saved" line of the options page. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import type { SaveState } from './use-settings-editor';

/** Props of `SaveStatus`. */
export interface SaveStatusProps {
  state: SaveState;
}

/** How long "Saved" stays on screen. */
const SAVED_VISIBLE_MS = 2500;

/**
 * A live region that is always in the page (screen readers only announce changes to regions that already
 * exist). It is emptied while a save runs, so each new "Saved" is a change and gets announced again.
 * Failures use a separate alert, as they need attention now.
 */
export function SaveStatus({ state }: SaveStatusProps) {
  const [isSavedVisible, setSavedVisible] = useState(false);

  useEffect(() => {
    setSavedVisible(state.kind === 'saved');
    if (state.kind !== 'saved') return;
    const timer = setTimeout(() => setSavedVisible(false), SAVED_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <div class="save-status">
      <p class="save-status-ok" aria-live="polite">
        {isSavedVisible ? t('optionsSaved') : ''}
      </p>
      <p class="save-status-error" role="alert">
        {state.kind === 'error' ? t('optionsSaveFailed', state.error) : ''}
      </p>
    </div>
  );
}
