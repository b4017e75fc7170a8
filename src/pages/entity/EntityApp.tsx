/**
 * The entity page: one entity with everything Gloss knows of it: what it is, every passage quoting it,
 * the reader's notes about it and on passages naming it, related entities, and where it was seen.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { request } from '../../platform/messaging';
import { parseEntityId } from '../../shared/entity-url';
import { Notice } from '../shared/Notice';
import { useAsync } from '../shared/use-async';
import { EntityHeader } from './EntityHeader';
import { HistorySection } from './HistorySection';
import { NotesSection } from './NotesSection';
import { PassagesSection } from './PassagesSection';
import { RelatedSection } from './RelatedSection';
import { useLiveRefresh } from './use-live-refresh';

/** Props of `EntityApp`. */
export interface EntityAppProps {
  /** The page's query string: `?id=<entity id>`. */
  search: string;
}

/** Loads the entity named in the address and keeps it live. */
export function EntityApp({ search }: EntityAppProps) {
  const id = useMemo(() => parseEntityId(search), [search]);
  const { state, refresh } = useAsync(
    () => (id ? request('getEntityPage', { id }) : Promise.reject(new Error(t('entityPageNoId')))),
    id,
  );
  useLiveRefresh(refresh);
  const name = state.status === 'ready' ? state.value.entity.name : undefined;
  useEffect(() => {
    if (name) document.title = name;
  }, [name]);

  if (state.status === 'loading')
    return (
      <main class="entity-page">
        <Notice>{t('entityPageLoading')}</Notice>
      </main>
    );
  if (state.status === 'error')
    return (
      <main class="entity-page">
        <h1>{t('entityPageTitle')}</h1>
        <Notice kind="error">{state.error}</Notice>
      </main>
    );
  const data = state.value;
  return (
    <main class="entity-page" data-entity-id={data.entity.id}>
      <EntityHeader entity={data.entity} />
      <PassagesSection entity={data.entity} passages={data.passages} />
      <NotesSection
        entityName={data.entity.name}
        notesAbout={data.notesAbout}
        notesMentioning={data.notesMentioning}
      />
      <RelatedSection related={data.related} />
      <HistorySection history={data.history} />
    </main>
  );
}
