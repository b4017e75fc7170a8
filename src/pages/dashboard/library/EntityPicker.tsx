/** Choosing an existing entity by typing part of its name or an alias (related entities, "Merge into…"). */
import { useMemo, useState } from 'preact/hooks';
import { entityTypeLabel } from '../../../platform/entity-type-label';
import type { EntityListItem } from '../../../shared/library/library-types';
import { matchesEntityText } from './entity-filters';

/** Props of `EntityPicker`. */
export interface EntityPickerProps {
  /** Unique in the page: labels the box. */
  id: string;
  label: string;
  entities: readonly EntityListItem[];
  /** Entities not to offer (the entity itself, those already chosen). */
  excludeIds?: ReadonlySet<string>;
  onPick: (entity: EntityListItem) => void;
}

/** At most this many matches are offered; typing more narrows them. */
const MAX_MATCHES = 8;

/** A box and, once something is typed, a short list of buttons: simple to use with a keyboard. */
export function EntityPicker({ id, label, entities, excludeIds, onPick }: EntityPickerProps) {
  const [text, setText] = useState('');
  const matches = useMemo(() => {
    if (!text.trim()) return [];
    return entities
      .filter((entity) => !excludeIds?.has(entity.id) && matchesEntityText(entity, text))
      .slice(0, MAX_MATCHES);
  }, [entities, excludeIds, text]);
  return (
    <div class="entity-picker">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="search"
        autocomplete="off"
        value={text}
        onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          // Escape first empties the box; only an empty box lets it reach the form (which then cancels).
          if (e.key !== 'Escape' || !text) return;
          e.preventDefault();
          e.stopPropagation();
          setText('');
        }}
      />
      {matches.length > 0 && (
        <ul class="entity-picker-matches">
          {matches.map((entity) => (
            <li key={entity.id}>
              <button
                type="button"
                onClick={() => {
                  setText('');
                  onPick(entity);
                }}
              >
                {entity.name} ({entityTypeLabel(entity.type)})
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
