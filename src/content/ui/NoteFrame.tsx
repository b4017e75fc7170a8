/** The frame every note card shares: a labelled dialog with a close button, and the passage preview. */
import type { ComponentChildren } from 'preact';
import { ellipsize } from '../../shared/ellipsize';
import type { NoteLabels } from '../notes/note-labels';

/** Longest stretch of the passage a card shows; the rest is elided. */
const QUOTE_PREVIEW = 280;

export const preview = (quote: string): string => ellipsize(quote, QUOTE_PREVIEW);

/** The card frame: dialog, close button, content. */
export function NoteFrame(props: {
  label: string;
  labels: NoteLabels;
  onClose: () => void;
  children: ComponentChildren;
}) {
  return (
    <div
      class="gloss-card gloss-note-card"
      role="dialog"
      aria-modal="false"
      aria-label={props.label}
      tabIndex={-1}
    >
      <div class="gloss-toolbar">
        <button
          type="button"
          class="gloss-icon-button gloss-close"
          aria-label={props.labels.close}
          title={props.labels.close}
          onClick={props.onClose}
        >
          ×
        </button>
      </div>
      {props.children}
    </div>
  );
}
