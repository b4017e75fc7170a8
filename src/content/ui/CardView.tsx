/**
 * The in-page card: a non-modal dialog with close and settings buttons around the shared `CardBody`.
 */
import type { ComponentChildren } from 'preact';
import type { CardData } from '../../shared/kb-types';
import { CardBody, type CardBodyLabels, type SourceTarget } from '../../shared/ui/CardBody';

/** What the card shows while its data loads, once loaded, or when loading failed. */
export type CardContent =
  | { kind: 'loading' }
  | { kind: 'ready'; card: CardData }
  | { kind: 'error'; message: string };

/** UI strings of the card frame. */
export interface CardFrameLabels extends CardBodyLabels {
  close: string;
  settings: string;
  loading: string;
  dialogLabel: (name: string) => string;
  mentionsOnPage: (count: number) => string;
  /** The link to the entity's own page, and its accessible name ("Open the page of APT10"). */
  entityPage: string;
  entityPageLabel: (name: string) => string;
}

/** Props of `CardView`. */
export interface CardViewProps {
  name: string;
  content: CardContent;
  mentionCount: number;
  labels: CardFrameLabels;
  onClose: () => void;
  onOpenSettings: () => void;
  onOpenSource: (target: SourceTarget) => void;
  onSelectEntity: (entityId: string) => void;
  /** Opens the entity's page (entity.html) in a tab; the card cannot open extension pages itself. */
  onOpenEntityPage: () => void;
  /** Shown under the entity's content: the reader's notes about it. */
  children?: ComponentChildren;
}

/** The card. */
export function CardView(props: CardViewProps) {
  const { name, content, labels } = props;
  return (
    <div
      class="gloss-card"
      role="dialog"
      aria-modal="false"
      aria-label={labels.dialogLabel(name)}
      tabIndex={-1}
    >
      <div class="gloss-toolbar">
        <button
          type="button"
          class="gloss-icon-button"
          aria-label={labels.settings}
          title={labels.settings}
          onClick={props.onOpenSettings}
        >
          ⚙
        </button>
        <button
          type="button"
          class="gloss-icon-button gloss-close"
          aria-label={labels.close}
          title={labels.close}
          onClick={props.onClose}
        >
          ×
        </button>
      </div>
      {content.kind === 'ready' ? (
        <CardBody
          card={content.card}
          labels={labels}
          onOpenSource={props.onOpenSource}
          onSelectEntity={props.onSelectEntity}
          extra={
            props.mentionCount > 0 ? (
              <p class="gloss-count">{labels.mentionsOnPage(props.mentionCount)}</p>
            ) : undefined
          }
        />
      ) : (
        <>
          <h2 class="gloss-name">{name}</h2>
          <p class="gloss-status" aria-live="polite">
            {content.kind === 'loading' ? labels.loading : content.message}
          </p>
        </>
      )}
      {content.kind === 'ready' && (
        <p class="gloss-entity-page">
          <button
            type="button"
            class="gloss-link-button"
            aria-label={labels.entityPageLabel(name)}
            onClick={props.onOpenEntityPage}
          >
            {labels.entityPage}
          </button>
        </p>
      )}
      {props.children}
    </div>
  );
}
