/**
 * A short confirmation in the page ("Saved … to your sources"), in Gloss's shadow root: a live region
 * (`role="status"`) read out without taking focus, with optional actions and a dismiss button that are in
 * the page's tab order. Buttons act on trusted clicks only: the page cannot press them for the reader.
 */
import { useEffect, useRef } from 'preact/hooks';

/** One button of a toast. */
export interface ToastAction {
  label: string;
  onAct: () => void;
  isPrimary?: boolean;
}

/** What a toast says. */
export interface ToastMessage {
  text: string;
  /** A second line (a cut text, what to do next). */
  detail?: string;
  actions?: ToastAction[];
  isError?: boolean;
}

/** Props of `Toast`. */
export interface ToastProps {
  message: ToastMessage;
  dismissLabel: string;
  onDismiss: () => void;
  /** The pointer or focus is in the toast (true) or left it (false): it must not go while being read. */
  onHold: (isHeld: boolean) => void;
  /** Move focus to the first action when shown (the reader has a choice to make). */
  isFocused?: boolean;
}

/** Runs `act` only for a click the reader made. */
const trusted = (act: () => void) => (e: MouseEvent) => {
  if (e.isTrusted) act();
};

/** The toast. */
export function Toast({ message, dismissLabel, onDismiss, onHold, isFocused }: ToastProps) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (isFocused) first.current?.focus();
  }, [message, isFocused]);
  const actions = message.actions ?? [];
  return (
    // biome-ignore lint/a11y/useSemanticElements: <output> takes phrasing content only, and the toast holds paragraphs and buttons.
    <div
      class={message.isError ? 'gloss-toast gloss-toast-error' : 'gloss-toast'}
      role="status"
      onMouseEnter={() => onHold(true)}
      onMouseLeave={() => onHold(false)}
      onFocusIn={() => onHold(true)}
      onFocusOut={() => onHold(false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && e.isTrusted) onDismiss();
      }}
    >
      <p class="gloss-toast-text">{message.text}</p>
      {message.detail && <p class="gloss-toast-detail">{message.detail}</p>}
      <div class="gloss-actions">
        {actions.map((a, i) => (
          <button
            key={a.label}
            ref={i === 0 ? first : undefined}
            type="button"
            class={a.isPrimary ? 'gloss-button gloss-primary' : 'gloss-button'}
            onClick={trusted(a.onAct)}
          >
            {a.label}
          </button>
        ))}
        <button
          ref={actions.length === 0 ? first : undefined}
          type="button"
          class="gloss-icon-button gloss-toast-dismiss"
          aria-label={dismissLabel}
          title={dismissLabel}
          onClick={trusted(onDismiss)}
        >
          ×
        </button>
      </div>
    </div>
  );
}
