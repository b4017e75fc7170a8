/**
 * The undo bar of the library tabs: the notes tab's UndoToast, with the message of the offer ("Source
 * deleted.") instead of its fixed "Note deleted." (UndoToast's text is not a prop, and it is not this
 * feature's file to change). The timing rules are the same: UNDO_MS, held while hovered or focused.
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { UNDO_MS } from '../UndoToast';
import type { UndoOffer } from './use-undo';

/** Props of `UndoBar`. */
export interface UndoBarProps {
  offer: UndoOffer | undefined;
  onUndo: (offer: UndoOffer) => void | Promise<void>;
  onExpire: (offer: UndoOffer) => void;
}

/** Always in the page (so each offer is announced), like UndoToast. */
export function UndoBar({ offer, onUndo, onExpire }: UndoBarProps) {
  const bar = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!offer) return;
    let timer: ReturnType<typeof setTimeout>;
    const tick = (): void => {
      const el = bar.current;
      const isHeld = !!el && (el.matches(':hover') || el.contains(document.activeElement));
      if (isHeld) timer = setTimeout(tick, UNDO_MS);
      else onExpire(offer);
    };
    timer = setTimeout(tick, UNDO_MS);
    return () => clearTimeout(timer);
  }, [offer, onExpire]);

  return (
    // biome-ignore lint/a11y/useSemanticElements: not every screen reader announces <output> as a live region.
    <div ref={bar} class={offer ? 'undo-bar is-open' : 'undo-bar'} role="status">
      {offer && (
        <>
          <span>{offer.message}</span>{' '}
          <button type="button" onClick={() => void onUndo(offer)}>
            {t('dashboardUndo')}
          </button>
        </>
      )}
    </div>
  );
}
