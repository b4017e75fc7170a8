/** The source reader: one knowledge-base article in full, with one entity's mentions marked. */
import { useMemo } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { parseReaderParams } from '../../shared/reader-url';
import { Notice } from '../shared/Notice';
import { SourceLinks } from '../shared/SourceLinks';
import { useAsync } from '../shared/use-async';
import { Article } from './Article';
import { loadSource } from './load-source';

/** Props of `ReaderApp`. */
export interface ReaderAppProps {
  /** The page's query string: `?source=<id>&entity=<id>&passage=<id>`. */
  search: string;
}

/** Reads the address once; later entity changes rewrite it with `history.replaceState` without reloading. */
export function ReaderApp({ search }: ReaderAppProps) {
  const target = useMemo(() => parseReaderParams(search), [search]);
  const sourceId = target?.sourceId ?? '';
  const { state } = useAsync(() => loadSource(sourceId), sourceId);

  if (state.status === 'loading') {
    return <main class="reader">{<Notice>{t('readerLoading')}</Notice>}</main>;
  }
  if (state.status === 'error') {
    return (
      <main class="reader">
        <Notice kind="error">{t('readerError', state.error)}</Notice>
      </main>
    );
  }
  if (state.value.kind === 'unknown') {
    return (
      <main class="reader">
        <h1>{t('readerTitle')}</h1>
        <Notice kind="error">{sourceId ? t('readerUnknownSource', sourceId) : t('readerNoSource')}</Notice>
        {state.value.sources.length > 0 && (
          <>
            <p>{t('readerKnownSources')}</p>
            <SourceLinks sources={state.value.sources} />
          </>
        )}
      </main>
    );
  }
  return (
    <Article
      view={state.value.view}
      initialEntityId={target?.entityId}
      initialPassageId={target?.passageId}
    />
  );
}
