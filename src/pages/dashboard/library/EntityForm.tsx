/**
 * The entity form, for a new entity, an edit, and an accepted suggestion. Nothing typed is lost when saving
 * fails: the form stays open with the background's message beside Save. Escape cancels, asking first when
 * something changed.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { entityTypeLabel } from '../../../platform/entity-type-label';
import { t } from '../../../platform/i18n';
import { ENTITY_TYPES, type EntityType } from '../../../shared/kb-types';
import type { EntityInput, EntityListItem } from '../../../shared/library/library-types';
import { errorText } from '../../shared/error-text';
import { AliasRows } from './AliasRows';
import {
  aliasNotice,
  draftFromInput,
  draftProblems,
  draftSignature,
  type EntityDraft,
  emptyAlias,
  inputFromDraft,
} from './entity-draft';
import { LinkRows } from './LinkRows';
import { RelatedEntities } from './RelatedEntities';

/** Props of `EntityForm`. */
export interface EntityFormProps {
  /** The form's heading ("New entity", "Edit Cicada"). */
  heading: string;
  initial: EntityInput;
  /** Every entity, for choosing related ones. */
  entities: readonly EntityListItem[];
  selfId?: string;
  /** Sends the entity; throws the background's message when it is refused. */
  onSave: (entity: EntityInput) => Promise<void>;
  onCancel: () => void;
}

/** A blank entity for "New entity". */
export const BLANK_ENTITY: EntityInput = {
  name: '',
  type: 'organisation',
  description: '',
  aliases: [],
  related: [],
  links: [],
};

const value = (event: Event): string => (event.currentTarget as HTMLInputElement).value;

/** The form. Its parent closes it once `onSave` resolves. */
export function EntityForm({ heading, initial, entities, selfId, onSave, onCancel }: EntityFormProps) {
  const [draft, setDraft] = useState<EntityDraft>(() => draftFromInput(initial));
  const start = useMemo(() => draftSignature(draftFromInput(initial)), [initial]);
  const [hasTriedSave, setHasTriedSave] = useState(false);
  const [saveError, setSaveError] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const nameBox = useRef<HTMLInputElement>(null);
  useEffect(() => nameBox.current?.focus(), []);

  // Save and Escape read the latest draft from here: an event right after typing may run before the re-render.
  const latest = useRef(draft);
  const patch = (change: Partial<EntityDraft>): void => {
    latest.current = { ...latest.current, ...change };
    setDraft(latest.current);
  };
  const problems = draftProblems(draft);

  const save = async (event: Event): Promise<void> => {
    event.preventDefault();
    setHasTriedSave(true);
    setSaveError('');
    const current = latest.current;
    if (draftProblems(current).length > 0 || isBusy) return;
    setIsBusy(true);
    try {
      await onSave(inputFromDraft(current));
    } catch (e) {
      setSaveError(errorText(e));
    } finally {
      setIsBusy(false);
    }
  };

  const cancel = (): void => {
    const hasChanged = draftSignature(latest.current) !== start;
    if (hasChanged && !window.confirm(t('libFormDiscard'))) return;
    onCancel();
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    cancel();
  };

  // The name is an alias too: the same policy, unless a row for it already says how it is matched.
  const nameRow = draft.aliases.find((row) => row.text.trim() === draft.name.trim());
  const nameNotice = nameRow ? undefined : aliasNotice({ ...emptyAlias(), text: draft.name });
  return (
    // noValidate: the form checks its fields itself and says why in words (a browser's bubble would block Save).
    <form
      class="entity-form"
      noValidate
      aria-label={heading}
      onSubmit={(e) => void save(e)}
      onKeyDown={onKeyDown}
    >
      <h3>{heading}</h3>
      <div class="entity-form-field">
        <label for="entity-form-name">{t('libFormName')}</label>
        <input
          id="entity-form-name"
          ref={nameBox}
          type="text"
          value={draft.name}
          aria-describedby={nameNotice ? 'entity-form-name-notice' : undefined}
          onInput={(e) => patch({ name: value(e) })}
        />
        {nameNotice && (
          <p id="entity-form-name-notice" class={`name-notice is-${nameNotice.kind}`}>
            {nameNotice.text}
          </p>
        )}
      </div>
      <div class="entity-form-field">
        <label for="entity-form-type">{t('libFormType')}</label>
        <select
          id="entity-form-type"
          value={draft.type}
          onChange={(e) => patch({ type: value(e) as EntityType })}
        >
          {ENTITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {entityTypeLabel(type)}
            </option>
          ))}
        </select>
      </div>
      <div class="entity-form-field">
        <label for="entity-form-description">{t('libFormDescription')}</label>
        <textarea
          id="entity-form-description"
          rows={3}
          value={draft.description}
          onInput={(e) => patch({ description: value(e) })}
        />
      </div>
      <AliasRows
        rows={draft.aliases}
        onChange={(update) => patch({ aliases: update(latest.current.aliases) })}
      />
      <RelatedEntities
        ids={draft.related}
        entities={entities}
        selfId={selfId}
        onChange={(update) => patch({ related: update(latest.current.related) })}
      />
      <LinkRows rows={draft.links} onChange={(update) => patch({ links: update(latest.current.links) })} />
      {hasTriedSave && problems.length > 0 && (
        <ul class="entity-form-problems" role="alert">
          {problems.map((problem) => (
            <li key={`${problem.key}:${problem.sub ?? ''}`}>{t(problem.key, problem.sub ?? '')}</li>
          ))}
        </ul>
      )}
      <div class="entity-form-actions">
        <button type="submit" disabled={isBusy}>
          {t('libFormSave')}
        </button>
        <button type="button" onClick={cancel}>
          {t('libFormCancel')}
        </button>
        <p class="entity-form-error" role="alert">
          {saveError}
        </p>
      </div>
    </form>
  );
}
