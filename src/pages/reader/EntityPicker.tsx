/** The reader's toolbar: which entity's mentions are marked in the article. */
import { t, tCount } from '../../platform/i18n';
import type { EntitySummary } from '../../shared/kb-types';

/** Props of `EntityPicker`. */
export interface EntityPickerProps {
  entities: readonly EntitySummary[];
  /** Mentions per entity in this article. */
  counts: ReadonlyMap<string, number>;
  /** Selected entity id, or '' for none. */
  value: string;
  markedCount: number;
  onChange: (entityId: string) => void;
}

/**
 * A native `<select>` (keyboard and screen readers handle it well) listing the entities this article
 * mentions, by name. The marked count is a polite live region so a change of entity is confirmed aloud.
 */
export function EntityPicker({ entities, counts, value, markedCount, onChange }: EntityPickerProps) {
  const listed = entities
    .filter((e) => (counts.get(e.id) ?? 0) > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div class="reader-toolbar">
      <label for="entity-picker">{t('readerEntityPicker')}</label>
      <select id="entity-picker" value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">{t('readerNoEntity')}</option>
        {listed.map((entity) => (
          <option key={entity.id} value={entity.id}>
            {t('readerEntityOption', [entity.name, tCount('mentionCount', counts.get(entity.id) ?? 0)])}
          </option>
        ))}
      </select>
      <output class="reader-marked" aria-live="polite">
        {value ? tCount('markedCount', markedCount) : ''}
      </output>
    </div>
  );
}
