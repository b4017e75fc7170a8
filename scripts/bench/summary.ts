/**
 * Turns the runs of one page into the figures the report prints: medians over runs, and for long tasks
 * every run's count (the goal is none in any run) with the longest seen.
 */
import { LONG_TASK_MS, type TaskShare } from './attribution';
import type { CorpusPage } from './corpus';
import type { PlainRun } from './measure-floor';
import type { GlossRun } from './measure-gloss';
import type { MarkJsRun } from './measure-markjs';
import { median } from './trace-model';

/** Everything measured on one page. */
export interface PageRuns {
  page: CorpusPage;
  gloss: GlossRun[];
  plain: PlainRun[];
  markJs: MarkJsRun[];
}

/** One page's figures. */
export interface PageSummary {
  label: string;
  /** Main-thread CPU time (see attribution.ts); the ratios use it. */
  glossMs: number;
  glossWallMs: number;
  floorMs: number;
  /** How far the floor's trace wall time and its in-page clock differ (ms), a check of the method. */
  floorClockGapMs: number;
  /** Gloss ÷ floor. */
  floorRatio: number;
  /** Median mark.js time; undefined when every run exceeded the cap. */
  markJsMs: number | undefined;
  markJsRuns: number;
  /** mark.js ÷ Gloss; a lower bound when mark.js exceeded the cap. */
  markJsRatio: number;
  isMarkJsCapped: boolean;
  longTaskCounts: number[];
  /** Of those, how many held at least 50 ms of Gloss CPU time (long even on an idle machine). */
  cpuLongTasks: number;
  /** The longest long task caused by Gloss, over all runs. */
  longestTaskMs: number | undefined;
  /** The task in which Gloss took the most time, over all runs. */
  busiestTask: TaskShare | undefined;
  heapGrowthMb: number;
  highlights: number;
  textNodes: number;
  textKb: number;
  isBusyAtEnd: boolean;
}

const med = (xs: number[]): number => median(xs) ?? Number.NaN;

/** Summarises one page; `markJsCapMs` stands in for runs that hit the cap. */
export function summarise(runs: PageRuns, markJsCapMs: number): PageSummary {
  const glossMs = med(runs.gloss.map((r) => r.attribution.cpuMs));
  const floorMs = med(runs.plain.map((r) => r.floorMs));
  const finished = runs.markJs.flatMap((r) => (r.ms === undefined ? [] : [r.ms]));
  const isMarkJsCapped = finished.length < runs.markJs.length;
  // With some runs over the cap, the median is at least the cap: report the cap as a lower bound.
  const markJsMs = isMarkJsCapped ? undefined : med(finished);
  const longTasks = runs.gloss.map((r) => r.attribution.longTasks);
  const longest = longTasks.flat().reduce<number | undefined>((m, t) => Math.max(m ?? 0, t.durMs), undefined);
  const busiest = runs.gloss
    .map((r) => r.attribution.busiestTask)
    .reduce<TaskShare | undefined>((m, t) => (!t || (m && m.ownedMs >= t.ownedMs) ? m : t), undefined);
  return {
    label: runs.page.label,
    glossMs,
    glossWallMs: med(runs.gloss.map((r) => r.attribution.ms)),
    floorMs,
    floorClockGapMs: Math.max(...runs.plain.map((r) => Math.abs(r.floorTraceWallMs - r.floorWallMs))),
    floorRatio: glossMs / floorMs,
    markJsMs,
    markJsRuns: runs.markJs.length,
    markJsRatio: (markJsMs ?? markJsCapMs) / glossMs,
    isMarkJsCapped,
    longTaskCounts: longTasks.map((l) => l.length),
    cpuLongTasks: longTasks.flat().filter((t) => t.ownedCpuMs >= LONG_TASK_MS).length,
    longestTaskMs: longest,
    busiestTask: busiest,
    heapGrowthMb:
      (med(runs.gloss.map((r) => r.heapBytes)) - med(runs.plain.map((r) => r.heapBytes))) / 1024 / 1024,
    highlights: med(runs.gloss.map((r) => r.highlights)),
    textNodes: med(runs.plain.map((r) => r.textNodes)),
    textKb: med(runs.plain.map((r) => r.chars)) / 1024,
    isBusyAtEnd: runs.gloss.some((r) => r.isBusyAtEnd),
  };
}

/** Sampled Gloss CPU time per function over all runs of all pages, as ms per run, largest first. */
export function hotFunctions(all: readonly PageRuns[]): [string, number][] {
  const totals = new Map<string, number>();
  let runs = 0;
  for (const p of all) {
    for (const r of p.gloss) {
      runs++;
      for (const [fn, ms] of r.attribution.byFunction) totals.set(fn, (totals.get(fn) ?? 0) + ms);
    }
  }
  return [...totals]
    .map(([fn, ms]): [string, number] => [fn, ms / Math.max(1, runs)])
    .sort((a, b) => b[1] - a[1]);
}
