/** The Entities tab's filters: by type, by origin, and by text in the name or an alias. */
import type { EntityType } from '../../../shared/kb-types';
import type { EntityListItem } from '../../../shared/library/library-types';

/** Which entities show, by where they come from and what the reader did to them. */
export type OriginFilter = '' | 'builtin' | 'user' | 'edited' | 'hidden';

/** Every filter; an empty string means "any". */
export interface EntityFilters {
  type: EntityType | '';
  origin: OriginFilter;
  text: string;
}

/** No filter set. */
export const NO_ENTITY_FILTERS: EntityFilters = { type: '', origin: '', text: '' };

const fold = (text: string): string => text.toLocaleLowerCase().trim();

/** Whether `text` (case ignored) is part of the entity's name or of one of its aliases. */
export function matchesEntityText(entity: EntityListItem, text: string): boolean {
  const needle = fold(text);
  if (!needle) return true;
  return fold(entity.name).includes(needle) || entity.aliases.some((alias) => fold(alias).includes(needle));
}

function matchesOrigin(entity: EntityListItem, origin: OriginFilter): boolean {
  switch (origin) {
    case '':
      return true;
    case 'builtin':
    case 'user':
      return entity.origin === origin;
    case 'edited':
      return entity.isEdited;
    case 'hidden':
      return entity.isHidden;
  }
}

/** The entities passing every filter, in the order given. */
export function filterEntities(
  entities: readonly EntityListItem[],
  filters: EntityFilters,
): EntityListItem[] {
  return entities.filter(
    (entity) =>
      (!filters.type || entity.type === filters.type) &&
      matchesOrigin(entity, filters.origin) &&
      matchesEntityText(entity, filters.text),
  );
}
