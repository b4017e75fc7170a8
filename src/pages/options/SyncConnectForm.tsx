/** The form that connects this browser to a sync server: its address and a one-time enrolment code. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { deviceName as proposeDeviceName } from '../../platform/device-name';
import { t, tCount } from '../../platform/i18n';
import { request } from '../../platform/messaging';
import type { SyncStatus } from '../../shared/protocol';
import { cleanDeviceName, DEVICE_NAME_MAX, deviceNameProblem } from '../../shared/sync/device-name';
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
 * The values as they will be sent, read from the form itself. The address and the name are shown as sent
 * (completed, tidied), so the reader sees what was used; the background checks the address again and
 * words the error when it cannot be one.
 */
function takeValues(form: HTMLFormElement): { serverUrl: string; code: string; deviceName: string } {
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  const typed = field('serverUrl').value;
  const serverUrl = normaliseServerAddress(typed) ?? typed;
  const deviceName = cleanDeviceName(field('deviceName').value);
  field('serverUrl').value = serverUrl;
  field('deviceName').value = deviceName;
  return { serverUrl, code: field('code').value, deviceName };
}

/**
 * Connecting trades the code and runs the first sync, which can take a while with many notes, so the
 * button says what is happening and the form cannot be sent twice. A failure keeps what was typed. The
 * fields are read from the form when it is sent, so a value typed just before pressing Enter is not lost
 * to a render that has not happened yet. An address typed without a scheme is completed when the form is
 * sent ("127.0.0.1:8787" becomes http://127.0.0.1:8787).
 * The device name starts as the one this browser proposes ("Chrome 156 on Linux"); left blank, the
 * background uses that proposal.
 */
export function SyncConnectForm({ initialServerUrl, onConnected }: SyncConnectFormProps) {
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const nameField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let isCurrent = true;
    void proposeDeviceName().then((name) => {
      // Never over what the reader has already typed.
      if (isCurrent && nameField.current && !nameField.current.value) nameField.current.value = name;
    });
    return () => {
      isCurrent = false;
    };
  }, []);

  const connect = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const { serverUrl, code, deviceName } = takeValues(event.currentTarget as HTMLFormElement);
    if (deviceName && deviceNameProblem(deviceName)) {
      setError(tCount('syncErrorBadDeviceName', DEVICE_NAME_MAX));
      return;
    }
    setBusy(true);
    setError('');
    try {
      onConnected(await request('connectSync', { serverUrl, code, ...(deviceName ? { deviceName } : {}) }));
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <form
      class="sync-connect"
      onSubmit={(event) => void connect(event)}
      // An error about what was sent no longer applies once a field changes.
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
      <div class="field">
        <label for="sync-device" class="field-label">
          {t('syncDeviceLabel')}
        </label>
        <input
          ref={nameField}
          id="sync-device"
          name="deviceName"
          type="text"
          maxLength={DEVICE_NAME_MAX}
          autocomplete="off"
          spellcheck={false}
          aria-describedby="sync-device-hint"
        />
        <p id="sync-device-hint" class="hint">
          {t('syncDeviceHint')}
        </p>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      <button type="submit" disabled={isBusy}>
        {isBusy ? t('syncConnecting') : t('syncConnect')}
      </button>
    </form>
  );
}
