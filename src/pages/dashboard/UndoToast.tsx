/** The "Note deleted. Undo" bar shown for a while after each deletion. */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../platform/i18n';
import type { Deletion } from './use-deletion';

/** Props of `UndoToast`. */
export interface UndoToastProps {
  deletion: Deletion | undefined;
  onUndo: (deletion: Deletion) => void;
  onExpire: (deletion: Deletion) => void;
}

/** How long Undo is offered. */
export const UNDO_MS = 10_000;

/**
 * An explicit `role="status"` (not `<output>`, whose implicit role not every screen reader announces). The
 * region is always in the page, so each deletion is announced as it appears. Time
 * does not run out while the pointer rests on the bar or focus is in it (WCAG 2.2.1: a reader reaching for
 * Undo is not cut off); the bar then waits another full period. A new deletion restarts the clock.
 */
export function UndoToast({ deletion, onUndo, onExpire }: UndoToastProps) {
  const bar = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!deletion) return;
    let timer: ReturnType<typeof setTimeout>;
    const tick = (): void => {
      const el = bar.current;
      const isHeld = !!el && (el.matches(':hover') || el.contains(document.activeElement));
      if (isHeld) timer = setTimeout(tick, UNDO_MS);
      else onExpire(deletion);
    };
    timer = setTimeout(tick, UNDO_MS);
    return () => clearTimeout(timer);
  }, [deletion, onExpire]);

  return (
    // biome-ignore lint/a11y/useSemanticElements: not every screen reader announces <output> as a live region.
    <div ref={bar} class={deletion ? 'undo-bar is-open' : 'undo-bar'} role="status">
      {deletion && (
        <>
          <span>{t('dashboardDeleted')}</span>{' '}
          <button type="button" onClick={() => onUndo(deletion)}>
            {t('dashboardUndo')}
          </button>
        </>
      )}
    </div>
  );
}
