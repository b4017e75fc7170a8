/** Text field: the reader's name, written as the creator of the notes they export (optional). */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { CREATOR_NAME_MAX, tidyCreatorName } from '../../shared/settings';

/** Props of `CreatorNameField`. */
export interface CreatorNameFieldProps {
  value: string;
  /** Called with the tidied name when the reader leaves the field or presses Enter, if it changed. */
  onCommit: (value: string) => void;
}

/**
 * The typed text is shown as typed, but saved only when the reader is done with it (`change`, or Enter):
 * `storage.sync` allows only about two writes a second, and half a name is not worth saving.
 */
export function CreatorNameField({ value, onCommit }: CreatorNameFieldProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = (typed: string): void => {
    const name = tidyCreatorName(typed);
    setDraft(name);
    if (name !== value) onCommit(name);
  };
  return (
    <div class="field">
      <label for="creator-name" class="field-label">
        {t('optionsCreatorName')}
      </label>
      <input
        id="creator-name"
        name="creatorName"
        type="text"
        maxLength={CREATOR_NAME_MAX}
        autocomplete="name"
        spellcheck={false}
        value={draft}
        aria-describedby="creator-name-hint"
        onInput={(event) => setDraft(event.currentTarget.value)}
        onChange={(event) => commit(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(event.currentTarget.value);
        }}
      />
      <p id="creator-name-hint" class="hint">
        {t('optionsCreatorNameHint')}
      </p>
    </div>
  );
}
