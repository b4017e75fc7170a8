/**
 * `npx tsx scripts/bench-search/compare-libraries.ts`: MiniSearch, FlexSearch and Orama in Node over the
 * search bench's generated library (every note, source and entity as one text field, the same tokenizer
 * for all): build time, serialized size, serialize and load times, the 50 queries' p50/p95 (after a
 * warm-up pass), whether typos and prefixes find anything, and incremental add/remove. Install the other
 * two for the run only: `npm i --no-save flexsearch @orama/orama`; a library that is not installed is
 * skipped with one line. Writes .tmp/bench-search-libraries.json. Options: --seed=N (default 14).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type CompareDoc, installedAdapters, type SearchAdapter } from './compare-adapters';
import { generateLibrary } from './library';
import { type BenchQuery, benchQueries } from './queries';
import { scanData } from './scan-data';
import { p50p95 } from './stats';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

// A garbage collection before each heap reading, so an index's heap is not hidden by a collection mid-build.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapUsed = (): number => {
  gc();
  return process.memoryUsage().heapUsed;
};

interface LibraryFigures {
  library: string;
  version: string;
  buildMs: number;
  serializedBytes: number;
  serializeMs: number;
  loadMs: number;
  query: { p50: number; p95: number };
  /** Queries of the kind that found at least one thing, of how many. */
  typoFound: string;
  prefixFound: string;
  /** Average per document over 100 adds and 100 removes. */
  addMs: number;
  removeMs: number;
  heapMb: number;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await work();
  return [value, performance.now() - t0];
}

async function measure(a: SearchAdapter, docs: CompareDoc[], queries: BenchQuery[]): Promise<LibraryFigures> {
  const heapBefore = heapUsed();
  const [, buildMs] = await timed(() => a.build(docs));
  const heapMb = (heapUsed() - heapBefore) / 1024 / 1024;
  for (const q of queries) await a.search(q.text);
  const times: number[] = [];
  const found: number[] = [];
  for (const q of queries) {
    const [ids, ms] = await timed(() => a.search(q.text));
    times.push(ms);
    found.push(ids.length);
  }
  const share = (kind: BenchQuery['kind']) => {
    const of = queries.flatMap((q, i) => (q.kind === kind ? [found[i]!] : []));
    return `${of.filter((n) => n > 0).length}/${of.length}`;
  };
  const extra = docs.slice(0, 100).map((d) => ({ id: d.id + 1_000_000, text: d.text }));
  const [, addAll] = await timed(async () => {
    for (const d of extra) await a.add(d);
  });
  const [, removeAll] = await timed(async () => {
    for (const d of extra) await a.remove(d);
  });
  const [text, serializeMs] = await timed(() => a.serialize());
  const [, loadMs] = await timed(() => a.load(text));
  return {
    library: a.name,
    version: a.version,
    buildMs,
    serializedBytes: Buffer.byteLength(text),
    serializeMs,
    loadMs,
    query: p50p95(times),
    typoFound: share('typo'),
    prefixFound: share('prefix'),
    addMs: addAll / extra.length,
    removeMs: removeAll / extra.length,
    heapMb,
  };
}

async function main(): Promise<void> {
  const seed = Number(process.argv.find((a) => a.startsWith('--seed='))?.split('=')[1] ?? 14);
  const library = generateLibrary(seed);
  const data = scanData(library);
  const texts = [...data.notes, ...data.sources, ...data.entities];
  const docs = texts.map((text, id) => ({ id, text }));
  const queries = benchQueries(library);
  const { adapters, missing } = await installedAdapters();
  for (const name of missing) console.log(`skipped ${name}: not installed (npm i --no-save ${name})`);
  const rows: LibraryFigures[] = [];
  for (const a of adapters) {
    process.stderr.write(`compare: ${a.name} ${a.version}\n`);
    rows.push(await measure(a, docs, queries));
  }
  const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));
  console.log(
    `${docs.length} documents (${library.notes.length} notes, ${library.sources.length} sources, ${library.entities.length} entities), 50 queries, Node ${process.version}`,
  );
  console.log(
    'library            build ms  size MB  save ms  load ms  query p50  p95 ms  typo  prefix  add/remove ms  heap MB',
  );
  for (const r of rows)
    console.log(
      `${`${r.library} ${r.version}`.padEnd(18)} ${ms(r.buildMs).padStart(8)} ${(r.serializedBytes / 1024 / 1024).toFixed(1).padStart(8)} ` +
        `${ms(r.serializeMs).padStart(8)} ${ms(r.loadMs).padStart(8)} ${ms(r.query.p50).padStart(10)} ${ms(r.query.p95).padStart(7)} ` +
        `${r.typoFound.padStart(5)} ${r.prefixFound.padStart(7)} ${`${ms(r.addMs)}/${ms(r.removeMs)}`.padStart(14)} ${r.heapMb.toFixed(0).padStart(8)}`,
    );
  mkdirSync(join(root, '.tmp'), { recursive: true });
  writeFileSync(
    join(root, '.tmp', 'bench-search-libraries.json'),
    `${JSON.stringify({ seed, node: process.version, documents: docs.length, rows, missing }, null, 2)}\n`,
  );
}

main().catch((e: unknown) => {
  console.error(`compare: failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
