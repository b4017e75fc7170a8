/**
 * "Deleted. Undo" for sources and entities. Unlike notes (use-deletion.ts), the row is not dropped before the
 * background answers: the list is read again after the delete, because deleting a source also changes the
 * passage counts of entities, which only the background knows. The background keeps a tombstone, so closing
 * the page during the undo window simply leaves the item deleted.
 */
import { useCallback, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { errorText } from '../../shared/error-text';

/** One deletion the bar offers to undo. */
export interface UndoOffer {
  /** What the bar says ("Source deleted."). */
  message: string;
  /** Brings the item back. */
  restore: () => Promise<unknown>;
  /** Called once the item is back and the list read again (to move focus to it). */
  onRestored?: () => void;
}

/** What the panel gives the hook. */
export interface UndoDeps {
  /** Reads the list again. */
  reload: () => Promise<void>;
  onError: (message: string) => void;
}

/** What `useUndo` gives back. */
export interface UndoHandle {
  latest: UndoOffer | undefined;
  /** Deletes (with `remove`), reads the list again and offers `offer` on the bar; false when it failed. */
  remove: (remove: () => Promise<unknown>, offer: UndoOffer) => Promise<boolean>;
  undo: (offer: UndoOffer) => Promise<void>;
  /** The bar's time ran out; ignored when a newer offer has taken its place. */
  expire: (offer: UndoOffer) => void;
}

/** Keeps the latest offer; only it can be undone from the bar. */
export function useUndo({ reload, onError }: UndoDeps): UndoHandle {
  const [latest, setLatest] = useState<UndoOffer | undefined>();
  const expire = useCallback(
    (offer: UndoOffer) => setLatest((current) => (current === offer ? undefined : current)),
    [],
  );

  const remove = useCallback(
    async (removeItem: () => Promise<unknown>, offer: UndoOffer) => {
      try {
        await removeItem();
      } catch (e) {
        onError(t('libDeleteFailed', errorText(e)));
        return false;
      }
      setLatest(offer);
      await reload();
      return true;
    },
    [reload, onError],
  );

  const undo = useCallback(
    async (offer: UndoOffer) => {
      expire(offer);
      try {
        await offer.restore();
      } catch (e) {
        onError(t('libRestoreFailed', errorText(e)));
        await reload();
        return;
      }
      await reload();
      offer.onRestored?.();
    },
    [expire, reload, onError],
  );

  return { latest, remove, undo, expire };
}
