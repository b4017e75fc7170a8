/**
 * For engine-device.ts: what the extension's background code needs to load in plain Node: fake-indexeddb as IndexedDB (before
 * Dexie is first imported, since Dexie reads the globals when it loads), and the least of an extension
 * `browser` for webextension-polyfill, which refuses to load without `runtime.id`. The sync engine words its
 * errors with `i18n.getMessage`; here that finds no message, so `t()` gives the message key
 * (`syncErrorServer`), which is all a bench needs to say what failed. Import this module first.
 */
import 'fake-indexeddb/auto';

const runtime = { id: 'gloss-bench-sync' };
const scope = globalThis as { chrome?: unknown; browser?: unknown };
scope.chrome ??= { runtime };
scope.browser ??= { runtime, i18n: { getMessage: () => '' } };
