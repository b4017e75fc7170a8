/** The card holding the editor for a new note on a selection. */
import type { NoteValues } from '../notes/note-actions';
import type { NoteLabels } from '../notes/note-labels';
import { NoteEditor } from './NoteEditor';
import { NoteFrame, preview } from './NoteFrame';

export function DraftCardView(props: {
  quote: string;
  labels: NoteLabels;
  onSave: (values: NoteValues) => Promise<string | undefined>;
  onClose: () => void;
}) {
  return (
    <NoteFrame label={props.labels.editorLabel} labels={props.labels} onClose={props.onClose}>
      <h2 class="gloss-name">{props.labels.editorLabel}</h2>
      <blockquote class="gloss-quote">{preview(props.quote)}</blockquote>
      <NoteEditor labels={props.labels} onSave={props.onSave} onCancel={props.onClose} />
    </NoteFrame>
  );
}
