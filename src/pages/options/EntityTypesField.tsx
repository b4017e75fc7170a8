/** Checkboxes: which kinds of entity are highlighted. */
import { entityTypeLabel } from '../../platform/entity-type-label';
import { t } from '../../platform/i18n';
import { ENTITY_TYPES, type EntityType } from '../../shared/kb-types';

/** Props of `EntityTypesField`. */
export interface EntityTypesFieldProps {
  value: readonly EntityType[];
  /** One type switched on or off; the owner applies it to the latest list (see `withType`). */
  onToggle: (type: EntityType, isOn: boolean) => void;
}

/** `types` with `type` switched on or off, in `ENTITY_TYPES` order so the saved list diffs cleanly. */
export function withType(types: readonly EntityType[], type: EntityType, isOn: boolean): EntityType[] {
  return ENTITY_TYPES.filter((candidate) => (candidate === type ? isOn : types.includes(candidate)));
}

/** One checkbox per type, in `ENTITY_TYPES` order, labelled with the same names cards use. */
export function EntityTypesField({ value, onToggle }: EntityTypesFieldProps) {
  return (
    <fieldset class="field" aria-describedby="entity-types-hint">
      <legend>{t('optionsEntityTypes')}</legend>
      <p id="entity-types-hint" class="hint">
        {t('optionsEntityTypesHint')}
      </p>
      <div class="choice-grid">
        {ENTITY_TYPES.map((type) => (
          <label key={type} class="choice">
            <input
              type="checkbox"
              name="enabledTypes"
              value={type}
              checked={value.includes(type)}
              onChange={(event) => onToggle(type, event.currentTarget.checked)}
            />
            <span>{entityTypeLabel(type)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
