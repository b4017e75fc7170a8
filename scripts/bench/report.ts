/**
 * Prints the benchmark: one table row per page, the append scenario, a verdict per goal of the issue
 * (at most 2x the floor on every large page, no long task caused by Gloss, at least 50x less time than
 * mark.js), and where Gloss spent its time. It reports; it does not assert.
 */
import { LONG_TASK_MS } from './attribution';
import type { AppendResult } from './measure-append';
import type { PageSummary } from './summary';

/** The goals, as the issue states them. */
export const GOALS = { maxFloorRatio: 2, minMarkJsRatio: 50 } as const;

const ms = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '-');
const times = (n: number): string => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(2) : n.toFixed(0)}x` : '-');

/** The per-page table. */
export function pageTable(rows: readonly PageSummary[], markJsCapMs: number): string {
  const head = [
    'page',
    'Gloss ms',
    '(wall)',
    'floor ms',
    'Gloss/floor',
    'mark.js ms',
    'mark.js/Gloss',
    'long tasks (per run; max ms)',
    'max Gloss/task ms',
    'heap MB',
    'highlights',
    'text nodes / KB',
  ];
  const body = rows.map((r) => [
    r.label,
    ms(r.glossMs),
    ms(r.glossWallMs),
    ms(r.floorMs),
    times(r.floorRatio),
    r.isMarkJsCapped
      ? `> ${(markJsCapMs / 1000).toFixed(0)} s`
      : `${ms(r.markJsMs ?? Number.NaN)}${r.markJsRuns < 2 ? ' (1 run)' : ''}`,
    `${r.isMarkJsCapped ? '> ' : ''}${times(r.markJsRatio)}`,
    `${r.longTaskCounts.join('/')}${r.longestTaskMs === undefined ? '' : `; ${ms(r.longestTaskMs)}`}`,
    ms(r.busiestTask?.ownedMs ?? Number.NaN),
    `${r.heapGrowthMb >= 0 ? '+' : ''}${r.heapGrowthMb.toFixed(2)}`,
    String(r.highlights),
    `${r.textNodes} / ${r.textKb.toFixed(0)}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** The append scenario in two lines. */
export function appendLines(a: AppendResult): string[] {
  const perAppendUs = (a.attribution.cpuMs * 1000) / a.appends;
  const kb = a.charsPerAppend / 1024;
  const added = a.highlightsAfter - a.highlightsBefore;
  const expected = a.highlightsStatic - a.highlightsBefore;
  const verdict =
    added === 0 && expected > 0
      ? 'Gloss highlighted nothing new (live updates not in this build)'
      : `${added} of ${expected} new mentions highlighted`;
  const longest = a.attribution.longTasks.reduce((m, t) => Math.max(m, t.durMs), 0);
  return [
    `append: ${a.appends} appends of ${kb.toFixed(1)} KB of text (every 200 ms): Gloss ${ms(a.attribution.cpuMs)} ms CPU ` +
      `(${ms(a.attribution.ms)} ms wall) in all = ` +
      `${perAppendUs.toFixed(0)} µs per append = ${(perAppendUs / kb).toFixed(0)} µs per KB added; ` +
      `long tasks by Gloss: ${a.attribution.longTasks.length}${longest ? ` (longest ${ms(longest)} ms)` : ''}; ` +
      `most Gloss work in one task ${ms(a.attribution.busiestTask?.ownedMs ?? 0)} ms`,
    `append: ${verdict}; a full scan of the final page (${a.highlightsStatic} mentions, same text at load) ` +
      `costs Gloss ${ms(a.staticScanMs)} ms CPU`,
  ];
}

/** One verdict line per goal. */
export function verdicts(rows: readonly PageSummary[]): string[] {
  const worst = (key: 'floorRatio' | 'markJsRatio', pick: 'max' | 'min'): PageSummary =>
    rows.reduce((a, b) => ((pick === 'max' ? b[key] > a[key] : b[key] < a[key]) ? b : a));
  const floor = worst('floorRatio', 'max');
  const markJs = worst('markJsRatio', 'min');
  const withLong = rows.filter((r) => r.longTaskCounts.some((n) => n > 0));
  const longest = withLong.reduce<PageSummary | undefined>(
    (a, b) => (a && (a.longestTaskMs ?? 0) >= (b.longestTaskMs ?? 0) ? a : b),
    undefined,
  );
  const met = (ok: boolean): string => (ok ? 'MET' : 'NOT MET');
  const longCount = withLong.reduce((n, r) => n + r.longTaskCounts.reduce((a, b) => a + b, 0), 0);
  const cpuLong = withLong.reduce((n, r) => n + r.cpuLongTasks, 0);
  const waited =
    longCount > cpuLong
      ? `; in ${longCount - cpuLong} of ${longCount} Gloss used under ${LONG_TASK_MS} ms of CPU: the thread was descheduled`
      : '';
  return [
    `goal: Gloss at most ${GOALS.maxFloorRatio}x the floor on every large page: ${met(floor.floorRatio <= GOALS.maxFloorRatio)} ` +
      `(worst ${floor.label} ${times(floor.floorRatio)}: ${ms(floor.glossMs)} ms vs ${ms(floor.floorMs)} ms)`,
    `goal: no long task (> ${LONG_TASK_MS} ms) caused by Gloss: ${met(withLong.length === 0)}` +
      (longest
        ? ` (on ${withLong.map((r) => r.label).join(', ')}; longest ${ms(longest.longestTaskMs ?? 0)} ms on ${longest.label}${waited})`
        : ''),
    `goal: at least ${GOALS.minMarkJsRatio}x less time than mark.js: ${met(markJs.markJsRatio >= GOALS.minMarkJsRatio)} ` +
      `(lowest ${markJs.label} ${markJs.isMarkJsCapped ? '> ' : ''}${times(markJs.markJsRatio)})`,
  ];
}

/** The task in which Gloss took the most time on any page, and what it was doing there. */
export function busiestTaskLine(rows: readonly PageSummary[]): string | undefined {
  const worst = rows
    .filter((r) => r.busiestTask)
    .reduce<PageSummary | undefined>(
      (a, b) => (a && a.busiestTask!.ownedMs >= b.busiestTask!.ownedMs ? a : b),
      undefined,
    );
  const task = worst?.busiestTask;
  if (!worst || !task) return undefined;
  const fns = task.topFunctions.map(([fn, v]) => `${fn} ${ms(v)}`).join(', ');
  return (
    `most Gloss work in one task: ${ms(task.ownedMs)} ms of a ${ms(task.durMs)} ms task (wall) on ${worst.label}; ` +
    `CPU by function: ${fns} ms`
  );
}

/** Where Gloss spent its time, from the samples (CPU ms per page load, averaged over every run). */
export function hotFunctionLines(hot: readonly [string, number][], top = 10): string[] {
  const total = hot.reduce((s, [, v]) => s + v, 0);
  return hot
    .slice(0, top)
    .map(
      ([fn, v]) =>
        `  ${fn.padEnd(28)} ${v.toFixed(1).padStart(7)} ms  ${((100 * v) / total).toFixed(0).padStart(3)}%`,
    );
}
