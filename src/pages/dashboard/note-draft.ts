/**
 * The edit form's text turned into a note change: tags parsed from comma-separated text, the limits of
 * `NOTE_LIMITS` checked with a message a reader can act on, and only the fields that really changed sent.
 */
import { t, tCount, tNumber } from '../../platform/i18n';
import { NOTE_LIMITS, type NoteColor, type NoteView } from '../../shared/notes/note-types';
import { parseTagText } from '../../shared/notes/tags';
import type { NoteEdit } from '../../shared/protocol';

/** What the form holds: the body and tags as typed. */
export interface EditFormValues {
  body: string;
  color: NoteColor;
  tagsText: string;
}

/** The form's starting point for `note`. */
export function draftOf(note: NoteView): EditFormValues {
  return { body: note.body, color: note.color, tagsText: note.tags.join(', ') };
}

/** Why a draft cannot be saved, in a sentence; '' when it can. Counts code points, as a reader would. */
export function draftProblem(draft: EditFormValues, note: NoteView): string {
  const bodyLength = [...draft.body].length;
  if (bodyLength > NOTE_LIMITS.body) {
    return tCount('dashboardBodyTooLong', bodyLength, [tNumber(NOTE_LIMITS.body)]);
  }
  // A note with neither passage nor text would be an empty card; passage notes may be bare highlights.
  if (!note.anchor && draft.body.trim() === '') return t('dashboardBodyEmpty');
  const tags = parseTagText(draft.tagsText);
  if (tags.length > NOTE_LIMITS.tags) {
    return tCount('dashboardTooManyTags', tags.length, [tNumber(NOTE_LIMITS.tags)]);
  }
  const long = tags.find((tag) => [...tag].length > NOTE_LIMITS.tag);
  if (long) return t('dashboardTagTooLong', [long, String(NOTE_LIMITS.tag)]);
  return '';
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((item, i) => item === b[i]);

/** The `updateNote` arguments for the fields that differ from `note`; `undefined` when nothing changed. */
export function changedFields(note: NoteView, draft: EditFormValues): NoteEdit | undefined {
  const edit: NoteEdit = { id: note.id };
  if (draft.body !== note.body) edit.body = draft.body;
  if (draft.color !== note.color) edit.color = draft.color;
  const tags = parseTagText(draft.tagsText);
  if (!sameList(tags, note.tags)) edit.tags = tags;
  return Object.keys(edit).length > 1 ? edit : undefined;
}
