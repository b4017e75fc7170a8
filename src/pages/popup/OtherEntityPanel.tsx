/** The card of an entity that is not on this page, reached through a card's "Related" list. */
import { t } from '../../platform/i18n';
import { EntityCardPanel } from './EntityCardPanel';

/** Props of `OtherEntityPanel`. */
export interface OtherEntityPanelProps {
  /** DOM id, so the list can move focus here when the panel opens. */
  id: string;
  entityId: string;
  onSelectEntity: (entityId: string) => void;
  onClose: () => void;
}

/**
 * Shown below the list rather than inside it, since the entity has no row (it was not found on the page).
 * Focusable (`tabindex=-1`) so keyboard and screen-reader users land on it when it opens.
 */
export function OtherEntityPanel({ id, entityId, onSelectEntity, onClose }: OtherEntityPanelProps) {
  return (
    <section id={id} class="entity-card other-entity" tabIndex={-1} aria-labelledby={`${id}-heading`}>
      <div class="other-entity-bar">
        <h2 id={`${id}-heading`} class="other-entity-heading">
          {t('popupNotOnPage')}
        </h2>
        <button type="button" class="link-button" onClick={onClose}>
          {t('popupBackToList')}
        </button>
      </div>
      <EntityCardPanel entityId={entityId} onSelectEntity={onSelectEntity} />
    </section>
  );
}
