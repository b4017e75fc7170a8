/**
 * The Entities tab: every entity (built-in and the reader's, hidden ones too), filtered, shown a page at a time
 * so 5,000 render without a freeze, with the entity form, the row actions, and glossary import and export.
 * Live (use-live-list.ts): the list follows changes made elsewhere while the filters, the rows shown, the
 * open form and its draft stay; the form says when its entity changed or was deleted elsewhere.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, tCount, tNumber } from '../../../platform/i18n';
import { request } from '../../../platform/messaging';
import type { EntityInput, EntityListItem } from '../../../shared/library/library-types';
import { entityToEdit } from '../../shared/dashboard-url';
import { errorText } from '../../shared/error-text';
import { Notice } from '../../shared/Notice';
import { EntityFilterBar } from './EntityFilterBar';
import { BLANK_ENTITY, EntityForm } from './EntityForm';
import { EntityItem } from './EntityItem';
import { type EntityFilters, filterEntities, NO_ENTITY_FILTERS } from './entity-filters';
import { focusRowSoon, neighbourOf } from './focus-row';
import { GlossaryTools } from './GlossaryTools';
import { LoadNotice } from './LoadNotice';
import { UndoBar } from './UndoBar';
import { useChangedElsewhere } from './use-changed-elsewhere';
import { useLiveList } from './use-live-list';
import { useUndo } from './use-undo';

/** How many rows are rendered at first, and added by each "Show more". */
export const ENTITY_PAGE_SIZE = 200;

/** The form while it is open: the entity it starts from, and what Save sends. */
interface OpenForm {
  heading: string;
  initial: EntityInput;
  /** The entity being edited; none for a new one. */
  id?: string;
}

const loadEntities = () => request('listEntities', {});
const searchBox = (): HTMLElement | null => document.getElementById('entity-search');

/** The panel. */
export function EntitiesPanel() {
  const { state, refresh, panel } = useLiveList(loadEntities, 'data-entity-id');
  const [filters, setFilters] = useState<EntityFilters>(NO_ENTITY_FILTERS);
  const [limit, setLimit] = useState(ENTITY_PAGE_SIZE);
  const [form, setForm] = useState<OpenForm | undefined>();
  const [error, setError] = useState('');
  const undo = useUndo({ reload: refresh, onError: setError });
  const entities = state.status === 'ready' ? state.value : [];
  const visible = useMemo(() => filterEntities(entities, filters), [entities, filters]);
  const isChangedElsewhere = useChangedElsewhere(form?.id, form?.initial, state);
  const isGoneElsewhere =
    form?.id !== undefined && state.status === 'ready' && !entities.some((e) => e.id === form.id);

  const changeFilters = (patch: Partial<EntityFilters>): void => {
    setFilters((current) => ({ ...current, ...patch }));
    setLimit(ENTITY_PAGE_SIZE);
  };
  const act = useCallback(
    async (key: string, action: () => Promise<unknown>): Promise<void> => {
      setError('');
      try {
        await action();
      } catch (e) {
        setError(t(key, errorText(e)));
      }
      await refresh();
    },
    [refresh],
  );

  const edit = (entity: EntityListItem): void => {
    setError('');
    request('getEntity', { id: entity.id }).then(
      (detail) =>
        setForm({ heading: t('libFormEditHeading', entity.name), initial: detail.entity, id: entity.id }),
      (e: unknown) => setError(t('libLoadFailed', errorText(e))),
    );
  };
  // `?edit=<id>` (the entity page's Edit link) opens that entity's form once the list is there, once.
  const deepLink = useRef(entityToEdit(location.search));
  useEffect(() => {
    const id = deepLink.current;
    if (!id || state.status !== 'ready') return;
    deepLink.current = '';
    const entity = entities.find((e) => e.id === id);
    if (entity) edit(entity);
    else setError(t('libEditMissing'));
  });
  // Closing the form puts focus back on the entity's row (the one edited or just made), else the list's top.
  const newEntityButton = (): HTMLElement | null => document.querySelector('.library-new-entity');
  const save = async (entity: EntityInput): Promise<void> => {
    const saved = form?.id
      ? await request('updateEntity', { id: form.id, entity })
      : await request('createEntity', { entity });
    setForm(undefined);
    await refresh();
    focusRowSoon('entityId', saved.id, newEntityButton);
  };
  const cancel = (): void => {
    const id = form?.id;
    setForm(undefined);
    focusRowSoon('entityId', id, newEntityButton);
  };
  const actions = {
    onEdit: edit,
    onToggleHidden: (entity: EntityListItem) =>
      void act('libActionFailed', () =>
        request('setEntityHidden', { id: entity.id, isHidden: !entity.isHidden }),
      ),
    onReset: (entity: EntityListItem) => {
      if (!window.confirm(t('libResetConfirm', entity.name))) return;
      void act('libActionFailed', () => request('resetEntity', { id: entity.id }));
    },
    onDelete: async (entity: EntityListItem) => {
      setError('');
      const ids = visible.slice(0, limit).map((e) => e.id);
      const isDeleted = await undo.remove(() => request('deleteEntity', { id: entity.id }), {
        message: t('libEntityDeleted'),
        restore: () => request('restoreEntity', { id: entity.id }),
        onRestored: () => focusRowSoon('entityId', entity.id),
      });
      if (isDeleted) focusRowSoon('entityId', neighbourOf(ids, entity.id), searchBox);
    },
  };

  return (
    <section class="library-panel" aria-labelledby="library-entities-heading" ref={panel}>
      <div class="library-panel-head">
        <h2 id="library-entities-heading">{t('libEntitiesHeading')}</h2>
        <button
          type="button"
          class="library-new-entity"
          onClick={() => setForm({ heading: t('libFormNewHeading'), initial: BLANK_ENTITY })}
        >
          {t('libNewEntity')}
        </button>
      </div>
      <GlossaryTools onImported={refresh} />
      {form && (isGoneElsewhere || isChangedElsewhere) && (
        <p class={isGoneElsewhere ? 'dashboard-error' : 'hint'} role={isGoneElsewhere ? 'alert' : 'status'}>
          {isGoneElsewhere ? t('liveEntityDeletedElsewhere') : t('liveEntityChangedElsewhere')}
        </p>
      )}
      {form && (
        <EntityForm
          key={form.id ?? 'new'}
          heading={form.heading}
          initial={form.initial}
          entities={entities}
          selfId={form.id}
          onSave={save}
          onCancel={cancel}
        />
      )}
      <p class="dashboard-error" role="alert">
        {error}
      </p>
      <LoadNotice state={state} onRetry={refresh} />
      {state.status === 'ready' && (
        <>
          <EntityFilterBar filters={filters} onChange={changeFilters} />
          {/* biome-ignore lint/a11y/useSemanticElements: not every screen reader announces <output> as a live region. */}
          <p class="library-count-line" role="status">
            {t('libEntitiesShowing', [tNumber(visible.length), tNumber(entities.length)])}
          </p>
          {visible.length === 0 && <Notice>{t('libEntitiesNoMatch')}</Notice>}
          <ul class="library-list">
            {visible.slice(0, limit).map((entity) => (
              <EntityItem key={entity.id} entity={entity} {...actions} />
            ))}
          </ul>
          {visible.length > limit && (
            <button type="button" onClick={() => setLimit(limit + ENTITY_PAGE_SIZE)}>
              {tCount('libShowMore', Math.min(ENTITY_PAGE_SIZE, visible.length - limit))}
            </button>
          )}
        </>
      )}
      <UndoBar offer={undo.latest} onUndo={undo.undo} onExpire={undo.expire} />
    </section>
  );
}
