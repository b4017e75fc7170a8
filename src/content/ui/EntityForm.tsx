/**
 * The in-page form of "Make this an entity": name (from the selection), "Match case", type, description
 * and other names. The alias policy's notices update as the reader types; a refused name or a refusal from
 * the background shows in the form and nothing typed is lost. Enter saves (in a single-line field), Escape
 * closes; only the reader's own clicks and keys act.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ENTITY_TYPES, type EntityType } from '../../shared/kb-types';
import type { EntityInput } from '../../shared/library/library-types';
import { checkDraft, type EntityDraft, entityInput } from '../entities/entity-draft';
import type { EntityLabels } from '../entities/entity-labels';

/** Props of `EntityForm`. */
export interface EntityFormProps {
  initialName: string;
  labels: EntityLabels;
  /** Creates the entity; resolves to an error to show, or undefined once it is created. */
  onSave: (input: EntityInput) => Promise<string | undefined>;
  onClose: () => void;
}

/** The form. */
export function EntityForm({ initialName, labels, onSave, onClose }: EntityFormProps) {
  const [draft, setDraft] = useState<EntityDraft>({
    name: initialName,
    type: 'organisation',
    description: '',
    aliases: '',
    isCaseSensitive: false,
  });
  const [error, setError] = useState<string | undefined>();
  const [isSaving, setSaving] = useState(false);
  const nameField = useRef<HTMLInputElement>(null);
  const check = useMemo(() => checkDraft(draft), [draft]);
  const set = (patch: Partial<EntityDraft>) => setDraft((d) => ({ ...d, ...patch }));

  useEffect(() => nameField.current?.focus(), []);

  const save = async () => {
    if (isSaving) return;
    const made = entityInput(draft);
    if ('refusal' in made) {
      setError(made.refusal);
      return;
    }
    setSaving(true);
    setError(undefined);
    const failure = await onSave(made.input);
    setSaving(false);
    if (failure) setError(failure);
  };

  return (
    <form
      class="gloss-card gloss-entity-form"
      role="dialog"
      aria-label={labels.formLabel}
      onSubmit={(e) => {
        e.preventDefault();
        if (e.isTrusted) void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && e.isTrusted) {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h2 class="gloss-name">{labels.formLabel}</h2>
      <label class="gloss-field">
        <span class="gloss-label">{labels.name}</span>
        <input
          ref={nameField}
          class="gloss-input"
          name="name"
          type="text"
          value={draft.name}
          onInput={(e) => set({ name: e.currentTarget.value })}
        />
      </label>
      <label class="gloss-field gloss-check">
        <input
          type="checkbox"
          name="matchCase"
          checked={draft.isCaseSensitive}
          onChange={(e) => set({ isCaseSensitive: e.currentTarget.checked })}
        />{' '}
        {labels.matchCase}
      </label>
      {check.notices.length > 0 && (
        <ul class="gloss-notices" aria-live="polite">
          {check.notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <label class="gloss-field">
        <span class="gloss-label">{labels.type}</span>
        <select
          class="gloss-input"
          name="type"
          value={draft.type}
          onChange={(e) => set({ type: e.currentTarget.value as EntityType })}
        >
          {ENTITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {labels.typeLabel(type)}
            </option>
          ))}
        </select>
      </label>
      <label class="gloss-field">
        <span class="gloss-label">{labels.description}</span>
        <textarea
          class="gloss-textarea"
          name="description"
          value={draft.description}
          onInput={(e) => set({ description: e.currentTarget.value })}
        />
      </label>
      <label class="gloss-field">
        <span class="gloss-label">{labels.aliases}</span>
        <input
          class="gloss-input"
          name="aliases"
          type="text"
          value={draft.aliases}
          onInput={(e) => set({ aliases: e.currentTarget.value })}
        />
        <span class="gloss-hint">{labels.aliasesHint}</span>
      </label>
      {error && (
        <p class="gloss-error" role="alert">
          {error}
        </p>
      )}
      <div class="gloss-actions">
        <button type="submit" class="gloss-button gloss-primary" disabled={isSaving}>
          {isSaving ? labels.saving : labels.save}
        </button>
        <button
          type="button"
          class="gloss-button"
          onClick={(e) => {
            if (e.isTrusted) onClose();
          }}
        >
          {labels.cancel}
        </button>
      </div>
    </form>
  );
}
