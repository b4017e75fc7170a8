/**
 * While the reader looks at a page, asks the background now and then to keep the live channel open
 * (`keepLiveUpdates`): a Firefox event page is unloaded after 30 s without extension events, and its
 * WebSocket with it, so notes from other devices would wait for the next alarm. The background says when to
 * ask again, or that nothing needs it (not connected; Chrome's service worker), and then this stops asking
 * until the page is shown again. Hidden pages never ask.
 */
import { sendRequest } from '../platform/messaging';

/** Keeps asking while the document is visible, until `signal` aborts. */
export function keepLiveUpdatesWhileVisible(signal: AbortSignal): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ask = async (): Promise<void> => {
    clearTimeout(timer);
    if (signal.aborted || document.visibilityState !== 'visible') return;
    const reply = await sendRequest('keepLiveUpdates', {});
    const next = reply.ok ? reply.value.nextInMs : null;
    if (next !== null && !signal.aborted) timer = setTimeout(() => void ask(), next);
  };
  document.addEventListener('visibilitychange', () => void ask(), { signal });
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  void ask();
}
