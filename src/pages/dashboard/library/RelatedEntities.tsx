/** The related entities of the entity form: chosen ones as removable chips, and a picker to add more. */
import { useMemo } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import type { EntityListItem } from '../../../shared/library/library-types';
import { EntityPicker } from './EntityPicker';

/** Props of `RelatedEntities`. */
export interface RelatedEntitiesProps {
  ids: string[];
  entities: readonly EntityListItem[];
  /** The entity being edited, which cannot be related to itself. */
  selfId?: string;
  /** Gets a function of the latest ids, so two quick picks never work from the same stale list. */
  onChange: (update: (ids: string[]) => string[]) => void;
}

/** An id the list does not know (an entity deleted since) is shown as it is, and can be removed. */
export function RelatedEntities({ ids, entities, selfId, onChange }: RelatedEntitiesProps) {
  const names = useMemo(() => new Map(entities.map((entity) => [entity.id, entity.name])), [entities]);
  const excluded = useMemo(() => new Set(selfId ? [...ids, selfId] : ids), [ids, selfId]);
  return (
    <fieldset class="entity-form-related">
      <legend>{t('libFormRelated')}</legend>
      {ids.length > 0 && (
        <ul class="related-chips">
          {ids.map((id) => (
            <li key={id}>
              <span>{names.get(id) ?? id}</span>{' '}
              <button
                type="button"
                aria-label={t('libFormRemoveRelated', names.get(id) ?? id)}
                onClick={() => onChange((current) => current.filter((other) => other !== id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <EntityPicker
        id="entity-form-related"
        label={t('libFormAddRelated')}
        entities={entities}
        excludeIds={excluded}
        onPick={(entity) => onChange((current) => [...current, entity.id])}
      />
    </fieldset>
  );
}
