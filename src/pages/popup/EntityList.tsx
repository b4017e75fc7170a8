/** The entities found on the tab, each expanding to its card. */
import { useEffect, useState } from 'preact/hooks';
import { entityTypeLabel } from '../../platform/entity-type-label';
import { tCount } from '../../platform/i18n';
import type { TabEntityCount } from '../../shared/protocol';
import { tintStyle } from '../shared/tint-style';
import { EntityCardPanel } from './EntityCardPanel';
import { OtherEntityPanel } from './OtherEntityPanel';

/** Props of `EntityList`. */
export interface EntityListProps {
  /** Already sorted, most mentioned first. */
  entities: readonly TabEntityCount[];
}

/** DOM id of an entity's row button; entity ids are slugs, so they are safe inside an id. */
const rowId = (entityId: string): string => `entity-row-${entityId}`;

/**
 * A disclosure list: each row is a button (so Enter and Space work natively) with `aria-expanded`. One card
 * is open at a time, which keeps a 360px popup readable. Choosing a related entity opens that entity's
 * card: in its row when it is on the page, otherwise in a panel below the list; focus follows either way.
 */
export function EntityList({ entities }: EntityListProps) {
  const [expandedId, setExpandedId] = useState<string | undefined>();
  const [focusId, setFocusId] = useState<string | undefined>();
  const [cameFrom, setCameFrom] = useState<string | undefined>();
  const isOnPage = (id: string | undefined): boolean => entities.some((e) => e.id === id);

  useEffect(() => {
    if (!focusId) return;
    const target = document.getElementById(isOnPage(focusId) ? rowId(focusId) : 'other-entity');
    target?.focus({ preventScroll: true });
    target?.scrollIntoView({ block: 'nearest' });
    setFocusId(undefined);
  });

  const selectRelated = (entityId: string): void => {
    // Remember the on-page card the reader came from, so closing an off-page card goes back to it.
    if (isOnPage(expandedId) && !isOnPage(entityId)) setCameFrom(expandedId);
    setExpandedId(entityId);
    setFocusId(entityId);
  };

  const closeOther = (): void => {
    setExpandedId(cameFrom);
    setFocusId(cameFrom ?? entities[0]?.id);
  };

  return (
    <>
      <ul class="entity-list">
        {entities.map((entity) => {
          const isExpanded = entity.id === expandedId;
          return (
            <li key={entity.id} class="entity-item" data-entity-id={entity.id}>
              <button
                type="button"
                id={rowId(entity.id)}
                class="entity-row"
                aria-expanded={isExpanded}
                aria-controls={isExpanded ? `entity-card-${entity.id}` : undefined}
                onClick={() => setExpandedId(isExpanded ? undefined : entity.id)}
              >
                <span class="entity-swatch" aria-hidden="true" style={tintStyle(entity.type)} />
                <span class="entity-name">{entity.name}</span>
                <span class="entity-type">{entityTypeLabel(entity.type)}</span>
                <span class="entity-count">
                  <span aria-hidden="true">{entity.count}</span>
                  <span class="visually-hidden">{tCount('mentionCount', entity.count)}</span>
                </span>
              </button>
              {isExpanded && (
                <section id={`entity-card-${entity.id}`} class="entity-card" aria-label={entity.name}>
                  <EntityCardPanel entityId={entity.id} onSelectEntity={selectRelated} />
                </section>
              )}
            </li>
          );
        })}
      </ul>
      {expandedId && !isOnPage(expandedId) && (
        <OtherEntityPanel
          id="other-entity"
          entityId={expandedId}
          onSelectEntity={selectRelated}
          onClose={closeOther}
        />
      )}
    </>
  );
}
