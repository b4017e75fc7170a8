/**
 * Typed sending and receiving over `runtime` / `tabs` messaging, following `shared/protocol.ts`.
 */
import type {
  EventArgs,
  EventEnvelope,
  EventName,
  PageEventArgs,
  PageEventEnvelope,
  PageEventName,
  RequestArgs,
  RequestEnvelope,
  RequestName,
  RequestReply,
} from '../shared/protocol';
import { err, type Result } from '../shared/result';
import { browser } from './browser';

/** Sends a request to the background and returns its `Result`; transport failures become `ok: false`. */
export async function sendRequest<K extends RequestName>(
  type: K,
  args: RequestArgs<K>,
): Promise<Result<RequestReply<K>>> {
  const envelope: RequestEnvelope<K> = { gloss: 1, type, args };
  try {
    const reply = (await browser.runtime.sendMessage(envelope)) as Result<RequestReply<K>> | undefined;
    return reply ?? err(`no reply to ${type}`);
  } catch (e) {
    return err(`${type} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Like `sendRequest`, but throws the error text; for UI code that shows errors through a boundary. */
export async function request<K extends RequestName>(
  type: K,
  args: RequestArgs<K>,
): Promise<RequestReply<K>> {
  const result = await sendRequest(type, args);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** Sends an event to every content script of a tab; a tab without our content script is not an error. */
export async function sendEventToTab<K extends EventName>(
  tabId: number,
  event: K,
  args: EventArgs<K>,
): Promise<void> {
  const envelope: EventEnvelope<K> = { gloss: 1, event, args };
  await browser.tabs.sendMessage(tabId, envelope).catch(() => undefined);
}

/** Listens for background events in a content script until `signal` aborts. */
export function onEvent<K extends EventName>(
  event: K,
  handler: (args: EventArgs<K>) => void,
  signal: AbortSignal,
): void {
  const listener = (message: unknown): undefined => {
    const m = message as Partial<EventEnvelope>;
    if (m?.gloss === 1 && m.event === event) handler(m.args as EventArgs<K>);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

/**
 * Broadcasts an event to Gloss's open extension pages (runtime messages reach those, not content scripts).
 * No page open is not an error.
 */
export async function broadcastPageEvent<K extends PageEventName>(
  pageEvent: K,
  args: PageEventArgs<K>,
): Promise<void> {
  const envelope: PageEventEnvelope<K> = { gloss: 1, pageEvent, args };
  await browser.runtime.sendMessage(envelope).catch(() => undefined);
}

/** Listens for a page event in an extension page until `signal` aborts. */
export function onPageEvent<K extends PageEventName>(
  pageEvent: K,
  handler: (args: PageEventArgs<K>) => void,
  signal: AbortSignal,
): void {
  const listener = (message: unknown): undefined => {
    const m = message as Partial<PageEventEnvelope>;
    if (m?.gloss === 1 && m.pageEvent === pageEvent) handler(m.args as PageEventArgs<K>);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
