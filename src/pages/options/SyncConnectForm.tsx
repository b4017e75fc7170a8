/** The form that connects this browser to a sync server: its address and a one-time enrolment code. */
import { useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { request } from '../../platform/messaging';
import type { SyncStatus } from '../../shared/protocol';
import { normaliseServerAddress } from '../../shared/sync/server-address';
import { errorText } from '../shared/error-text';
import { Notice } from '../shared/Notice';

/** Props of `SyncConnectForm`. */
export interface SyncConnectFormProps {
  /** The address to start from (the server that revoked this device, when it did). */
  initialServerUrl: string;
  onConnected: (status: SyncStatus) => void;
}

/**
 * Connecting trades the code and runs the first sync, which can take a while with many notes, so the
 * button says what is happening and the form cannot be sent twice. A failure keeps what was typed. The
 * fields are read from the form when it is sent, so a value typed just before pressing Enter is not lost
 * to a render that has not happened yet. An address typed without a scheme is completed when the form is
 * sent, and the field then shows the address used, so the reader sees that "127.0.0.1:8787" meant http.
 */
export function SyncConnectForm({ initialServerUrl, onConnected }: SyncConnectFormProps) {
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const connect = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const typed = String(form.get('serverUrl') ?? '');
    // The background checks the address again and words the error when it cannot be one.
    const serverUrl = normaliseServerAddress(typed) ?? typed;
    const field = formElement.elements.namedItem('serverUrl');
    if (field instanceof HTMLInputElement) field.value = serverUrl;
    const code = String(form.get('code') ?? '');
    setBusy(true);
    setError('');
    try {
      onConnected(await request('connectSync', { serverUrl, code }));
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <form
      class="sync-connect"
      onSubmit={(event) => void connect(event)}
      // An error about the address or code that was sent no longer applies once either changes.
      onInput={() => setError('')}
    >
      <div class="field">
        <label for="sync-server" class="field-label">
          {t('syncServerLabel')}
        </label>
        <input
          id="sync-server"
          name="serverUrl"
          // Not type="url": the browser would refuse an address typed without its scheme.
          type="text"
          inputMode="url"
          required
          autocomplete="url"
          spellcheck={false}
          defaultValue={initialServerUrl}
          aria-describedby="sync-server-hint"
        />
        <p id="sync-server-hint" class="hint">
          {t('syncServerHint')}
        </p>
      </div>
      <div class="field">
        <label for="sync-code" class="field-label">
          {t('syncCodeLabel')}
        </label>
        <input
          id="sync-code"
          name="code"
          type="text"
          required
          autocomplete="off"
          spellcheck={false}
          aria-describedby="sync-code-hint"
        />
        <p id="sync-code-hint" class="hint">
          {t('syncCodeHint')}
        </p>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      <button type="submit" disabled={isBusy}>
        {isBusy ? t('syncConnecting') : t('syncConnect')}
      </button>
    </form>
  );
}
