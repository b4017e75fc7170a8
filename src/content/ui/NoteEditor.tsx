/**
 * The note editor, inside Gloss's shadow root: text, colour and tags. Ctrl/Cmd+Enter saves, Escape
 * cancels. When saving fails (the background is gone, the disk is full) the editor stays open with
 * everything the reader typed and says why.
 */
import { useState } from 'preact/hooks';
import { DEFAULT_NOTE_COLOR, NOTE_COLORS, NOTE_LIMITS, type NoteColor } from '../../shared/notes/note-types';
import { parseTagText } from '../../shared/notes/tags';
import type { NoteValues } from '../notes/note-actions';
import type { NoteLabels } from '../notes/note-labels';

export interface NoteEditorProps {
  labels: NoteLabels;
  initial?: NoteValues;
  /** Saves; resolves to an error message, or undefined when saved. */
  onSave: (values: NoteValues) => Promise<string | undefined>;
  onCancel: () => void;
}

/** The editor form. */
export function NoteEditor({ labels, initial, onSave, onCancel }: NoteEditorProps) {
  const [body, setBody] = useState(initial?.body ?? '');
  const [color, setColor] = useState<NoteColor>(initial?.color ?? DEFAULT_NOTE_COLOR);
  const [tagText, setTagText] = useState((initial?.tags ?? []).join(', '));
  const [error, setError] = useState<string | undefined>();
  const [isSaving, setSaving] = useState(false);

  const save = async (): Promise<void> => {
    if (isSaving) return;
    const tags = parseTagText(tagText);
    if (tags.length > NOTE_LIMITS.tags || tags.some((t) => t.length > NOTE_LIMITS.tag)) {
      setError(labels.tagsHint);
      return;
    }
    setSaving(true);
    setError(undefined);
    const problem = await onSave({ body, color, tags });
    setSaving(false);
    if (problem) setError(problem);
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  };

  return (
    <form
      class="gloss-editor"
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label class="gloss-field">
        <span class="gloss-label">{labels.noteField}</span>
        <textarea
          class="gloss-textarea"
          data-autofocus
          rows={4}
          maxLength={NOTE_LIMITS.body}
          placeholder={labels.placeholder}
          value={body}
          onInput={(e) => setBody(e.currentTarget.value)}
        />
      </label>
      <fieldset class="gloss-colours">
        <legend class="gloss-label">{labels.colour}</legend>
        {NOTE_COLORS.map((c) => (
          <label key={c} class="gloss-colour" data-color={c} title={labels.colourName(c)}>
            <input
              type="radio"
              name="gloss-colour"
              value={c}
              checked={color === c}
              aria-label={labels.colourName(c)}
              onChange={() => setColor(c)}
            />
          </label>
        ))}
      </fieldset>
      {/* The hint sits outside the label: inside, it would also become part of the field's name. */}
      <div class="gloss-field">
        <label>
          <span class="gloss-label">{labels.tags}</span>
          <input
            class="gloss-input"
            type="text"
            value={tagText}
            aria-describedby="gloss-tags-hint"
            onInput={(e) => setTagText(e.currentTarget.value)}
          />
        </label>
        <span id="gloss-tags-hint" class="gloss-hint">
          {labels.tagsHint}
        </span>
      </div>
      {error && (
        <p class="gloss-error" role="alert">
          {error}
        </p>
      )}
      <div class="gloss-actions">
        <button type="submit" class="gloss-button gloss-primary" disabled={isSaving}>
          {isSaving ? labels.saving : labels.save}
        </button>
        <button type="button" class="gloss-button" onClick={onCancel}>
          {labels.cancel}
        </button>
      </div>
    </form>
  );
}
