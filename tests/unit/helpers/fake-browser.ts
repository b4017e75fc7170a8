/**
 * A stand-in for `platform/browser` in the extension-page tests: `_locales` strings read from the real
 * messages.json, a fake background answering `runtime.sendMessage` from per-test handlers, and an in-memory
 * `storage.sync` with `onChanged`. Only what the pages use is here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageEventEnvelope, RequestEnvelope } from '../../../src/shared/protocol';

type Message = { message: string; placeholders?: Record<string, { content: string }> };
type ChangeListener = (
  changes: Record<string, { oldValue?: unknown; newValue?: unknown }>,
  area: string,
) => void;

const messages = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../extension/_locales/en/messages.json'), 'utf8'),
) as Record<string, Message>;

/** `i18n.getMessage` as browsers do it: `$NAME$` → its placeholder's content, `$1` → a substitution. */
function getMessage(key: string, subs?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, n: string) => list[Number(n) - 1] ?? '');
  });
}

/** Per-test answers of the fake background, by request type; a missing one answers with an error. */
export const handlers = new Map<string, (args: unknown) => unknown>();
/** Every request envelope sent, in order. */
export const sent: RequestEnvelope[] = [];
/** The contents of the fake `storage.sync`. */
export const syncArea = new Map<string, unknown>();
const changeListeners = new Set<ChangeListener>();
type MessageListener = (message: unknown) => unknown;
/** The page's `runtime.onMessage` listeners (page events from the background reach them). */
const messageListeners = new Set<MessageListener>();
/** Every page event broadcast through `runtime.sendMessage` (by a real background in the test), in order. */
export const pageEvents: PageEventEnvelope[] = [];

/** Delivers a page event to the page, as a runtime message from the background would arrive. */
export function firePageEvent(envelope: PageEventEnvelope): void {
  for (const listener of [...messageListeners]) listener(structuredClone(envelope));
}

/** Clears handlers, sent messages and storage between tests. */
export function resetFakes(): void {
  handlers.clear();
  sent.length = 0;
  pageEvents.length = 0;
  syncArea.clear();
}

/** Writes to `storage.sync` as another context would, firing `onChanged`. */
export function writeSync(items: Record<string, unknown>): void {
  const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
  for (const [key, value] of Object.entries(items)) {
    changes[key] = { oldValue: syncArea.get(key), newValue: structuredClone(value) };
    syncArea.set(key, structuredClone(value));
  }
  for (const listener of changeListeners) listener(changes, 'sync');
}

/** The permissions `runtime.getManifest()` reports; tests may change them. */
export const manifestPermissions: string[] = [];

/** The fake `browser` object. */
export const fakeBrowser = {
  i18n: { getMessage },
  tabs: { query: async () => [{ id: 99 }] },
  runtime: {
    getManifest: () => ({ permissions: [...manifestPermissions] }),
    onMessage: {
      addListener: (listener: MessageListener) => messageListeners.add(listener),
      removeListener: (listener: MessageListener) => messageListeners.delete(listener),
    },
    sendMessage: async (envelope: RequestEnvelope | PageEventEnvelope) => {
      // A background broadcasting a page event (a real one, driven by the test) reaches the page's listeners.
      if ('pageEvent' in envelope) {
        pageEvents.push(envelope);
        firePageEvent(envelope);
        return undefined;
      }
      sent.push(envelope);
      const handler = handlers.get(envelope.type);
      if (!handler) return { ok: false, error: `no handler for ${envelope.type}` };
      try {
        return { ok: true, value: await handler(envelope.args) };
      } catch (e) {
        return { ok: false, error: (e as Error).message };
      }
    },
  },
  storage: {
    sync: {
      get: async (key: string) => (syncArea.has(key) ? { [key]: structuredClone(syncArea.get(key)) } : {}),
      set: async (items: Record<string, unknown>) => writeSync(items),
    },
    onChanged: {
      addListener: (listener: ChangeListener) => changeListeners.add(listener),
      removeListener: (listener: ChangeListener) => changeListeners.delete(listener),
    },
  },
};
