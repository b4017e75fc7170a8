/** The Sources tab: every source, built-in and the reader's, with Read, Update and Delete (with undo). */
import { useCallback, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { request } from '../../../platform/messaging';
import type { SourceListItem } from '../../../shared/library/library-types';
import { errorText } from '../../shared/error-text';
import { Notice } from '../../shared/Notice';
import { focusRowSoon, neighbourOf } from './focus-row';
import { LoadNotice } from './LoadNotice';
import { SourceItem } from './SourceItem';
import { UndoBar } from './UndoBar';
import { useLiveList } from './use-live-list';
import { useUndo } from './use-undo';

const loadSources = () => request('listSources', {});

/** The empty state says the three ways to add a source, so it is never a dead end. */
function EmptySources() {
  return (
    <div class="library-empty">
      <Notice>{t('libSourcesEmpty')}</Notice>
      <ul>
        <li>{t('libSourcesHowPopup')}</li>
        <li>{t('libSourcesHowMenu')}</li>
        <li>{t('libSourcesHowKey')}</li>
      </ul>
    </div>
  );
}

/** The list, its errors and its undo bar; live, so a page kept in another tab shows up here at once. */
export function SourcesPanel() {
  const { state, refresh, panel } = useLiveList(loadSources, 'data-source-id');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const undo = useUndo({ reload: refresh, onError: setError });

  const fail = useCallback((key: string) => (e: unknown) => setError(t(key, errorText(e))), []);
  const read = (source: SourceListItem): void => {
    setError('');
    request('openReader', { sourceId: source.id }).catch(fail('libOpenFailed'));
  };
  // The background answers once the page is open; the page is saved again when it has loaded, in its tab.
  const update = (source: SourceListItem): void => {
    setError('');
    request('refreshSource', { id: source.id }).then(
      () => setStatus(t('libSourceUpdating', source.title)),
      fail('libUpdateFailed'),
    );
  };
  const remove = async (source: SourceListItem): Promise<void> => {
    setError('');
    const ids = state.status === 'ready' ? state.value.map((s) => s.id) : [];
    const isDeleted = await undo.remove(() => request('deleteSource', { id: source.id }), {
      message: t('libSourceDeleted'),
      restore: () => request('restoreSource', { id: source.id }),
      onRestored: () => focusRowSoon('sourceId', source.id),
    });
    if (isDeleted) focusRowSoon('sourceId', neighbourOf(ids, source.id));
  };

  return (
    <section class="library-panel" aria-labelledby="library-sources-heading" ref={panel}>
      <h2 id="library-sources-heading">{t('libSourcesHeading')}</h2>
      <p class="dashboard-error" role="alert">
        {error}
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: not every screen reader announces <output> as a live region. */}
      <p class="library-status" role="status">
        {status}
      </p>
      <LoadNotice state={state} onRetry={refresh} />
      {state.status === 'ready' && state.value.length === 0 && <EmptySources />}
      {state.status === 'ready' && state.value.length > 0 && (
        <ul class="library-list">
          {state.value.map((source) => (
            <SourceItem
              key={source.id}
              source={source}
              onRead={read}
              onUpdate={update}
              onDelete={(source) => void remove(source)}
            />
          ))}
        </ul>
      )}
      <UndoBar offer={undo.latest} onUndo={undo.undo} onExpire={undo.expire} />
    </section>
  );
}
