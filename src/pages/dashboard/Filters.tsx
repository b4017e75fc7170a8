/** The Notes tab's filter box and menus above the list (the search across everything is the bar on top). */
import type { ComponentChildren } from 'preact';
import { t } from '../../platform/i18n';
import { NOTE_COLORS, type NoteColor } from '../../shared/notes/note-types';
import { colorLabel } from './ColorSwatch';
import type { FilterChoices, NoteFilters } from './note-filters';

/** Props of `Filters`. */
export interface FiltersProps {
  filters: NoteFilters;
  choices: FilterChoices;
  /** Whether any note was not found on its page; the "only those" box is offered only then. */
  hasOrphans: boolean;
  onChange: (patch: Partial<NoteFilters>) => void;
}

/** Props of `FilterSelect`. */
interface FilterSelectProps {
  id: string;
  label: string;
  value: string;
  /** How many choices the menu has besides "any"; with none there is nothing to choose. */
  choiceCount: number;
  onChange: (value: string) => void;
  children: ComponentChildren;
}

/** A labelled menu whose first choice, "any", clears that filter; disabled while it offers nothing else. */
function FilterSelect({ id, label, value, choiceCount, onChange, children }: FilterSelectProps) {
  return (
    <div class="filter">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={choiceCount === 0}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        <option value="">{t('dashboardAny')}</option>
        {children}
      </select>
    </div>
  );
}

/**
 * A value from the address may name a site or tag no note has any more; it is still offered, or the menu
 * would show "Any" while the list stays filtered by it.
 */
const withCurrent = (values: readonly string[], current: string): string[] =>
  current && !values.includes(current) ? [current, ...values] : [...values];

/** Every control filters as it changes; there is nothing to submit. */
export function Filters({ filters, choices, hasOrphans, onChange }: FiltersProps) {
  const entities =
    filters.entityId && !choices.entities.some((e) => e.id === filters.entityId)
      ? [{ id: filters.entityId, name: filters.entityId }, ...choices.entities]
      : choices.entities;
  const sites = withCurrent(choices.sites, filters.site);
  const tags = withCurrent(choices.tags, filters.tag);
  return (
    <search class="dashboard-filters">
      <div class="filter filter-search">
        <label for="note-search">{t('searchFilterNotes')}</label>
        <input
          id="note-search"
          type="search"
          value={filters.query}
          autocomplete="off"
          onInput={(event) => onChange({ query: event.currentTarget.value })}
        />
      </div>
      <FilterSelect
        id="filter-site"
        label={t('dashboardSite')}
        value={filters.site}
        choiceCount={sites.length}
        onChange={(site) => onChange({ site })}
      >
        {sites.map((site) => (
          <option key={site} value={site}>
            {site}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        id="filter-entity"
        label={t('dashboardEntity')}
        value={filters.entityId}
        choiceCount={entities.length}
        onChange={(entityId) => onChange({ entityId })}
      >
        {entities.map((entity) => (
          <option key={entity.id} value={entity.id}>
            {entity.name}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        id="filter-color"
        label={t('dashboardColor')}
        value={filters.color}
        choiceCount={NOTE_COLORS.length}
        onChange={(color) => onChange({ color: color as NoteColor | '' })}
      >
        {NOTE_COLORS.map((color) => (
          <option key={color} value={color}>
            {colorLabel(color)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        id="filter-tag"
        label={t('dashboardTag')}
        value={filters.tag}
        choiceCount={tags.length}
        onChange={(tag) => onChange({ tag })}
      >
        {tags.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </FilterSelect>
      <label class="choice filter-orphans">
        <input
          type="checkbox"
          checked={filters.isOrphanOnly}
          disabled={!hasOrphans && !filters.isOrphanOnly}
          onChange={(event) => onChange({ isOrphanOnly: event.currentTarget.checked })}
        />
        <span>{t('dashboardOrphansOnly')}</span>
      </label>
    </search>
  );
}
