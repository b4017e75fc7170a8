/**
 * Attributes a renderer main thread's time to one script (Gloss's content script, or the bench's floor
 * script), from a trace.
 *
 * Why samples and not just events: the trace tags only some JS entry points with a URL (`EvaluateScript`,
 * `v8.compile`, `FunctionCall` of a listener or timer). Gloss's scan runs in promise continuations after the
 * background answers its `getPageConfig` message: a `Receive mojo message` (extensions.mojom.MessagePort)
 * followed by `RunMicrotasks`, with no URL anywhere. The V8 sampling profiler recorded in the same trace
 * (about one sample per 150 µs) has the JS stack of every sample, so:
 *
 *  1. URL-tagged events: every complete event on the thread whose `data.url` / `fileName` is the script's
 *     (compile, top-level run, listener and timer calls) counts for its full duration. Nested ones are
 *     merged into their outermost interval first, so nothing is counted twice.
 *  2. Samples outside those intervals count their weight when any frame of their stack belongs to the
 *     script. DOM and layout work the script calls synchronously (TreeWalker, `getClientRects`,
 *     `checkVisibility`) is sampled under the calling frame, so it counts too. A sample's weight is the gap
 *     to the next sample, clipped at the end of its task: the sampler sometimes stalls for tens of ms
 *     (seen while V8 parses a large /iu RegExp), and the stack before the stall is the one that was
 *     running. Outside any task the weight is capped at four sampling intervals.
 *  3. A `(garbage collector)` sample has no stack: it counts when it continues a run of the script's
 *     samples, because V8 collects at the allocation that ran out of room.
 *
 * Wall time and CPU time: on a busy 2-core machine the renderer's main thread is often descheduled in the
 * middle of a task (wall time of a task was up to 7x its thread time during page load here), and the
 * sampler's gaps are exactly those stretches. So each task's attributed wall time is also scaled by the
 * task's thread-time / wall-time ratio (`tdur / dur`), an estimate of the CPU time the script used. The
 * CPU figure is the fair one to compare with a floor measured on a quiet page; long tasks stay in wall
 * time, as the Long Tasks API (and the reader) sees them.
 *
 * Not counted: style, layout and paint that happen later in rendering tasks because highlights changed;
 * they are not on a JS stack. Precision is a sample interval per stretch of work: fine for totals of a
 * few ms and up.
 */

import type { TraceEvent } from './trace';
import {
  type CallFrame,
  type CpuProfile,
  cpuProfile,
  type ProfileNode,
  type ThreadRef,
  topLevelTasks,
} from './trace-model';

/** A main-thread task and how much of it the script took. */
export interface TaskShare {
  ts: number;
  durMs: number;
  ownedMs: number;
  /** The script's share scaled to CPU time: under 50 ms means the task was long because the thread waited. */
  ownedCpuMs: number;
  /** The script's sampled functions in this task, most time first (CPU ms). */
  topFunctions: [string, number][];
}

/** The script's share of a thread's time. */
export interface Attribution {
  /** Main-thread wall time attributed to the script, in ms. */
  ms: number;
  /** The same, scaled per task to the thread's CPU time (ms). */
  cpuMs: number;
  /** Tasks over 50 ms that would have stayed under 50 ms without the script's share. */
  longTasks: TaskShare[];
  /** The task in which the script took the most time, long or not. */
  busiestTask: TaskShare | undefined;
  /** Sampled CPU time per innermost frame of the script (including the built-ins and DOM calls it makes). */
  byFunction: Map<string, number>;
  /** Trace time of the script's last work, to tell whether it was still busy when the trace stopped. */
  lastTs: number | undefined;
  /** Whether the thread had a CPU profile at all (without one only URL-tagged events count). */
  isSampled: boolean;
}

/** Only work at or after `from` (and before `to`) is counted; the trace clock is µs. */
export interface TimeWindow {
  from: number;
  to?: number;
}

/** Long-task threshold of the Long Tasks API. */
export const LONG_TASK_MS = 50;

const URL_EVENTS = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.run',
  'v8.produceCache',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'FireIdleCallback',
]);

/** Attributes `thread`'s time to the script whose URLs satisfy `isOwn`. */
export function attribute(
  events: readonly TraceEvent[],
  thread: ThreadRef,
  isOwn: (url: string) => boolean,
  window: TimeWindow = { from: 0 },
): Attribution {
  const inWindow = (ts: number): boolean => ts >= window.from && (window.to === undefined || ts < window.to);
  const tasks = topLevelTasks(events, thread);
  const perTask = new Map<TraceEvent, number>();
  const fnsPerTask = new Map<TraceEvent, Map<string, number>>();
  let outsideTasks = 0;
  const credit = (ts: number, us: number): void => {
    const task = taskAt(tasks, ts);
    if (task) perTask.set(task, (perTask.get(task) ?? 0) + us);
    else outsideTasks += us;
  };
  const creditFunction = (task: TraceEvent | undefined, label: string, us: number): void => {
    const cpu = us * cpuShare(task);
    byFunction.set(label, (byFunction.get(label) ?? 0) + cpu / 1000);
    if (!task) return;
    const fns = fnsPerTask.get(task) ?? new Map<string, number>();
    fns.set(label, (fns.get(label) ?? 0) + cpu / 1000);
    fnsPerTask.set(task, fns);
  };

  const byFunction = new Map<string, number>();
  const intervals = ownIntervals(events, thread, isOwn).filter(([a]) => inWindow(a));
  let total = 0;
  let lastTs: number | undefined;
  for (const [a, b] of intervals) {
    total += b - a;
    credit(a, b - a);
    lastTs = b;
  }

  const profile = cpuProfile(events, thread);
  if (profile) {
    const owner = ownerFrames(profile, isOwn);
    let isRunOwned = false;
    let k = 0;
    for (const s of profile.samples) {
      const frame = owner(s.node);
      const isGc = profile.nodes.get(s.node)?.callFrame.functionName === '(garbage collector)';
      const label = isGc ? (isRunOwned ? '(garbage collection)' : undefined) : frame;
      if (!isGc) isRunOwned = frame !== undefined;
      if (label === undefined || !inWindow(s.ts)) continue;
      const task = taskAt(tasks, s.ts);
      const weight = task
        ? Math.min(s.gap, task.ts + (task.dur ?? 0) - s.ts)
        : Math.min(s.gap, 4 * profile.interval);
      creditFunction(task, label, weight);
      while (k < intervals.length && intervals[k]![1] <= s.ts) k++;
      if (k < intervals.length && intervals[k]![0] <= s.ts) continue; // already counted as an event
      total += weight;
      credit(s.ts, weight);
      lastTs = Math.max(lastTs ?? 0, s.ts + weight);
    }
  }

  const shares = [...perTask].map(([task, us]): TaskShare => {
    const topFunctions = [...(fnsPerTask.get(task) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 4);
    const durMs = (task.dur ?? 0) / 1000;
    return { ts: task.ts, durMs, ownedMs: us / 1000, ownedCpuMs: (us * cpuShare(task)) / 1000, topFunctions };
  });
  let cpu = outsideTasks;
  for (const [task, us] of perTask) cpu += us * cpuShare(task);
  return {
    ms: total / 1000,
    cpuMs: cpu / 1000,
    longTasks: shares.filter((t) => t.durMs > LONG_TASK_MS && t.durMs - t.ownedMs < LONG_TASK_MS),
    busiestTask: shares.reduce<TaskShare | undefined>(
      (m, t) => (m && m.ownedMs >= t.ownedMs ? m : t),
      undefined,
    ),
    byFunction,
    lastTs,
    isSampled: profile !== undefined,
  };
}

/** Outermost [start, end) intervals of URL-tagged events belonging to the script, sorted. */
function ownIntervals(
  events: readonly TraceEvent[],
  thread: ThreadRef,
  isOwn: (url: string) => boolean,
): [number, number][] {
  const spans = events
    .filter((e) => e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid && URL_EVENTS.has(e.name))
    .filter((e) => {
      const url = (e.args?.data?.url ?? e.args?.fileName) as string | undefined;
      return typeof url === 'string' && isOwn(url);
    })
    .map((e): [number, number] => [e.ts, e.ts + (e.dur ?? 0)])
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/** For a sample's leaf node: the name of the innermost frame that belongs to the script, if any. */
function ownerFrames(
  profile: CpuProfile,
  isOwn: (url: string) => boolean,
): (id: number) => string | undefined {
  const memo = new Map<number, string | undefined>();
  const resolve = (id: number): string | undefined => {
    if (memo.has(id)) return memo.get(id);
    const node: ProfileNode | undefined = profile.nodes.get(id);
    let found: string | undefined;
    if (node) {
      const url = node.callFrame.url ?? '';
      if (url && isOwn(url)) found = frameLabel(node.callFrame, url);
      else if (node.parent !== undefined) found = resolve(node.parent);
    }
    memo.set(id, found);
    return found;
  };
  return resolve;
}

/** The fraction of a task's wall time the thread was on a CPU (1 outside tasks or without thread time). */
function cpuShare(task: TraceEvent | undefined): number {
  if (!task?.dur || task.tdur === undefined) return 1;
  return Math.min(1, task.tdur / task.dur);
}

/** A function's name, or where an anonymous one is (file:line of the built script being measured). */
function frameLabel(frame: CallFrame, url: string): string {
  if (frame.functionName) return frame.functionName;
  return `(anonymous) ${url.split('/').pop()}:${(frame.lineNumber ?? -1) + 1}`;
}

/** The top-level task running at `ts` (tasks are sorted and do not overlap). */
function taskAt(tasks: readonly TraceEvent[], ts: number): TraceEvent | undefined {
  let lo = 0;
  let hi = tasks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tasks[mid]!;
    if (ts < t.ts) hi = mid - 1;
    else if (ts >= t.ts + (t.dur ?? 0)) lo = mid + 1;
    else return t;
  }
  return undefined;
}
