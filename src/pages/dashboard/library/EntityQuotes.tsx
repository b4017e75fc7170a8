/** "Where it is quoted": the passages of the sources that mention an entity, each one click from the reader. */
import { useCallback, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { request } from '../../../platform/messaging';
import { errorText } from '../../shared/error-text';
import { Notice } from '../../shared/Notice';
import { useAsync } from '../../shared/use-async';
import { LoadNotice } from './LoadNotice';

/** Props of `EntityQuotes`. */
export interface EntityQuotesProps {
  entityId: string;
}

/** Loaded when opened, not with the list: 5,000 entities would be 5,000 cards. */
export function EntityQuotes({ entityId }: EntityQuotesProps) {
  const load = useCallback(() => request('getCard', { entityId }), [entityId]);
  const { state, refresh } = useAsync(load, entityId);
  const [error, setError] = useState('');
  const open = (sourceId: string, passageId: string): void => {
    setError('');
    request('openReader', { sourceId, entityId, passageId }).catch((e: unknown) =>
      setError(t('libOpenFailed', errorText(e))),
    );
  };
  if (state.status !== 'ready') return <LoadNotice state={state} onRetry={refresh} />;
  const passages = state.value.passages;
  if (passages.length === 0) return <Notice>{t('libQuotesNone')}</Notice>;
  return (
    <div class="entity-quotes">
      <p class="dashboard-error" role="alert">
        {error}
      </p>
      <ul>
        {passages.map((passage) => (
          <li key={passage.id} class="entity-quote">
            <blockquote class="note-quote">{passage.text}</blockquote>
            <p class="entity-quote-source">
              <cite>{passage.source.title}</cite>{' '}
              <button type="button" onClick={() => open(passage.sourceId, passage.id)}>
                {t('libQuoteOpen')}
              </button>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
