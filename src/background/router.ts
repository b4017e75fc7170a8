/**
 * Turns runtime messages into handler calls: validates the envelope and arguments, checks the sender
 * (our own extension only; page-only requests only from our extension pages), and wraps the outcome in a
 * `Result`, because thrown errors do not survive messaging.
 */
import type { Runtime } from '../platform/browser';
import { PAGE_ONLY_REQUESTS, type RequestEnvelope } from '../shared/protocol';
import { parseRequest } from '../shared/protocol-schemas';
import { err, ok, type Result } from '../shared/result';

/** What the router needs to know about the running extension. */
export interface RouterContext {
  extensionId: string;
  /** The extension's base URL, e.g. chrome-extension://<id>/ */
  extensionOrigin: string;
}

type AnyHandler = (args: never, sender: Runtime.MessageSender) => Promise<unknown>;

/** Checks who sent a request. Returns an error message, or undefined when the sender may ask. */
export function senderProblem(
  envelope: RequestEnvelope,
  sender: Runtime.MessageSender,
  ctx: RouterContext,
): string | undefined {
  if (sender.id !== ctx.extensionId) return 'message from another extension';
  if (PAGE_ONLY_REQUESTS.has(envelope.type)) {
    const fromPage =
      sender.url?.startsWith(ctx.extensionOrigin) === true && sender.tab?.url?.startsWith('http') !== true;
    if (!fromPage) return `${envelope.type} is only for Gloss's own pages`;
  }
  return undefined;
}

/** Handles one message. Resolves to undefined for a message that is not a Gloss request. */
export async function route(
  raw: unknown,
  sender: Runtime.MessageSender,
  handlers: Record<string, AnyHandler>,
  ctx: RouterContext,
): Promise<Result<unknown> | undefined> {
  const parsed = parseRequest(raw);
  if (parsed === null) return undefined;
  if ('error' in parsed) return err(parsed.error);
  const problem = senderProblem(parsed, sender, ctx);
  if (problem) return err(problem);
  try {
    return ok(await handlers[parsed.type]!(parsed.args as never, sender));
  } catch (e) {
    return err(plainError(e));
  }
}

/**
 * The error as a reader should read it. A full disk surfaces from IndexedDB as a QuotaExceededError
 * (Dexie keeps the original as `inner`); the write was rolled back, so nothing was half-saved.
 */
export function plainError(e: unknown): string {
  const names = [e, (e as { inner?: unknown } | null)?.inner].map(
    (x) => (x as { name?: unknown } | null)?.name,
  );
  if (names.includes('QuotaExceededError'))
    return 'The browser has no storage space left for Gloss. Free some disk space, then save again.';
  return e instanceof Error ? e.message : String(e);
}
