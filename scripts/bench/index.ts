/**
 * `npm run bench`: Gloss's speed on large real pages, against baselines measured in the same run.
 *
 *   build dist/chrome ─▶ 127.0.0.1 server (saved pages + append page)
 *        │
 *        ├─ Chromium with Gloss ──── (a) trace per load ─▶ attribution.ts ─▶ Gloss ms, long tasks, heap
 *        └─ Chromium without it ──── (b) floor walk (traced) + heap baseline, (c) mark.js
 *   then the append scenario (Gloss browser), and report.ts prints the table and a verdict per goal.
 *
 * Options: --runs=N (default 3), --only=label[,label], --mark-cap=ms (default 60000), --no-build.
 * Exits 0 whatever the figures are (it reports, it does not assert); 1 if the bench itself fails, 2 if the
 * saved pages are absent.
 * Search (issue 14) has a bench of its own, `npm run bench:search` (scripts/bench-search/): it loads a
 * generated library of 10,000 notes, which takes minutes, so this one only names it at the end.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchBrowser, inNewTab, launchBrowser, type Tab } from './browser';
import { type CorpusPage, LARGE_PAGES, missingCorpus } from './corpus';
import { type AppendResult, measureAppend } from './measure-append';
import { measurePlain } from './measure-floor';
import { measureGloss } from './measure-gloss';
import { measureMarkJs } from './measure-markjs';
import type { Settle } from './page-probes';
import { appendLines, busiestTaskLine, hotFunctionLines, pageTable, verdicts } from './report';
import { startServer } from './server';
import { hotFunctions, type PageRuns, summarise } from './summary';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = resolve(root, '..', 'shared', 'pages');
const extension = join(root, 'dist', 'chrome');
const markJsPath = join(root, 'node_modules', 'mark.js', 'dist', 'mark.min.js');

// Gloss scans at document_idle; the floor and the heap baseline wait as long after load as Gloss's
// minimum settle, so both heaps are read at the same point of the page's life.
const SETTLE: Settle = { minMs: 2000, quietMs: 1000, maxMs: 10_000 };
// mark.js can take many seconds per load; past this, one run is enough to know it is far slower.
const MARK_JS_REPEAT_BELOW_MS = 15_000;

function option(name: string): string | undefined {
  const arg = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return arg === undefined ? undefined : (arg.split('=')[1] ?? '');
}

const log = (msg: string): void => {
  process.stderr.write(`bench: ${msg}\n`);
};

function build(): void {
  if (option('no-build') !== undefined) {
    if (!existsSync(join(extension, 'manifest.json')))
      throw new Error('--no-build, but dist/chrome is missing');
    log('using the existing dist/chrome (--no-build)');
    return;
  }
  log('building dist/chrome (scripts/build.ts --no-zip)');
  execFileSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/build.ts', '--no-zip'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** The alias strings Gloss compiles, from the built knowledge base, for mark.js to search. */
function glossAliases(): string[] {
  const kb = JSON.parse(readFileSync(join(extension, 'kb', 'bundle.json'), 'utf8')) as {
    entities: { aliases: { text: string }[] }[];
  };
  return [...new Set(kb.entities.flatMap((e) => e.aliases.map((a) => a.text)))];
}

/** Loads every page `runs` times in each browser, interleaved so drift over time hits all three alike. */
async function measurePages(
  pages: readonly CorpusPage[],
  base: string,
  browsers: { withGloss: BenchBrowser; plain: BenchBrowser },
  options: { runs: number; aliases: string[]; markJsCapMs: number },
): Promise<PageRuns[]> {
  const { withGloss, plain } = browsers;
  const glossPrefix = `chrome-extension://${withGloss.extensionId}/`;
  const isGloss = (url: string): boolean => url.startsWith(glossPrefix);
  const results: PageRuns[] = [];
  for (const page of pages) {
    const url = `${base}pages/${page.file}`;
    const r: PageRuns = { page, gloss: [], plain: [], markJs: [] };
    for (let i = 0; i < options.runs; i++) {
      r.gloss.push(await inNewTab(withGloss, (tab) => measureGloss(tab, url, isGloss, SETTLE)));
      r.plain.push(await inNewTab(plain, (tab) => measurePlain(tab, url, SETTLE.minMs)));
      const first = r.markJs[0];
      if (!first || (first.ms !== undefined && first.ms < MARK_JS_REPEAT_BELOW_MS)) {
        const run = (tab: Tab) => measureMarkJs(tab, url, markJsPath, options.aliases, options.markJsCapMs);
        r.markJs.push(await inNewTab(plain, run));
      }
      const mark = r.markJs[i];
      log(
        `${page.label} run ${i + 1}: Gloss ${r.gloss[i]!.attribution.cpuMs.toFixed(1)} ms CPU, ` +
          `floor ${r.plain[i]!.floorMs.toFixed(1)} ms, ` +
          `mark.js ${mark ? (mark.ms === undefined ? '> cap' : `${mark.ms.toFixed(0)} ms`) : '(not repeated)'}`,
      );
    }
    results.push(r);
  }
  return results;
}

/** Prints the report to stdout. */
function printReport(
  results: readonly PageRuns[],
  append: AppendResult,
  about: { version: string; runs: number; aliases: number; markJsCapMs: number; seconds: number },
): void {
  const rows = results.map((r) => summarise(r, about.markJsCapMs));
  const cpu = cpus();
  const out: string[] = [
    `Gloss benchmark, ${new Date().toISOString().slice(0, 10)}: ${about.version} headless, ` +
      `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}; ` +
      `${about.runs} loads per page, medians; ${about.aliases} aliases`,
    '',
    pageTable(rows, about.markJsCapMs),
    '',
    ...appendLines(append),
    '',
    ...verdicts(rows),
    '',
  ];
  const longest = busiestTaskLine(rows);
  if (longest) out.push(longest, '');
  out.push('Gloss main-thread CPU time by its innermost function (sampled; ms per page load, all pages):');
  out.push(...hotFunctionLines(hotFunctions(results)));
  const busy = rows.filter((r) => r.isBusyAtEnd).map((r) => r.label);
  if (busy.length > 0) out.push(`note: Gloss was still working when the trace stopped on ${busy.join(', ')}`);
  const floorCheck = Math.max(...rows.map((r) => r.floorClockGapMs));
  out.push(
    'notes: Gloss and floor figures are main-thread CPU time attributed from a trace (V8 samples + script ' +
      'events, scaled per task by thread time / wall time; see scripts/bench/attribution.ts), "(wall)" the ' +
      `same before scaling; the floor's trace wall time and in-page clock agree within ${floorCheck.toFixed(1)} ms. ` +
      'mark.js is timed with performance.now() around its synchronous call (wall). Long tasks are wall time. ' +
      `Heap is JSHeapUsedSize after GC, with Gloss minus without. Measuring took ${about.seconds.toFixed(0)} s.`,
  );
  console.log(out.join('\n'));
}

function positive(name: string, fallback: number): number {
  const value = Number(option(name) ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

async function main(): Promise<void> {
  const only = option('only')?.split(',');
  const pages = LARGE_PAGES.filter((p) => !only || only.includes(p.label));
  const missing = missingCorpus(corpus, pages);
  if (missing) {
    console.error(
      `bench: cannot run: ${missing}. The saved pages live outside the project (see ../shared/pages/SOURCES.md).`,
    );
    process.exit(2);
  }
  const runs = positive('runs', 3);
  const markJsCapMs = positive('mark-cap', 60_000);
  build();
  const aliases = glossAliases();
  const server = await startServer(corpus);
  const withGloss = await launchBrowser(extension);
  const plain = await launchBrowser(undefined);
  const started = Date.now();
  try {
    const results = await measurePages(
      pages,
      server.base,
      { withGloss, plain },
      { runs, aliases, markJsCapMs },
    );
    log('append scenario');
    const glossPrefix = `chrome-extension://${withGloss.extensionId}/`;
    const append = await measureAppend(withGloss, server.base, (u) => u.startsWith(glossPrefix), SETTLE);
    const seconds = (Date.now() - started) / 1000;
    printReport(results, append, {
      version: withGloss.version,
      runs,
      aliases: aliases.length,
      markJsCapMs,
      seconds,
    });
    log('search has its own bench: npm run bench:search (scripts/bench-search/)');
  } finally {
    await withGloss.close();
    await plain.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(`bench: failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
