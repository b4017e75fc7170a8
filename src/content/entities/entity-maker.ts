/**
 * "Make this an entity" (the button beside a selection, the context menu): opens the entity form in the
 * shadow root's "form" slot with the selection as the name, sends `createEntity`, and confirms in a toast.
 * Focus moves into the form and back to where it was on the page when the form closes.
 */
import { h } from 'preact';
import type { EntitySummary } from '../../shared/kb-types';
import type { EntityInput } from '../../shared/library/library-types';
import type { Result } from '../../shared/result';
import { EntityForm } from '../ui/EntityForm';
import type { LazyShadowHost } from '../ui/shadow-host';
import type { ToastMessage } from '../ui/Toast';
import { returnFocus } from '../ui/toast-controller';
import { nameFromSelection } from './entity-draft';
import type { EntityLabels } from './entity-labels';

/** What the form needs from the page. */
export interface EntityMakerDeps {
  host: LazyShadowHost;
  labels: () => EntityLabels;
  create: (entity: EntityInput) => Promise<Result<EntitySummary>>;
  toast: { show: (message: ToastMessage) => void };
  signal: AbortSignal;
}

/** Opens and closes the entity form. */
export class EntityMaker {
  private focusBefore: Element | null = null;
  private isOpen = false;

  constructor(private readonly deps: EntityMakerDeps) {
    deps.signal.addEventListener('abort', () => this.close(), { once: true });
  }

  /** Whether the form is showing. */
  get isShown(): boolean {
    return this.isOpen;
  }

  /** Opens the form on `text` (the selection); with no text, asks the reader to select a name first. */
  open(text: string): void {
    if (this.deps.signal.aborted) return;
    const labels = this.deps.labels();
    const name = nameFromSelection(text);
    if (name === '') {
      this.deps.toast.show({ text: labels.noSelection });
      return;
    }
    if (!this.isOpen) this.focusBefore = document.activeElement;
    this.isOpen = true;
    this.deps.host.get().render(
      h(EntityForm, {
        // A new key for a new selection: the form starts afresh rather than keeping the last one's fields.
        key: `${Date.now()}`,
        initialName: name,
        labels,
        onClose: () => this.close(),
        onSave: async (entity: EntityInput) => {
          const r = await this.deps.create(entity);
          if (!r.ok) return r.error;
          this.close();
          this.deps.toast.show({ text: labels.created(r.value.name || entity.name) });
          return undefined;
        },
      }),
      'form',
    );
  }

  /** Closes the form and gives focus back to the page. */
  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    const hadFocus = this.deps.host.element !== null && document.activeElement === this.deps.host.element;
    if (this.deps.host.element) this.deps.host.get().render(null, 'form');
    if (hadFocus) returnFocus(this.focusBefore);
    this.focusBefore = null;
  }
}
