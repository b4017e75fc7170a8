/**
 * What the card tests share: labels that name themselves (a function label shows its argument, so a test
 * can see which label was used with what), and the note card rendered with handlers that succeed unless a
 * test passes its own.
 */
import { render } from 'preact';
import type { NoteLabels } from '../../../../src/content/notes/note-labels';
import { type NoteCardProps, NoteCardView } from '../../../../src/content/ui/NoteCardView';

/** Labels whose text is their key; `written` reads "Written <date>", other function labels `key(arg)`. */
export const labels = new Proxy({} as NoteLabels, {
  get: (_t, key: string) =>
    key === 'written'
      ? (date: string) => `Written ${date}`
      : ['colourName', 'addAbout', 'quoteTooLong', 'saveFailed'].includes(key)
        ? (x: unknown) => `${key}(${String(x)})`
        : key,
});

/** Renders the note card for `props.note` into `root`. */
export function renderNoteCard(
  root: Element,
  props: Pick<NoteCardProps, 'note'> & Partial<NoteCardProps>,
): void {
  render(
    <NoteCardView
      labels={labels}
      onSave={async () => undefined}
      onDelete={async () => ({ ok: true, value: null })}
      onRestore={async () => ({ ok: true, value: null })}
      onClose={() => undefined}
      setSticky={() => undefined}
      {...props}
    />,
    root,
  );
}
