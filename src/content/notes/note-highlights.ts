/**
 * Note highlights: one CSS Custom Highlight per colour, `gloss-note-<colour>` (painted above entity
 * highlights), and the placed notes (marks) for hit-testing, focus and keyboard stepping. Like the entity
 * registry, it never touches the page's DOM.
 */
import { NOTE_COLORS, type NoteColor, type NoteView } from '../../shared/notes/note-types';
import { rangeContainsPoint } from '../highlight/hit-test';

/** Highlight name prefix for notes: `gloss-note-<colour>`. */
export const NOTE_HIGHLIGHT_PREFIX = 'gloss-note-';

/** A note placed on the page. */
export interface NoteMark {
  noteId: string;
  note: NoteView;
  range: Range;
}

/** Owns the note highlights of one document. */
export class NoteHighlights {
  private readonly marks = new Map<string, NoteMark>();
  private readonly byColor = new Map<NoteColor, Highlight>();

  /** Places (or moves) a note. */
  set(note: NoteView, range: Range): NoteMark {
    this.remove(note.id);
    const mark: NoteMark = { noteId: note.id, note, range };
    this.marks.set(note.id, mark);
    this.highlight(note.color).add(range);
    return mark;
  }

  /** Takes a changed note (its colour may differ), keeping its place and its mark object. */
  update(note: NoteView): void {
    const mark = this.marks.get(note.id);
    if (!mark) return;
    if (mark.note.color !== note.color) {
      this.detach(mark);
      this.highlight(note.color).add(mark.range);
    }
    mark.note = note;
  }

  private detach(mark: NoteMark): void {
    const h = this.byColor.get(mark.note.color);
    h?.delete(mark.range);
    if (h?.size === 0) {
      this.byColor.delete(mark.note.color);
      CSS.highlights.delete(NOTE_HIGHLIGHT_PREFIX + mark.note.color);
    }
  }

  /** Removes a note's highlight. */
  remove(noteId: string): void {
    const mark = this.marks.get(noteId);
    if (!mark) return;
    this.marks.delete(noteId);
    this.detach(mark);
  }

  /** Removes every note highlight. */
  clear(): void {
    for (const color of NOTE_COLORS) CSS.highlights.delete(NOTE_HIGHLIGHT_PREFIX + color);
    this.byColor.clear();
    this.marks.clear();
  }

  get(noteId: string): NoteMark | undefined {
    return this.marks.get(noteId);
  }

  /** Every placed note, in document order. */
  inOrder(): NoteMark[] {
    return [...this.marks.values()].sort((a, b) =>
      a.range.compareBoundaryPoints(Range.START_TO_START, b.range),
    );
  }

  /** The note under viewport point (x, y): the shortest when notes overlap. */
  atPoint(x: number, y: number): NoteMark | undefined {
    let best: NoteMark | undefined;
    for (const mark of this.marks.values()) {
      if (!rangeContainsPoint(mark.range, x, y)) continue;
      if (!best || mark.note.anchor!.quote.exact.length < best.note.anchor!.quote.exact.length) best = mark;
    }
    return best;
  }

  /** Notes inside an element (focus moved onto it). */
  within(el: Node): NoteMark[] {
    return this.inOrder().filter((m) => el.contains(m.range.commonAncestorContainer));
  }

  private highlight(color: NoteColor): Highlight {
    let h = this.byColor.get(color);
    if (!h) {
      h = new Highlight();
      // Above entity highlights (priority 0), below the focus mark.
      h.priority = 1;
      this.byColor.set(color, h);
      CSS.highlights.set(NOTE_HIGHLIGHT_PREFIX + color, h);
    }
    return h;
  }
}
