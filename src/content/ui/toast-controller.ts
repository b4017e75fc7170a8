/**
 * Shows one toast at a time in the shadow root's "toast" slot and takes it away after `TOAST_MS`, unless
 * the pointer or focus is in it (then it waits until they leave). A new toast replaces the old one.
 */
import { h } from 'preact';
import type { LazyShadowHost } from './shadow-host';
import { Toast, type ToastMessage } from './Toast';

/** How long a toast stays when nobody is reading it. */
export const TOAST_MS = 8000;

/** Gives focus back to the page: to `element` when it is still there, else to the document. */
export function returnFocus(element: Element | null): void {
  if (element instanceof HTMLElement && element.isConnected && element !== document.body) element.focus();
  else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
}

/** Owns the toast slot until `signal` aborts. */
export class ToastController {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private isHeld = false;
  private isShown = false;
  /** Where focus was before a toast took it, to give it back when the toast goes. */
  private focusBefore: Element | null = null;

  constructor(
    private readonly host: LazyShadowHost,
    private readonly dismissLabel: () => string,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => clearTimeout(this.timer), { once: true });
  }

  /** Shows `message`; `isFocused` moves focus to its first button (a choice the reader asked for). */
  show(message: ToastMessage, isFocused = false): void {
    if (this.signal.aborted) return;
    this.isShown = true;
    this.isHeld = false;
    if (isFocused && document.activeElement !== this.host.element) this.focusBefore = document.activeElement;
    this.host.get().render(
      h(Toast, {
        message,
        dismissLabel: this.dismissLabel(),
        onDismiss: () => this.hide(),
        onHold: (isHeld) => this.hold(isHeld),
        isFocused,
      }),
      'toast',
    );
    this.restartTimer();
  }

  /** Removes the toast. */
  hide(): void {
    clearTimeout(this.timer);
    if (!this.isShown) return;
    this.isShown = false;
    this.isHeld = false;
    const hadFocus = this.host.element !== null && document.activeElement === this.host.element;
    if (this.host.element) this.host.get().render(null, 'toast');
    if (hadFocus) returnFocus(this.focusBefore);
    this.focusBefore = null;
  }

  /** Whether a toast is showing. */
  get isVisible(): boolean {
    return this.isShown;
  }

  private hold(isHeld: boolean): void {
    this.isHeld = isHeld;
    this.restartTimer();
  }

  private restartTimer(): void {
    clearTimeout(this.timer);
    if (!this.isHeld) this.timer = setTimeout(() => this.hide(), TOAST_MS);
  }
}
