/** The search bench's figures, their verdicts against issue 14's goals, and the printed table. */

import type { PassTimes } from './in-page';
import type { LoadTimes } from './load';
import type { BuildFigures, PaintFigures, RestartFigures, ScanFigures } from './measure';
import type { BenchQuery } from './queries';
import { p50p95, percentile } from './stats';

/** Issue 14's goals. */
export const GOALS = { p95Ms: 30, speedup: 20, paintMs: 300 } as const;

export interface Verdict {
  goal: string;
  figure: string;
  verdict: 'met' | 'NOT met' | 'not measured';
}

/** Everything one run measured (written to .tmp/bench-search.json). */
export interface BenchResults {
  about: {
    date: string;
    chromium: string;
    cores: number;
    cpu: string;
    node: string;
    seed: number;
    passes: number;
    /** The 1-minute load average when measuring started and ended. */
    load: [number, number];
    seconds: number;
  };
  library: {
    entities: number;
    aliases: number;
    sources: number;
    sourceWords: number;
    notes: number;
    files: { glossary: number[]; notes: number[] };
  };
  load: LoadTimes;
  storage: { beforeBytes: number; afterBytes: number };
  /** Why search was not measured (the engine refused), or undefined. */
  searchError?: string;
  build?: BuildFigures;
  queries: BenchQuery[];
  scan: ScanFigures;
  /** The measured pass of `search` requests over `queries`. */
  searches?: PassTimes;
  restart?: RestartFigures;
  dashboard: PaintFigures;
  verdicts: Verdict[];
}

const ms = (n: number): string => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms` : 'n/a');
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The verdict per goal. */
export function verdicts(r: Omit<BenchResults, 'verdicts'>): Verdict[] {
  const out: Verdict[] = [];
  if (r.searches) {
    const rtt = p50p95(r.searches.ms);
    const scan = p50p95(r.scan.scan.ms);
    const ratio = scan.p50 / rtt.p50;
    out.push({
      goal: `search p95 under ${GOALS.p95Ms} ms (round trip from the dashboard)`,
      figure: ms(rtt.p95),
      verdict: rtt.p95 < GOALS.p95Ms ? 'met' : 'NOT met',
    });
    // Two readings of "the linear scan": the one Gloss could run (the records read from IndexedDB per query;
    // the same queries' search times), and a lower bound that keeps the whole library folded in memory.
    const stored = p50p95(r.scan.storedScan.ms).p50;
    const sameQueries = p50p95(r.searches.ms.slice(0, r.scan.storedScan.ms.length)).p50;
    const storedRatio = stored / sameQueries;
    out.push({
      goal: `at least ${GOALS.speedup}x faster than the linear scan over the stored records (p50, same ${r.scan.storedScan.ms.length} queries)`,
      figure: `${storedRatio.toFixed(0)}x`,
      verdict: storedRatio >= GOALS.speedup ? 'met' : 'NOT met',
    });
    out.push({
      goal: `at least ${GOALS.speedup}x faster than a scan of the library kept folded in memory (p50)`,
      figure: `${ratio.toFixed(1)}x`,
      verdict: ratio >= GOALS.speedup ? 'met' : 'NOT met',
    });
  } else {
    out.push({ goal: `search p95 under ${GOALS.p95Ms} ms`, figure: 'n/a', verdict: 'not measured' });
    out.push({
      goal: `at least ${GOALS.speedup}x faster than the linear scan`,
      figure: 'n/a',
      verdict: 'not measured',
    });
  }
  const fcp = percentile(r.dashboard.fcpMs, 50);
  const note = percentile(r.dashboard.firstNoteMs, 50);
  out.push({
    goal: `dashboard first contentful paint under ${GOALS.paintMs} ms (median of ${r.dashboard.fcpMs.length})`,
    figure: ms(fcp),
    verdict: fcp < GOALS.paintMs ? 'met' : 'NOT met',
  });
  out.push({
    goal: `dashboard's first note shown under ${GOALS.paintMs} ms (median of ${r.dashboard.firstNoteMs.length})`,
    figure: ms(note),
    verdict: note < GOALS.paintMs ? 'met' : 'NOT met',
  });
  return out;
}

/** The report as printed lines. */
export function reportLines(r: BenchResults): string[] {
  const { about, library: lib } = r;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const lines = [
    `Gloss search bench, ${about.date}: ${about.chromium} headless, ${about.cores} cores (${about.cpu}), Node ${about.node}, seed ${about.seed}; load average ${about.load.map((l) => l.toFixed(1)).join(' → ')}`,
    `library: ${lib.entities} entities (${lib.aliases} aliases), ${lib.sources} sources (${lib.sourceWords} words), ${lib.notes} notes; ` +
      `imported as ${lib.files.glossary.length} Gloss JSON files (${lib.files.glossary.map(mb).join(', ')}) and ` +
      `${lib.files.notes.length} JSON-LD files (${lib.files.notes.map(mb).join(', ')})`,
    `import: glossary ${ms(sum(r.load.glossaryMs))} in all, notes ${ms(sum(r.load.notesMs))} in all`,
    `storage (navigator.storage.estimate): ${mb(r.storage.beforeBytes)} before loading, ${mb(r.storage.afterBytes)} after the index was built`,
  ];
  if (r.searchError) lines.push(`search: not measured: ${r.searchError}`);
  if (r.build)
    lines.push(
      `index build (first search after loading): ${ms(r.build.firstSearchMs)} round trip, tookMs ${ms(r.build.firstTookMs)}`,
      `index in IndexedDB (searchIndex): ${r.build.index.rows} rows, ${mb(r.build.index.bytes)} (${r.build.index.keys.join(', ')})`,
    );
  const c = p50p95(r.scan.scan.ms);
  lines.push('', `50 queries × ${about.passes} passes, after a warm-up     p50        p95`);
  const row = (label: string, a: string, b: string) =>
    `${label.padEnd(32)} ${a.padStart(10)} ${b.padStart(10)}`;
  const searches = r.searches;
  if (searches) {
    const s = p50p95(searches.ms);
    const t = p50p95(searches.tookMs);
    lines.push(
      row('search, round trip', ms(s.p50), ms(s.p95)),
      row('search, tookMs (background)', ms(t.p50), ms(t.p95)),
    );
  }
  const naive = p50p95(r.scan.naiveScan.ms);
  const stored = p50p95(r.scan.storedScan.ms);
  lines.push(
    row('linear scan, folded once', ms(c.p50), ms(c.p95)),
    row('linear scan, folding per query', ms(naive.p50), ms(naive.p95)),
    row(`scan of stored records (${r.scan.storedScan.ms.length} q)`, ms(stored.p50), ms(stored.p95)),
  );
  if (searches) {
    const s = p50p95(searches.ms);
    const x = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
    lines.push(
      row('scan folded once / search', x(c.p50, s.p50), x(c.p95, s.p95)),
      row('scan folding per query / search', x(naive.p50, s.p50), x(naive.p95, s.p95)),
    );
    // A query's figure is its median over the passes.
    const n = r.queries.length;
    const slowest = r.queries
      .map((q, i) => ({
        q,
        ms: percentile(
          searches.ms.filter((_, j) => j % n === i),
          50,
        ),
        found: searches.found[i]!,
      }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3);
    lines.push(
      `slowest: ${slowest.map((x) => `${JSON.stringify(x.q.text)} (${x.q.kind}) ${ms(x.ms)}, ${x.found} found`).join('; ')}`,
    );
    // Which kinds of query make the p95: 4 typos of 50 are more than 5%, so they alone can set it.
    const kinds = [...new Set(r.queries.map((q) => q.kind))];
    const byKind = kinds.map((kind) => {
      const own = searches.tookMs.filter((_, j) => r.queries[j % n]!.kind === kind);
      return `${kind} ${ms(percentile(own, 50))}`;
    });
    lines.push(`tookMs median by kind: ${byKind.join(', ')}`);
    const zero = r.queries.filter((_, i) => searches.found[i] === 0);
    if (zero.length > 0)
      lines.push(
        `search found nothing for: ${zero.map((q) => `${JSON.stringify(q.text)} (${q.kind})`).join(', ')}`,
      );
  }
  if (r.restart)
    lines.push(
      `after stopping the service worker: first search ${ms(r.restart.firstMs)} round trip (tookMs ${ms(r.restart.firstTookMs)}), ` +
        `next ${ms(r.restart.secondMs)} (tookMs ${ms(r.restart.secondTookMs)})`,
    );
  lines.push(
    `dashboard.html, ${r.dashboard.fcpMs.length} fresh loads: first contentful paint ${r.dashboard.fcpMs.map((x) => x.toFixed(0)).join(', ')} ms; ` +
      `first note shown ${r.dashboard.firstNoteMs.map((x) => x.toFixed(0)).join(', ')} ms`,
    '',
    ...r.verdicts.map((v) => `${v.verdict.padEnd(12)} ${v.goal}: ${v.figure}`),
    `measuring took ${about.seconds.toFixed(0)} s; figures in .tmp/bench-search.json`,
  );
  return lines;
}
