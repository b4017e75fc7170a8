/**
 * MiniSearch, FlexSearch and Orama behind one small interface for compare-libraries.ts. FlexSearch and
 * Orama are not dependencies of Gloss: they are loaded by name at run time (`npm i --no-save flexsearch
 * @orama/orama`), so a checkout without them still type-checks, and a missing one is skipped.
 */
import { tokenize } from './compare-tokenize';

/** One searchable thing: a note, a source or an entity, its fields joined. */
export interface CompareDoc {
  id: number;
  text: string;
}

/** What the comparison does with each library. */
export interface SearchAdapter {
  name: string;
  version: string;
  build(docs: readonly CompareDoc[]): Promise<void>;
  /** Ids of the best 10. */
  search(query: string): Promise<number[]>;
  add(doc: CompareDoc): Promise<void>;
  remove(doc: CompareDoc): Promise<void>;
  /** The index as text, as it would be stored. */
  serialize(): Promise<string>;
  /** A fresh index from `serialize()`'s text. */
  load(text: string): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: libraries loaded by name have no types here
type Any = any;

/** The module, or undefined when it is not installed. */
async function optional(name: string): Promise<Any | undefined> {
  try {
    return await import(name);
  } catch {
    return undefined;
  }
}

/** The installed version, read from node_modules (some packages do not export their package.json). */
async function versionOf(name: string): Promise<string> {
  const { readFileSync } = await import('node:fs');
  const url = new URL(`../../node_modules/${name}/package.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

async function miniSearch(): Promise<SearchAdapter | undefined> {
  const mod = await optional('minisearch');
  if (!mod) return undefined;
  const MiniSearch = mod.default;
  const options = {
    fields: ['text'],
    tokenize,
    searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND' },
  };
  let index: Any = new MiniSearch(options);
  return {
    name: 'MiniSearch',
    version: await versionOf('minisearch'),
    build: async (docs) => {
      index = new MiniSearch(options);
      index.addAll(docs);
    },
    search: async (q) => (index.search(q) as { id: number }[]).slice(0, 10).map((r) => r.id),
    add: async (doc) => index.add(doc),
    remove: async (doc) => index.discard(doc.id),
    serialize: async () => JSON.stringify(index),
    load: async (text) => {
      index = MiniSearch.loadJSON(text, options);
    },
  };
}

async function flexSearch(): Promise<SearchAdapter | undefined> {
  const mod = await optional('flexsearch');
  if (!mod) return undefined;
  const Index = mod.Index ?? mod.default?.Index;
  // "forward" indexes every prefix of every word: FlexSearch's way to prefix search (it has no edit distance).
  const options = { tokenize: 'forward', encode: tokenize };
  let index: Any = new Index(options);
  return {
    name: 'FlexSearch',
    version: await versionOf('flexsearch'),
    build: async (docs) => {
      index = new Index(options);
      for (const d of docs) index.add(d.id, d.text);
    },
    search: async (q) => index.search(q, { limit: 10 }) as number[],
    add: async (doc) => index.add(doc.id, doc.text),
    remove: async (doc) => index.remove(doc.id),
    serialize: async () => {
      const parts: Record<string, string> = {};
      await index.export((key: string, data: string) => {
        parts[key] = data;
      });
      return JSON.stringify(parts);
    },
    load: async (text) => {
      index = new Index(options);
      for (const [key, data] of Object.entries(JSON.parse(text) as Record<string, string>))
        index.import(key, data);
    },
  };
}

async function orama(): Promise<SearchAdapter | undefined> {
  const mod = await optional('@orama/orama');
  if (!mod) return undefined;
  const make = () =>
    mod.create({
      schema: { text: 'string' },
      components: { tokenizer: { language: 'english', normalizationCache: new Map(), tokenize } },
    });
  let db: Any = make();
  const asDoc = (d: CompareDoc) => ({ id: String(d.id), text: d.text });
  return {
    name: 'Orama',
    version: await versionOf('@orama/orama'),
    build: async (docs) => {
      db = make();
      await mod.insertMultiple(db, docs.map(asDoc), 500);
    },
    // Orama matches prefixes unless `exact`; tolerance is its edit distance; threshold 0 wants every word.
    search: async (q) => {
      const r = await mod.search(db, { term: q, tolerance: 1, threshold: 0, limit: 10 });
      return (r.hits as { id: string }[]).map((h) => Number(h.id));
    },
    add: async (doc) => {
      await mod.insert(db, asDoc(doc));
    },
    remove: async (doc) => {
      await mod.remove(db, String(doc.id));
    },
    serialize: async () => JSON.stringify(mod.save(db)),
    load: async (text) => {
      db = make();
      mod.load(db, JSON.parse(text));
    },
  };
}

/** The adapters of the libraries that are installed, and the names of those that are not. */
export async function installedAdapters(): Promise<{ adapters: SearchAdapter[]; missing: string[] }> {
  const found = await Promise.all([
    miniSearch().then((a) => [a, 'minisearch'] as const),
    flexSearch().then((a) => [a, 'flexsearch'] as const),
    orama().then((a) => [a, '@orama/orama'] as const),
  ]);
  const adapters: SearchAdapter[] = [];
  const missing: string[] = [];
  for (const [adapter, name] of found) {
    if (adapter) adapters.push(adapter);
    else missing.push(name);
  }
  return { adapters, missing };
}
