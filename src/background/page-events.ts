/**
 * `dataChanged` to Gloss's open extension pages (dashboard, entity page), coalesced. Every change of notes,
 * sources, entities or history calls `announceDataChanged` once it has committed; the kinds of all calls
 * within one window go out as ONE event when the window closes. So an import of 500 notes, a pull of 1,000
 * or a glossary of 5,000 entities costs each open page one refetch, not one per record, and a page hears of
 * a change at most `DATA_CHANGED_WINDOW_MS` after it.
 *
 * The pending kinds live in memory on purpose: if the background is killed inside the window, the change is
 * committed anyway and an open page reads it on its next refetch (it also refetches when shown again).
 */
import { broadcastPageEvent } from '../platform/messaging';
import type { DataKind } from '../shared/protocol';

/** How long changes are gathered before one event goes out. */
export const DATA_CHANGED_WINDOW_MS = 200;

/** A coalescing announcer; `send` and the timer are injectable for tests. */
export interface DataChangedAnnouncer {
  /** Notes that `kinds` changed; sends (with everything else noted meanwhile) when the window closes. */
  announce: (kinds: readonly DataKind[]) => void;
  /** Sends what is pending now, if anything (tests, and a background about to be torn down). */
  flush: () => Promise<void>;
}

/** Builds an announcer that gathers kinds for `windowMs` after the first change, then calls `send` once. */
export function makeDataChangedAnnouncer(
  send: (kinds: DataKind[]) => Promise<void>,
  windowMs: number = DATA_CHANGED_WINDOW_MS,
): DataChangedAnnouncer {
  let pending = new Set<DataKind>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = async (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending.size === 0) return;
    // A stable order, so pages and tests see the same event for the same set.
    const kinds = [...pending].sort();
    pending = new Set();
    await send(kinds).catch(() => undefined);
  };
  return {
    announce(kinds) {
      for (const kind of kinds) pending.add(kind);
      // The window starts at the first change and is not pushed back by later ones: a steady stream of
      // changes (a long pull) still reaches pages every window instead of never.
      if (timer === undefined && pending.size > 0) timer = setTimeout(() => void flush(), windowMs);
    },
    flush,
  };
}

const shared = makeDataChangedAnnouncer((kinds) => broadcastPageEvent('dataChanged', { kinds }));

/**
 * Tells open extension pages that `kinds` changed; call it after the change has committed. Coalesced, see
 * the module comment.
 */
export function announceDataChanged(kinds: readonly DataKind[]): void {
  shared.announce(kinds);
}

/** Sends any pending `dataChanged` at once (tests). */
export function flushDataChanged(): Promise<void> {
  return shared.flush();
}
