/**
 * The small "Add note" and "Make entity" buttons beside selected text. It appears once a selection has settled (not on
 * every change while the mouse is still dragging), follows the selection while the page scrolls, and goes
 * away when the selection does. Pressing it keeps the selection (the button takes no focus on press).
 */
import { autoUpdate, computePosition } from '@floating-ui/dom';
import { h } from 'preact';
import type { NoteLabels } from '../notes/note-labels';
import { ADDER_PLACEMENT } from './adder-placement';
import { rangeReference } from './range-reference';
import type { LazyShadowHost } from './shadow-host';

/** A selection settles this long after its last change before the button shows. */
const SETTLE_MS = 250;

export interface AdderDeps {
  host: LazyShadowHost;
  labels: () => NoteLabels;
  /** Whether the button may show (Gloss on for this site, no editor open). */
  isActive: () => boolean;
  onAdd: (range: Range) => void;
  /** The "Make entity" button's label and tooltip, and what it does with the selected range. */
  makeEntity?: { labels: () => { make: string; makeTitle: string }; onMake: (range: Range) => void };
  signal: AbortSignal;
}

/** Pressing a button must not move focus or the selection away from the page. */
const keepSelection = {
  onPointerDown: (e: PointerEvent) => e.preventDefault(),
  onMouseDown: (e: MouseEvent) => e.preventDefault(),
};

function isEditable(node: Node): boolean {
  const el = node instanceof Element ? node : node.parentElement;
  return el?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') != null;
}

/** The selected range Gloss can note, or undefined (nothing selected, in a form field, in our UI). */
export function notableSelection(own: Element | null): Range | undefined {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  const common = range.commonAncestorContainer;
  if (!common.isConnected || (own && (own === common || own.contains(common)))) return undefined;
  if (isEditable(common) || range.toString().trim() === '') return undefined;
  return range.cloneRange();
}

/** Longest selection offered as an entity name (the entity form's own limit is 200). */
const MAX_NAME_SELECTION = 80;

/** Whether selected text could be a name: short, on one line. */
export function looksLikeName(text: string): boolean {
  const name = text.trim();
  return name.length >= 2 && name.length <= MAX_NAME_SELECTION && !/[\n\r]/.test(name);
}

/** Shows and hides the button. */
export class SelectionAdder {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopPositioning: (() => void) | undefined;

  constructor(private readonly deps: AdderDeps) {
    const opts = { signal: deps.signal };
    document.addEventListener('selectionchange', () => this.schedule(), opts);
    deps.signal.addEventListener('abort', () => this.hide(), { once: true });
  }

  private schedule(): void {
    // The button acts on the range it was shown for: once the selection changes, that range is stale (a
    // click would note text that is no longer selected), so the button goes until the new selection settles.
    this.hide();
    this.timer = setTimeout(() => this.update(), SETTLE_MS);
  }

  private update(): void {
    const range = this.deps.isActive() ? notableSelection(this.deps.host.element) : undefined;
    if (range) this.show(range);
    else this.hide();
  }

  private show(range: Range): void {
    this.stopPositioning?.();
    const labels = this.deps.labels();
    const host = this.deps.host.get();
    // A name is a few words on one line: a sentence or a passage gets only "Add note".
    const makeEntity = looksLikeName(range.toString()) ? this.deps.makeEntity : undefined;
    const makeLabels = makeEntity?.labels();
    // "Add note" comes last: the bar's end sits under the selection's end (ADDER_PLACEMENT), which is where
    // "Add note" has always been, and "Make entity" sits beside it.
    host.render(
      h(
        'div',
        { class: 'gloss-adder' },
        makeEntity &&
          makeLabels &&
          h(
            'button',
            {
              type: 'button',
              class: 'gloss-adder-button',
              title: makeLabels.makeTitle,
              ...keepSelection,
              onClick: (e: MouseEvent) => {
                if (!e.isTrusted) return;
                this.hide();
                makeEntity.onMake(range);
              },
            },
            h('span', { 'aria-hidden': 'true' }, '＋ '),
            makeLabels.make,
          ),
        h(
          'button',
          {
            type: 'button',
            class: 'gloss-adder-button',
            title: labels.addNoteShortcut,
            ...keepSelection,
            onClick: (e: MouseEvent) => {
              if (!e.isTrusted) return;
              this.hide();
              this.deps.onAdd(range);
            },
          },
          h('span', { 'aria-hidden': 'true' }, '✎ '),
          labels.addNote,
        ),
      ),
      'adder',
    );
    const button = host.query<HTMLElement>('.gloss-adder', 'adder');
    if (!button) return;
    const reference = rangeReference(range);
    const update = (): void => {
      void computePosition(reference, button, ADDER_PLACEMENT).then(({ x, y }) => {
        button.style.left = `${Math.round(x)}px`;
        button.style.top = `${Math.round(y)}px`;
      });
    };
    this.stopPositioning = autoUpdate(reference, button, update, { animationFrame: false });
  }

  /** Removes the button. */
  hide(): void {
    clearTimeout(this.timer);
    this.stopPositioning?.();
    this.stopPositioning = undefined;
    if (this.deps.host.element) this.deps.host.get().render(null, 'adder');
  }
}
