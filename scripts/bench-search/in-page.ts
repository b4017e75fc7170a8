/**
 * Functions the bench runs inside the dashboard page (Playwright serialises each one, so each is
 * self-contained: no imports, no closures over this module). They time in the page with
 * `performance.now()`, so the figures leave out the DevTools round trip.
 */

/** What the linear scan searches: each item's searchable text, one string per item. */
export interface ScanData {
  notes: string[];
  sources: string[];
  entities: string[];
}

/** The per-query times of one pass, in ms, and how many items matched each query. */
export interface PassTimes {
  ms: number[];
  tookMs: number[];
  found: number[];
}

/**
 * Installs the baseline: the same data case-folded once (as a sensible scan would), then each query
 * case-folded and every query word looked for as a substring of every item (all words must occur).
 */
export function installLinearScan(data: ScanData): number {
  const started = performance.now();
  const fold = (s: string) => s.toLocaleLowerCase('und');
  const folded = {
    notes: data.notes.map(fold),
    sources: data.sources.map(fold),
    entities: data.entities.map(fold),
  };
  const scope = globalThis as unknown as Record<string, (q: string) => number>;
  scope.__glossScan = (query: string) => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    let found = 0;
    for (const list of [folded.notes, folded.sources, folded.entities])
      for (const text of list) if (words.every((w) => text.includes(w))) found++;
    return found;
  };
  // The naive variant, which folds every item again for every query (as filtering records as stored would).
  scope.__glossNaiveScan = (query: string) => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    let found = 0;
    for (const list of [data.notes, data.sources, data.entities])
      for (const text of list) {
        const item = fold(text);
        if (words.every((w) => item.includes(w))) found++;
      }
    return found;
  };
  return performance.now() - started;
}

/** One pass of the linear scan over `queries` (`naive`: the variant that folds per query). */
export function runLinearScan(args: { queries: string[]; naive: boolean }): PassTimes {
  const { queries, naive } = args;
  const scope = globalThis as unknown as Record<string, (q: string) => number>;
  const scan = naive ? scope.__glossNaiveScan! : scope.__glossScan!;
  const out: PassTimes = { ms: [], tookMs: [], found: [] };
  for (const q of queries) {
    const t0 = performance.now();
    out.found.push(scan(q));
    out.ms.push(performance.now() - t0);
  }
  return out;
}

/** One pass of `search` requests over `queries`, one after another, as the dashboard sends them. */
export async function runSearches(queries: string[]): Promise<PassTimes> {
  const runtime = (
    globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
  ).chrome.runtime;
  const out: PassTimes = { ms: [], tookMs: [], found: [] };
  for (const query of queries) {
    const t0 = performance.now();
    const reply = (await runtime.sendMessage({ gloss: 1, type: 'search', args: { query } })) as
      | { ok: true; value: { tookMs: number; groups: { total: number }[] } }
      | { ok: false; error: string };
    const ms = performance.now() - t0;
    if (!reply?.ok) throw new Error(`search ${JSON.stringify(query)} failed: ${reply?.error ?? 'no reply'}`);
    out.ms.push(ms);
    out.tookMs.push(reply.value.tookMs);
    out.found.push(reply.value.groups.reduce((n, g) => n + g.total, 0));
  }
  return out;
}

/** Sends one request from the page and returns its value (throws its error). */
export async function sendRequest(message: { type: string; args: unknown }): Promise<unknown> {
  const runtime = (
    globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
  ).chrome.runtime;
  const reply = (await runtime.sendMessage({ gloss: 1, ...message })) as
    | { ok: true; value: unknown }
    | { ok: false; error: string };
  if (!reply?.ok) throw new Error(`${message.type} failed: ${reply?.error ?? 'no reply'}`);
  return reply.value;
}

/** The rows of the `searchIndex` store and their size as stored values (UTF-8 strings, binary as is). */
export async function readIndexSize(): Promise<{ rows: number; bytes: number; keys: string[] }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('gloss');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    if (!db.objectStoreNames.contains('searchIndex')) return { rows: 0, bytes: 0, keys: [] };
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction('searchIndex').objectStore('searchIndex').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const encoder = new TextEncoder();
    const sizeOf = (value: unknown): number => {
      if (typeof value === 'string') return encoder.encode(value).length;
      if (typeof value === 'number') return 8;
      if (typeof value === 'boolean' || value === null || value === undefined) return 1;
      if (value instanceof ArrayBuffer) return value.byteLength;
      if (ArrayBuffer.isView(value)) return value.byteLength;
      if (value instanceof Blob) return value.size;
      if (Array.isArray(value)) return value.reduce((n: number, v) => n + sizeOf(v), 0);
      if (value instanceof Map) return [...value].reduce((n, [k, v]) => n + sizeOf(k) + sizeOf(v), 0);
      if (typeof value === 'object')
        return Object.entries(value).reduce((n, [k, v]) => n + encoder.encode(k).length + sizeOf(v), 0);
      return 0;
    };
    const keys = rows.map((r) => String((r as { key?: unknown }).key));
    return { rows: rows.length, bytes: rows.reduce((n: number, r) => n + sizeOf(r), 0), keys };
  } finally {
    db.close();
  }
}

/** What the browser says this origin stores (bytes). */
export async function storageUsage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

/**
 * The scan Gloss itself would have to run without an index: per query, read every note, kept source and
 * entity from the extension's IndexedDB (where they live; the background keeps no copy in memory), fold
 * each and look for every query word. Same matching as `installLinearScan`'s.
 */
export async function runStoredScan(queries: string[]): Promise<PassTimes> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('gloss');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const fold = (s: string) => s.toLocaleLowerCase('und');
  const all = (tx: IDBTransaction, store: string) =>
    new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const req = tx.objectStore(store).getAll();
      req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
      req.onerror = () => reject(req.error);
    });
  const textOf = (record: Record<string, unknown>): string =>
    JSON.stringify(record, (key, value) => (key === 'clocks' || key === 'hlc' ? undefined : value));
  const out: PassTimes = { ms: [], tookMs: [], found: [] };
  try {
    for (const query of queries) {
      const t0 = performance.now();
      const words = fold(query).split(/\s+/).filter(Boolean);
      const stores = ['notes', 'userSources', 'sources', 'userEntities', 'entities'];
      const tx = db.transaction(stores, 'readonly');
      const lists = await Promise.all(stores.map((s) => all(tx, s)));
      let found = 0;
      for (const list of lists)
        for (const record of list) {
          const text = fold(textOf(record));
          if (words.every((w) => text.includes(w))) found++;
        }
      out.ms.push(performance.now() - t0);
      out.found.push(found);
    }
  } finally {
    db.close();
  }
  return out;
}
