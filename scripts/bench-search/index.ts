/**
 * `npm run bench:search`: issue 14's search bench. One headless Chromium with the built extension:
 *
 *   generate (seeded) ─▶ import through the dashboard's paths (Gloss JSON, JSON-LD)
 *     ─▶ first search (index build) ─▶ searchIndex size ─▶ 50 queries vs a linear scan in the page
 *     ─▶ stop the service worker, first search again (stored index) ─▶ dashboard first paint ×5
 *
 * Options: --no-build (use dist/chrome as it is), --seed=N (default 14), --loads=N (dashboard, default 5),
 * --passes=N (measured passes over the 50 queries after the warm-up, default 3; p50/p95 over all of them),
 * --scale=F (a fraction of the library, to try the bench out; the goals are for 1).
 * Prints the table with a verdict per goal and writes .tmp/bench-search.json. Exits 0 whatever the
 * figures (it reports, it does not assert), 1 if the bench itself fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inPage, launchWithExtension } from './browser';
import { glossaryFiles, noteFiles } from './files';
import { storageUsage } from './in-page';
import { FULL_SIZE, generateLibrary } from './library';
import { loadLibrary } from './load';
import { measureBuild, measureDashboard, measureRestart, measureScan, measureSearches } from './measure';
import { benchQueries } from './queries';
import { type BenchResults, reportLines, verdicts } from './report';
import { scanData } from './scan-data';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const extension = join(root, 'dist', 'chrome');

const option = (name: string): string | undefined =>
  process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`))?.split('=')[1];
/** A numeric option, or `fallback`; anything but a positive number is refused. */
function positive(name: string, fallback: number): number {
  const value = Number(option(name) ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const log = (msg: string): void => {
  process.stderr.write(`bench:search: ${msg}\n`);
};

function build(): void {
  if (process.argv.includes('--no-build')) {
    if (!existsSync(join(extension, 'manifest.json')))
      throw new Error('--no-build, but dist/chrome is missing');
    return;
  }
  log('building dist/chrome (scripts/build.ts --no-zip)');
  execFileSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/build.ts', '--no-zip'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function main(): Promise<void> {
  const seed = Math.floor(positive('seed', 14));
  const loads = Math.ceil(positive('loads', 5));
  const passCount = Math.ceil(positive('passes', 3));
  build();
  const started = Date.now();
  // On 2 cores other work moves the figures a lot: the report says how busy the machine was.
  const loadAtStart = loadavg()[0]!;
  // --scale=0.1 makes a tenth of the library, for trying the bench out.
  const scale = positive('scale', 1);
  const size = {
    entities: Math.round(FULL_SIZE.entities * scale),
    sources: Math.round(FULL_SIZE.sources * scale),
    notes: Math.round(FULL_SIZE.notes * scale),
  };
  const library = generateLibrary(seed, size);
  const files = { glossary: glossaryFiles(library), notes: noteFiles(library) };
  const queries = benchQueries(library);
  log(
    `generated ${library.entities.length} entities, ${library.sources.length} sources, ${library.notes.length} notes`,
  );
  const browser = await launchWithExtension(extension);
  try {
    const page = await browser.openPage('dashboard.html');
    const beforeBytes = await inPage(page, storageUsage, undefined);
    const load = await loadLibrary(page, files, log);
    const texts = queries.map((q) => q.text);
    let searchError: string | undefined;
    let build: BenchResults['build'];
    let searches: BenchResults['searches'];
    let restart: BenchResults['restart'];
    try {
      log('first search (index build)');
      build = await measureBuild(page, 'ransomware');
      log(`50 queries, ${passCount} passes after a warm-up`);
      searches = await measureSearches(page, texts, passCount);
      log('stopping the service worker');
      restart = await measureRestart(browser, page, ['Typhoon', 'supply-chain compromise']);
    } catch (e) {
      searchError = e instanceof Error ? e.message : String(e);
      log(`search not measured: ${searchError}`);
    }
    const afterBytes = await inPage(page, storageUsage, undefined);
    log('the linear scan');
    const scan = await measureScan(page, texts, scanData(library), passCount);
    await page.close();
    log(`dashboard, ${loads} fresh loads`);
    const dashboard = await measureDashboard(browser, loads);
    const cpu = cpus();
    const results: Omit<BenchResults, 'verdicts'> = {
      about: {
        date: new Date().toISOString(),
        chromium: browser.version,
        cores: cpu.length,
        cpu: cpu[0]?.model.trim() ?? 'unknown CPU',
        node: process.version,
        seed,
        passes: passCount,
        load: [loadAtStart, loadavg()[0]!],
        seconds: (Date.now() - started) / 1000,
      },
      library: {
        entities: library.entities.length,
        aliases: library.entities.reduce((n, e) => n + e.aliases.length, 0),
        sources: library.sources.length,
        sourceWords: library.sources.reduce((n, s) => n + s.words, 0),
        notes: library.notes.length,
        files: {
          glossary: files.glossary.map((f) => Buffer.byteLength(f)),
          notes: files.notes.map((f) => Buffer.byteLength(f)),
        },
      },
      load,
      storage: { beforeBytes, afterBytes },
      ...(searchError ? { searchError } : {}),
      ...(build ? { build } : {}),
      queries,
      scan,
      ...(searches ? { searches } : {}),
      ...(restart ? { restart } : {}),
      dashboard,
    };
    const full: BenchResults = { ...results, verdicts: verdicts(results) };
    mkdirSync(join(root, '.tmp'), { recursive: true });
    writeFileSync(join(root, '.tmp', 'bench-search.json'), `${JSON.stringify(full, null, 2)}\n`);
    console.log(reportLines(full).join('\n'));
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(`bench:search: failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
