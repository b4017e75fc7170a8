/** The inline form that edits one note's text, colour and tags. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { NOTE_COLORS, type NoteView } from '../../shared/notes/note-types';
import type { NoteEdit } from '../../shared/protocol';
import { errorText } from '../shared/error-text';
import { ColorSwatch, colorLabel } from './ColorSwatch';
import { changedFields, draftOf, draftProblem, type EditFormValues } from './note-draft';

/** Props of `NoteEditForm`. */
export interface NoteEditFormProps {
  note: NoteView;
  /** The note was deleted elsewhere (another tab, another device) while this form was open. */
  isGone?: boolean;
  /** Saves the change; rejects with a readable message, and the form then stays open as typed. */
  onSave: (edit: NoteEdit) => Promise<void>;
  /** Closes the form: after a save, on Cancel, or on Escape. */
  onClose: () => void;
}

/**
 * The draft starts from the note as it was when the form opened and is never reset by a refresh of the list,
 * so a reader's typing survives notes arriving from other tabs. Focus starts in the text box. If the note
 * changes elsewhere meanwhile, the form says so (saving sends only the fields changed here); if it is
 * deleted elsewhere, the form says that, keeps the draft to copy, and cannot save.
 */
export function NoteEditForm({ note, isGone = false, onSave, onClose }: NoteEditFormProps) {
  // What the reader started from. Changes are measured against it, not against the latest `note`: if a
  // refresh brings a change made in another tab, a field the reader did not touch must not be sent back.
  const [base] = useState(note);
  const [draft, setDraft] = useState<EditFormValues>(() => draftOf(base));
  const [error, setError] = useState('');
  const [isSaving, setSaving] = useState(false);
  const body = useRef<HTMLTextAreaElement>(null);
  const id = `edit-${note.id}`;
  const problem = draftProblem(draft, note);
  const isChangedElsewhere = !isGone && note.updatedAt !== base.updatedAt;

  useEffect(() => body.current?.focus(), []);

  const change = (patch: Partial<EditFormValues>): void => setDraft((current) => ({ ...current, ...patch }));

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (problem || isSaving || isGone) return;
    const edit = changedFields(base, draft);
    if (!edit) return onClose();
    setSaving(true);
    setError('');
    try {
      await onSave(edit);
      onClose();
    } catch (e) {
      setError(t('dashboardSaveFailed', errorText(e)));
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    // Escape also ends an IME composition (Japanese, Chinese input); that one must not close the form.
    if (event.key === 'Escape' && !event.isComposing) {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <form class="note-edit" onSubmit={submit} onKeyDown={onKeyDown} aria-label={t('dashboardEditLabel')}>
      {isGone && (
        <p class="note-edit-error note-edit-gone" role="alert">
          {t('liveNoteDeletedElsewhere')}
        </p>
      )}
      {/* biome-ignore lint/a11y/useSemanticElements: not every screen reader announces <output> as a live region. */}
      <p class="hint note-edit-changed" role="status">
        {isChangedElsewhere ? t('liveNoteChangedElsewhere') : ''}
      </p>
      <label class="field-label" for={`${id}-body`}>
        {t('dashboardEditBody')}
      </label>
      <textarea
        id={`${id}-body`}
        ref={body}
        rows={5}
        value={draft.body}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={`${id}-problem`}
        onInput={(event) => change({ body: event.currentTarget.value })}
      />
      <fieldset class="note-edit-colors">
        <legend class="field-label">{t('dashboardEditColor')}</legend>
        {NOTE_COLORS.map((color) => (
          <label key={color} class="choice">
            <input
              type="radio"
              name={`${id}-color`}
              value={color}
              checked={draft.color === color}
              onChange={() => change({ color })}
            />
            <ColorSwatch color={color} isDecorative />
            <span>{colorLabel(color)}</span>
          </label>
        ))}
      </fieldset>
      <label class="field-label" for={`${id}-tags`}>
        {t('dashboardEditTags')}
      </label>
      <input
        id={`${id}-tags`}
        type="text"
        value={draft.tagsText}
        aria-describedby={`${id}-tags-hint ${id}-problem`}
        onInput={(event) => change({ tagsText: event.currentTarget.value })}
      />
      <p id={`${id}-tags-hint`} class="hint">
        {t('dashboardEditTagsHint')}
      </p>
      <p id={`${id}-problem`} class="note-edit-problem" aria-live="polite">
        {problem}
      </p>
      {error && (
        <p class="note-edit-error" role="alert">
          {error}
        </p>
      )}
      <div class="note-actions">
        <button
          type="submit"
          class="primary"
          disabled={isSaving || isGone}
          aria-disabled={problem ? 'true' : undefined}
        >
          {isSaving ? t('dashboardSaving') : t('dashboardSave')}
        </button>
        <button type="button" onClick={onClose}>
          {t('dashboardCancel')}
        </button>
      </div>
    </form>
  );
}
