/** The note UI's strings, read from `_locales` when a note card or editor is first shown. */
import { t, tCount } from '../../platform/i18n';
import type { NoteColor } from '../../shared/notes/note-types';

/** Strings of the note button, editor and note card. */
export interface NoteLabels {
  addNote: string;
  addNoteShortcut: string;
  editorLabel: string;
  noteField: string;
  placeholder: string;
  colour: string;
  colourName: (color: NoteColor) => string;
  tags: string;
  tagsHint: string;
  save: string;
  saving: string;
  cancel: string;
  edit: string;
  delete: string;
  deleted: string;
  undo: string;
  close: string;
  yourNote: string;
  yourNotes: string;
  noNotes: string;
  addAbout: (name: string) => string;
  noteDialogLabel: string;
  quoteTooLong: (max: number) => string;
  saveFailed: (reason: string) => string;
  written: (date: string) => string;
}

/** Note labels in the browser's UI language. */
export function noteLabels(): NoteLabels {
  return {
    addNote: t('noteAdd'),
    addNoteShortcut: t('noteAddShortcut'),
    editorLabel: t('noteEditorLabel'),
    noteField: t('noteField'),
    placeholder: t('notePlaceholder'),
    colour: t('noteColour'),
    colourName: (color) => t(`noteColour_${color}`),
    tags: t('noteTags'),
    tagsHint: t('noteTagsHint'),
    save: t('noteSave'),
    saving: t('noteSaving'),
    cancel: t('noteCancel'),
    edit: t('noteEdit'),
    delete: t('noteDelete'),
    deleted: t('noteDeleted'),
    undo: t('noteUndo'),
    close: t('cardClose'),
    yourNote: t('noteYours'),
    yourNotes: t('noteYoursPlural'),
    noNotes: t('noteNoneForEntity'),
    addAbout: (name) => t('noteAddAbout', name),
    noteDialogLabel: t('noteDialogLabel'),
    quoteTooLong: (max) => tCount('noteQuoteTooLong', max),
    saveFailed: (reason) => t('noteSaveFailed', reason),
    written: (date) => t('noteWritten', date),
  };
}
