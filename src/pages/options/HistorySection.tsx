/**
 * "Where you have seen it": what the history records and that it stays in this browser, the switch, how
 * long it is kept, how many pages it holds (live), and "Clear history" with a confirmation in place.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tCount } from '../../platform/i18n';
import { onPageEvent, request } from '../../platform/messaging';
import { RETENTION_CHOICES, type RetentionDays } from '../../shared/history/history-types';
import type { Settings } from '../../shared/settings';
import { errorText } from '../shared/error-text';
import { Notice } from '../shared/Notice';
import { useAsync } from '../shared/use-async';
import { SaveStatus } from './SaveStatus';
import type { SaveState } from './use-settings-editor';

/** Props of `HistorySection`. */
export interface HistorySectionProps {
  /** `undefined` while the settings load (the count and Clear history work without them). */
  settings: Settings | undefined;
  onChange: (change: Partial<Settings>) => void;
  saveState: SaveState;
}

/** Where clearing stands: the button, the question in its place, the request under way, or the outcome. */
type ClearState =
  | { kind: 'idle' }
  | { kind: 'confirming' }
  | { kind: 'clearing' }
  | { kind: 'cleared' }
  | { kind: 'error'; error: string };

export function HistorySection({ settings, onChange, saveState }: HistorySectionProps) {
  const stats = useAsync(() => request('getHistoryStats', {}), 'history');
  const { refresh } = stats;
  useEffect(() => {
    const controller = new AbortController();
    onPageEvent('dataChanged', ({ kinds }) => kinds.includes('history') && void refresh(), controller.signal);
    return () => controller.abort();
  }, [refresh]);
  const pageCount = stats.state.status === 'ready' ? stats.state.value.pageCount : undefined;

  return (
    <section class="options-section history-section" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('histHeading')}</h2>
      <p class="hint">{t('histIntro')}</p>
      {settings && (
        <form class="settings-form" onSubmit={(event) => event.preventDefault()}>
          <div class="field">
            <label class="choice">
              <input
                type="checkbox"
                id="history-record"
                checked={settings.recordHistory}
                aria-describedby={settings.recordHistory ? undefined : 'history-off-hint'}
                onChange={(event) => onChange({ recordHistory: event.currentTarget.checked })}
              />
              <span>{t('histRecord')}</span>
            </label>
            {!settings.recordHistory && (
              <p id="history-off-hint" class="hint">
                {t('histRecordOffHint')}
              </p>
            )}
          </div>
          <div class="field">
            <label for="history-retention" class="field-label">
              {t('histRetention')}
            </label>
            <select
              id="history-retention"
              value={String(settings.historyRetentionDays)}
              onChange={(event) =>
                onChange({ historyRetentionDays: Number(event.currentTarget.value) as RetentionDays })
              }
            >
              {RETENTION_CHOICES.map((days) => (
                <option key={days} value={String(days)}>
                  {t(`histRetention_${days}`)}
                </option>
              ))}
            </select>
          </div>
        </form>
      )}
      <SaveStatus state={saveState} />
      {stats.state.status === 'loading' && <Notice>{t('histCountLoading')}</Notice>}
      {stats.state.status === 'error' && (
        <Notice kind="error">{t('histCountError', stats.state.error)}</Notice>
      )}
      {pageCount !== undefined && (
        <p class="history-count" id="history-count">
          {pageCount === 0 ? t('histPageCountNone') : tCount('histPageCount', pageCount)}
        </p>
      )}
      <ClearHistory pageCount={pageCount} onCleared={() => void refresh()} />
    </section>
  );
}

/** Props of `ClearHistory`. */
interface ClearHistoryProps {
  /** Pages recorded, when known; none disables the button (a failed count does not). */
  pageCount: number | undefined;
  /** After a clear: count again at once rather than only when the background's event arrives. */
  onCleared: () => void;
}

/**
 * "Clear history", then the question in its place ("Forget all 14 recorded pages?") with Yes and Cancel,
 * then a status line. Focus follows: to Yes when asked, back to the button on Cancel.
 */
function ClearHistory({ pageCount, onCleared }: ClearHistoryProps) {
  const [state, setState] = useState<ClearState>({ kind: 'idle' });
  const clearButton = useRef<HTMLButtonElement>(null);
  const yesButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (state.kind === 'confirming') yesButton.current?.focus();
    else if (wasConfirming.current && state.kind === 'idle') clearButton.current?.focus();
    wasConfirming.current = state.kind === 'confirming';
  }, [state.kind]);

  const clear = async (): Promise<void> => {
    setState({ kind: 'clearing' });
    try {
      await request('clearHistory', {});
      setState({ kind: 'cleared' });
      onCleared();
    } catch (e) {
      setState({ kind: 'error', error: errorText(e) });
    }
  };
  const isAsking = state.kind === 'confirming' || state.kind === 'clearing';

  return (
    <div class="history-clear">
      {isAsking ? (
        <div class="history-confirm">
          <p id="history-confirm-question">
            {tCount('histClearConfirm', pageCount ?? 0)} {t('histClearPermanent')}
          </p>
          <p class="history-buttons">
            <button
              type="button"
              ref={yesButton}
              class="danger"
              aria-describedby="history-confirm-question"
              disabled={state.kind === 'clearing'}
              onClick={() => void clear()}
            >
              {t('histClearYes')}
            </button>
            <button
              type="button"
              disabled={state.kind === 'clearing'}
              onClick={() => setState({ kind: 'idle' })}
            >
              {t('histClearCancel')}
            </button>
          </p>
        </div>
      ) : (
        <p class="history-buttons">
          <button
            type="button"
            ref={clearButton}
            disabled={pageCount === 0}
            onClick={() => setState({ kind: 'confirming' })}
          >
            {t('histClear')}
          </button>
        </p>
      )}
      <p class="history-clear-status" aria-live="polite">
        {state.kind === 'cleared' ? t('histCleared') : ''}
      </p>
      <p class="save-status-error" role="alert">
        {state.kind === 'error' ? t('histClearFailed', state.error) : ''}
      </p>
    </div>
  );
}
