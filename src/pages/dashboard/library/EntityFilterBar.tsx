/** The Entities tab's filters: a text box (name and aliases), the type and the origin. */
import { entityTypeLabel } from '../../../platform/entity-type-label';
import { t } from '../../../platform/i18n';
import { ENTITY_TYPES, type EntityType } from '../../../shared/kb-types';
import type { EntityFilters, OriginFilter } from './entity-filters';

/** Props of `EntityFilterBar`. */
export interface EntityFilterBarProps {
  filters: EntityFilters;
  onChange: (patch: Partial<EntityFilters>) => void;
}

const ORIGINS: Array<{ value: OriginFilter; key: string }> = [
  { value: '', key: 'libFilterAnyOrigin' },
  { value: 'builtin', key: 'libOriginBuiltin' },
  { value: 'user', key: 'libOriginUser' },
  { value: 'edited', key: 'libOriginEdited' },
  { value: 'hidden', key: 'libOriginHidden' },
];

const value = (event: Event): string => (event.currentTarget as HTMLInputElement).value;

/** Same look as the notes filters. */
export function EntityFilterBar({ filters, onChange }: EntityFilterBarProps) {
  return (
    <div class="dashboard-filters entity-filters">
      <div class="filter filter-search">
        <label for="entity-search">{t('libFilterText')}</label>
        <input
          id="entity-search"
          type="search"
          value={filters.text}
          onInput={(e) => onChange({ text: value(e) })}
        />
      </div>
      <div class="filter">
        <label for="entity-type-filter">{t('libFilterType')}</label>
        <select
          id="entity-type-filter"
          value={filters.type}
          onChange={(e) => onChange({ type: value(e) as EntityType | '' })}
        >
          <option value="">{t('libFilterAnyType')}</option>
          {ENTITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {entityTypeLabel(type)}
            </option>
          ))}
        </select>
      </div>
      <div class="filter">
        <label for="entity-origin-filter">{t('libFilterOrigin')}</label>
        <select
          id="entity-origin-filter"
          value={filters.origin}
          onChange={(e) => onChange({ origin: value(e) as OriginFilter })}
        >
          {ORIGINS.map((origin) => (
            <option key={origin.value} value={origin.value}>
              {t(origin.key)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
