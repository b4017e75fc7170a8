/** Text field: the reader's name, written as the creator of the notes they export (optional). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { CREATOR_NAME_MAX, tidyCreatorName } from '../../shared/settings';

/** Props of `CreatorNameField`. */
export interface CreatorNameFieldProps {
  value: string;
  /** Called with the tidied name once the reader pauses, leaves the field or presses Enter, if it changed. */
  onCommit: (value: string) => void;
}

/** How long typing must pause before the name is saved: `storage.sync` allows about two writes a second. */
export const CREATOR_NAME_SAVE_DELAY_MS = 500;

/**
 * The name is shown as typed and saved once the reader pauses, leaves the field, presses Enter, or leaves
 * the page (closing the tab fires no `change`, and a typed name must not be lost). While the field has
 * focus, a saved value coming back (the tidied name) does not replace what is being typed, so a space
 * between two words is not eaten by a save in the middle.
 */
export function CreatorNameField({ value, onCommit }: CreatorNameFieldProps) {
  const [draft, setDraft] = useState(value);
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ value, onCommit });
  latest.current = { value, onCommit };

  useEffect(() => {
    if (document.activeElement !== input.current) setDraft(value);
  }, [value]);

  const save = (typed: string): void => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const name = tidyCreatorName(typed);
    if (name !== latest.current.value) latest.current.onCommit(name);
  };

  useEffect(() => {
    const flush = (): void => {
      if (timer.current !== undefined && input.current) save(input.current.value);
    };
    document.addEventListener('visibilitychange', flush);
    window.addEventListener('pagehide', flush);
    return () => {
      flush();
      document.removeEventListener('visibilitychange', flush);
      window.removeEventListener('pagehide', flush);
    };
  }, []);

  const finish = (typed: string): void => {
    save(typed);
    setDraft(tidyCreatorName(typed));
  };

  return (
    <div class="field">
      <label for="creator-name" class="field-label">
        {t('optionsCreatorName')}
      </label>
      <input
        ref={input}
        id="creator-name"
        name="creatorName"
        type="text"
        maxLength={CREATOR_NAME_MAX}
        autocomplete="name"
        spellcheck={false}
        value={draft}
        aria-describedby="creator-name-hint"
        onInput={(event) => {
          const typed = event.currentTarget.value;
          setDraft(typed);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => save(typed), CREATOR_NAME_SAVE_DELAY_MS);
        }}
        onChange={(event) => finish(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') finish(event.currentTarget.value);
        }}
      />
      <p id="creator-name-hint" class="hint">
        {t('optionsCreatorNameHint')}
      </p>
    </div>
  );
}
