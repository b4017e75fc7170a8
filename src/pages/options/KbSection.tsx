/** Read-only view of the knowledge base: its source articles and how many entities it knows. */
import { t, tCount } from '../../platform/i18n';
import { request } from '../../platform/messaging';
import { Notice } from '../shared/Notice';
import { SourceLinks } from '../shared/SourceLinks';
import { useAsync } from '../shared/use-async';

/** Lists the sources (each opening in the reader) and the number of entities, from `listKb`. */
export function KbSection() {
  const { state } = useAsync(() => request('listKb', {}), 'kb');
  return (
    <section class="options-section" aria-labelledby="kb-heading">
      <h2 id="kb-heading">{t('optionsKb')}</h2>
      {state.status === 'loading' && <Notice>{t('optionsKbLoading')}</Notice>}
      {state.status === 'error' && <Notice kind="error">{t('optionsKbError', state.error)}</Notice>}
      {state.status === 'ready' && (
        <>
          <p>
            {t('optionsKbSummary', [
              tCount('entityCount', state.value.entities.length),
              tCount('sourceCount', state.value.sources.length),
            ])}
          </p>
          <h3>{t('optionsKbSources')}</h3>
          <SourceLinks sources={state.value.sources} isNewTab />
        </>
      )}
    </section>
  );
}
