/**
 * A page's notes in the content script (top frame only): fetches the notes filed under this page, places
 * them (anchoring, see shared/notes/anchoring), keeps trying for the ones not yet found while the page
 * changes (late content, single-page apps), tells the background which are orphans, and carries out the
 * reader's actions from the note UI.
 *
 * Page scripts have no way in: this runs in the extension's isolated world, listens to no page events
 * other than trusted user input, and talks only to the background over runtime messaging.
 */

import { sendRequest } from '../../platform/messaging';
import { anchorInText } from '../../shared/notes/anchoring/anchor';
import { describeText } from '../../shared/notes/anchoring/describe';
import { languageTag } from '../../shared/notes/language-tag';
import { NOTE_LIMITS, type NoteView } from '../../shared/notes/note-types';
import type { NotePage } from '../../shared/protocol';
import type { Result } from '../../shared/result';
import type { CardTarget, PendingPassage } from './card-target';
import type { NoteActions, NoteValues } from './note-actions';
import { NoteHighlights } from './note-highlights';
import { TextMap } from './text-map';

/**
 * Changes are gathered this long before notes are checked again; while some stay orphaned on a page that
 * keeps changing, the wait grows (up to MAX_RETRY_MS) so a busy page does not pay for fuzzy search forever.
 */
const RETRY_DELAY_MS = 400;
const MAX_RETRY_MS = 5000;

/** What the session needs from the page session. */
export interface NoteSessionDeps {
  /** Opens the card for a note or a new note's editor, as a keyboard user would (the page's card UI). */
  showCard: (target: CardTarget) => void;
  own: () => Element | null;
  signal: AbortSignal;
}

/** Where this page's notes are filed: its address, canonical link and title. */
export function currentPage(): NotePage {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.href;
  const lang = languageTag(document.documentElement.lang);
  return {
    url: location.href,
    ...(canonical ? { canonical } : {}),
    title: document.title.slice(0, NOTE_LIMITS.title),
    ...(lang ? { lang } : {}),
  };
}

/** One document's notes. */
export class NoteSession implements NoteActions {
  readonly highlights = new NoteHighlights();
  private notes: NoteView[] = [];
  private pageKey = '';
  private orphans = new Set<string>();
  private lastReport = '';
  private observer: MutationObserver | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private focusNoteId: string | undefined;
  private retryDelay = RETRY_DELAY_MS;
  /** The page text the last search ran over. */
  private searchedText: string | undefined;

  constructor(private readonly deps: NoteSessionDeps) {
    deps.signal.addEventListener('abort', () => {
      this.observer?.disconnect();
      clearTimeout(this.retryTimer);
      this.highlights.clear();
    });
  }

  /** Fetches this page's notes and places them. */
  async load(): Promise<void> {
    const page = currentPage();
    const reply = await sendRequest('getPageNotes', {
      url: page.url,
      ...(page.canonical ? { canonical: page.canonical } : {}),
    });
    if (this.deps.signal.aborted) return;
    if (!reply.ok) {
      console.warn(`Gloss: ${reply.error}`);
      return;
    }
    this.pageKey = reply.value.pageKey;
    this.notes = reply.value.notes;
    this.focusNoteId = reply.value.focusNoteId ?? this.focusNoteId;
    this.highlights.clear();
    this.orphans.clear();
    this.searchedText = undefined;
    this.place();
  }

  /** Places every passage note not yet on the page (and re-places those whose text changed). */
  private place(): void {
    const passageNotes = this.notes.filter((n) => n.anchor);
    let map: TextMap | undefined;
    for (const note of passageNotes) {
      const mark = this.highlights.get(note.id);
      if (mark && isIntact(mark.range, note)) continue;
      map ??= new TextMap(document.body, (el) => el === this.deps.own());
      // A fuzzy search over a long page costs milliseconds per orphan: when the page's text is exactly what
      // it was at the last search (the changes were elsewhere: attributes of our own, empty nodes), an
      // orphan stays an orphan without searching again.
      if (!mark && this.orphans.has(note.id) && map.text === this.searchedText) continue;
      const match = anchorInText(map.text, note.anchor!);
      if (match) {
        this.highlights.set(note, map.rangeOf(match.start, match.end));
        this.orphans.delete(note.id);
        if (match.correctedPosition) this.correctPosition(note, match.correctedPosition);
      } else {
        this.highlights.remove(note.id);
        this.orphans.add(note.id);
      }
    }
    if (map) this.searchedText = map.text;
    this.watch(passageNotes.length > 0);
    this.retryDelay = this.orphans.size > 0 ? Math.min(MAX_RETRY_MS, this.retryDelay * 1.5) : RETRY_DELAY_MS;
    this.report(passageNotes);
    this.revealFocusNote();
  }

  /**
   * Stores a note's offsets in code points once its passage was found at them read as code units (a note
   * saved before Gloss counted code points, or imported from Hypothesis; see shared/notes/anchoring/
   * anchor.ts). The local copy changes at once, so the note is not corrected twice; if the request fails
   * the stored note keeps its old offsets, which still place it, and the next visit tries again.
   */
  private correctPosition(note: NoteView, to: { start: number; end: number }): void {
    const anchor = note.anchor!;
    const from = anchor.position!;
    const corrected: NoteView = { ...note, anchor: { ...anchor, position: to } };
    this.replace(corrected);
    void sendRequest('correctNotePosition', { id: note.id, from, to }).then((r) => {
      if (!r.ok) console.warn(`Gloss: ${r.error}`);
    });
  }

  /** Watches the page for changes while it has notes, to re-place any the changes affect. */
  private watch(hasNotes: boolean): void {
    if (!hasNotes) {
      this.observer?.disconnect();
      this.observer = undefined;
      return;
    }
    if (this.observer) return;
    this.observer = new MutationObserver((records) => {
      const own = this.deps.own();
      if (own && records.every((r) => own.contains(r.target))) return;
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.place(), this.retryDelay);
    });
    this.observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  private report(passageNotes: NoteView[]): void {
    const anchoredIds = passageNotes.filter((n) => !this.orphans.has(n.id)).map((n) => n.id);
    const orphanIds = passageNotes.filter((n) => this.orphans.has(n.id)).map((n) => n.id);
    const key = `${this.pageKey} ${anchoredIds.join()} ${orphanIds.join()}`;
    if (key === this.lastReport) return;
    this.lastReport = key;
    void sendRequest('reportNoteStatus', { pageKey: this.pageKey, anchoredIds, orphanIds });
  }

  /** Scrolls to the note the dashboard opened this page at, once it is placed. */
  private revealFocusNote(): void {
    const mark = this.focusNoteId ? this.highlights.get(this.focusNoteId) : undefined;
    if (!mark) return;
    this.focusNoteId = undefined;
    mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    this.deps.showCard(mark);
  }

  /** Opens the editor for a new note on `range` (the current selection when omitted). */
  addFromSelection(range: Range | undefined): void {
    if (!range) return;
    const map = new TextMap(document.body, (el) => el === this.deps.own());
    const span = map.offsetsOf(range);
    if (!span || map.text.slice(span.start, span.end).trim() === '') return;
    const draft: PendingPassage = {
      kind: 'draft',
      range: map.rangeOf(span.start, span.end),
      anchor: describeText(map.text, span.start, span.end),
    };
    this.deps.showCard(draft);
  }

  /** Saves a draft from the editor; resolves to an error message or undefined. */
  async saveDraft(draft: PendingPassage, values: NoteValues): Promise<Result<NoteView>> {
    const r = await this.create({ anchor: draft.anchor, values });
    if (r.ok) {
      this.highlights.set(r.value, draft.range);
      this.report(this.notes.filter((n) => n.anchor));
    }
    return r;
  }

  async create(input: Parameters<NoteActions['create']>[0]): Promise<Result<NoteView>> {
    const r = await sendRequest('createNote', {
      page: currentPage(),
      ...(input.anchor ? { anchor: input.anchor } : {}),
      ...(input.entityId ? { entityId: input.entityId } : {}),
      ...input.values,
    });
    if (r.ok && !r.value.entityId) this.notes.push(r.value);
    return r;
  }

  async update(id: string, values: Partial<NoteValues>): Promise<Result<NoteView>> {
    const r = await sendRequest('updateNote', { id, ...values });
    if (r.ok) this.replace(r.value);
    return r;
  }

  async remove(id: string): Promise<Result<null>> {
    const r = await sendRequest('deleteNote', { id });
    if (r.ok) {
      this.notes = this.notes.filter((n) => n.id !== id);
      this.highlights.remove(id);
      this.orphans.delete(id);
    }
    return r;
  }

  async restore(id: string): Promise<Result<NoteView>> {
    const r = await sendRequest('restoreNote', { id });
    if (r.ok && !r.value.entityId) {
      this.notes.push(r.value);
      this.place();
    }
    return r;
  }

  entityNotes(entityId: string): Promise<Result<NoteView[]>> {
    return sendRequest('getEntityNotes', { entityId });
  }

  private replace(note: NoteView): void {
    this.notes = this.notes.map((n) => (n.id === note.id ? note : n));
    this.highlights.update(note);
  }
}

/** Whether a placed note's range still holds its passage (the page may have re-rendered it). */
function isIntact(range: Range, note: NoteView): boolean {
  return (
    range.startContainer.isConnected &&
    range.endContainer.isConnected &&
    !range.collapsed &&
    range.toString() === note.anchor?.quote.exact
  );
}
