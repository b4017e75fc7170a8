/** The "Highlight on <host>" switch. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { request } from '../../platform/messaging';
import { errorText } from '../shared/error-text';
import { Notice } from '../shared/Notice';

/** Props of `SiteSwitch`. */
export interface SiteSwitchProps {
  host: string;
  isEnabled: boolean;
  /** Called once the background has remembered the new state. */
  onChanged: () => Promise<void>;
}

/**
 * A native checkbox with `role="switch"` (drawn as a switch by `pages.css`), so keyboard (Space) and
 * assistive technology work without extra code. The box flips at once and flips back if the background refuses; it is never `disabled` while the
 * request runs, because disabling a focused control throws keyboard users' focus away.
 */
export function SiteSwitch({ host, isEnabled, onChanged }: SiteSwitchProps) {
  const [isChecked, setChecked] = useState(isEnabled);
  const [error, setError] = useState('');
  const isBusy = useRef(false);

  // Follow the background's word whenever a fresh summary arrives, unless our own change is in flight.
  useEffect(() => {
    if (!isBusy.current) setChecked(isEnabled);
  }, [isEnabled]);

  const toggle = async (event: Event): Promise<void> => {
    const input = event.currentTarget as HTMLInputElement;
    const next = input.checked;
    if (isBusy.current) {
      // A second click while the first is pending: undo the browser's flip, as Preact will not re-render.
      input.checked = !next;
      return;
    }
    isBusy.current = true;
    setChecked(next);
    setError('');
    try {
      await request('setSiteEnabled', { host, isEnabled: next });
      await onChanged();
    } catch (e) {
      setChecked(!next);
      setError(errorText(e));
    } finally {
      isBusy.current = false;
    }
  };

  return (
    <div class="site-switch">
      <label class="switch">
        <input type="checkbox" role="switch" checked={isChecked} aria-checked={isChecked} onChange={toggle} />
        <span class="switch-label">{t('popupSiteSwitch', host)}</span>
      </label>
      {error && <Notice kind="error">{t('popupActionFailed', error)}</Notice>}
    </div>
  );
}
