/** One entity in the Entities tab: its name, kind, where it comes from, aliases, and what can be done to it. */
import { useId, useState } from 'preact/hooks';
import { entityTypeLabel } from '../../../platform/entity-type-label';
import { t, tCount } from '../../../platform/i18n';
import { request } from '../../../platform/messaging';
import type { EntityListItem } from '../../../shared/library/library-types';
import { errorText } from '../../shared/error-text';
import { Notice } from '../../shared/Notice';
import { EntityQuotes } from './EntityQuotes';

/** What the row's buttons do; the panel does the requests. */
export interface EntityActions {
  onEdit: (entity: EntityListItem) => void;
  onToggleHidden: (entity: EntityListItem) => void;
  onReset: (entity: EntityListItem) => void;
  onDelete: (entity: EntityListItem) => void | Promise<void>;
}

/** Props of `EntityItem`. */
export interface EntityItemProps extends EntityActions {
  entity: EntityListItem;
}

/** The origin badges: built-in or the reader's, and whether it was edited or hidden. */
function Badges({ entity }: { entity: EntityListItem }) {
  return (
    <>
      <span class={`library-badge is-${entity.origin}`}>
        {entity.origin === 'user' ? t('libOriginUser') : t('libOriginBuiltin')}
      </span>
      {entity.isEdited && <span class="library-badge is-edited">{t('libOriginEdited')}</span>}
      {entity.isHidden && <span class="library-badge is-hidden">{t('libOriginHidden')}</span>}
    </>
  );
}

/** Reset is offered only for an edited built-in entity, Delete only for the reader's own. */
export function EntityItem({ entity, onEdit, onToggleHidden, onReset, onDelete }: EntityItemProps) {
  const [isQuotesOpen, setIsQuotesOpen] = useState(false);
  const [openError, setOpenError] = useState('');
  const openPage = (): void => {
    setOpenError('');
    request('openEntityPage', { id: entity.id }).then(
      () => undefined,
      (e: unknown) => setOpenError(errorText(e)),
    );
  };
  const quotesId = `entity-quotes-${entity.id}`;
  const titleId = useId();
  return (
    <li class="library-item" data-entity-id={entity.id}>
      <h3 class="library-item-title" id={titleId}>
        {entity.name}
      </h3>
      <p class="library-item-meta">
        <span class="entity-type">{entityTypeLabel(entity.type)}</span>
        <Badges entity={entity} />
        <span class="library-count">{tCount('libPassageCount', entity.passageCount)}</span>
      </p>
      {entity.aliases.length > 0 && <p class="library-aliases">{entity.aliases.join(', ')}</p>}
      {/* The item's buttons as a group named by its title: "Accept" alone would not say which. */}
      <fieldset class="library-actions" aria-labelledby={titleId}>
        <button type="button" onClick={() => onEdit(entity)}>
          {t('libEdit')}
        </button>
        <button type="button" onClick={() => onToggleHidden(entity)}>
          {entity.isHidden ? t('libShow') : t('libHide')}
        </button>
        {entity.isEdited && (
          <button type="button" onClick={() => onReset(entity)}>
            {t('libReset')}
          </button>
        )}
        {entity.origin === 'user' && (
          <button type="button" onClick={() => void onDelete(entity)}>
            {t('libDelete')}
          </button>
        )}
        <button
          type="button"
          aria-expanded={isQuotesOpen}
          aria-controls={quotesId}
          onClick={() => setIsQuotesOpen(!isQuotesOpen)}
        >
          {t('libQuotes')}
        </button>
        <button type="button" onClick={openPage}>
          {t('entityPageOpenPage')}
        </button>
      </fieldset>
      {openError && <Notice kind="error">{t('entityPageOpenFailed', openError)}</Notice>}
      <div id={quotesId}>{isQuotesOpen && <EntityQuotes entityId={entity.id} />}</div>
    </li>
  );
}
