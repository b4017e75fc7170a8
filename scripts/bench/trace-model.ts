/**
 * Reads the parts of a trace the attribution needs: the page's renderer main thread, its top-level tasks,
 * the V8 CPU profile sampled on that thread, and user-timing marks.
 */
import type { TraceEvent } from './trace';

/** A thread in the trace. */
export interface ThreadRef {
  pid: number;
  tid: number;
}

/** One frame of a sampled JS stack. */
export interface CallFrame {
  functionName: string;
  url?: string;
  /** 0-based. */
  lineNumber?: number;
}

/** A node of the sampled call tree: a frame and its caller. */
export interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: CallFrame;
}

/** One sample: the stack (leaf node) at `ts`, and the time until the next sample (µs). */
export interface Sample {
  ts: number;
  node: number;
  gap: number;
}

/** The sampled call tree of one thread; `interval` is the median gap between samples (µs). */
export interface CpuProfile {
  nodes: Map<number, ProfileNode>;
  samples: Sample[];
  interval: number;
}

interface FrameInfo {
  url?: string;
  processId?: number;
}

/**
 * The main thread of the renderer showing `pageUrl`: the frame list at the start of tracing, or the last
 * commit during it (a navigation may move the page to a new process). Chromium names that thread
 * CrRendererMain; on Linux its tid is the pid.
 */
export function pageMainThread(events: readonly TraceEvent[], pageUrl: string): ThreadRef {
  let atStart: number | undefined;
  let commit: { ts: number; pid?: number } | undefined;
  for (const e of events) {
    const data = e.args?.data as (FrameInfo & { frames?: FrameInfo[] }) | undefined;
    if (e.name === 'TracingStartedInBrowser')
      atStart = data?.frames?.find((f) => f.url === pageUrl)?.processId;
    if (e.name === 'FrameCommittedInBrowser' && data?.url === pageUrl && (!commit || e.ts > commit.ts))
      commit = { ts: e.ts, pid: data.processId };
  }
  const pid = commit?.pid ?? atStart;
  if (pid === undefined) throw new Error(`the trace shows no commit of ${pageUrl}`);
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain',
  );
  return { pid, tid: main?.tid ?? pid };
}

/** Top-level `RunTask`s of a thread (nested run loops excluded), sorted by start. */
export function topLevelTasks(events: readonly TraceEvent[], thread: ThreadRef): TraceEvent[] {
  const tasks = events
    .filter(
      (e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid && e.dur,
    )
    .sort((a, b) => a.ts - b.ts);
  const out: TraceEvent[] = [];
  for (const t of tasks) {
    const last = out.at(-1);
    if (!last || t.ts >= last.ts + (last.dur ?? 0)) out.push(t);
  }
  return out;
}

/** The V8 sampling profile of `thread`. Chunks carry new nodes and the time deltas between samples. */
export function cpuProfile(events: readonly TraceEvent[], thread: ThreadRef): CpuProfile | undefined {
  const head = events.find((e) => e.name === 'Profile' && e.pid === thread.pid && e.tid === thread.tid);
  if (!head) return undefined;
  const nodes = new Map<number, ProfileNode>();
  const times: { ts: number; node: number }[] = [];
  let ts = (head.args?.data as { startTime: number }).startTime;
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === thread.pid && e.id === head.id);
  for (const chunk of chunks) {
    const data = chunk.args?.data as {
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    samples.forEach((node, i) => {
      ts += deltas[i] ?? 0;
      times.push({ ts, node });
    });
  }
  times.sort((a, b) => a.ts - b.ts);
  const gaps = times.slice(1).map((s, i) => s.ts - times[i]!.ts);
  const interval = median(gaps) ?? 100;
  return { nodes, samples: times.map((s, i) => ({ ...s, gap: gaps[i] ?? interval })), interval };
}

/** Timestamp of the first user-timing mark named `name`, if the trace has one. */
export function markTime(events: readonly TraceEvent[], name: string): number | undefined {
  return events.find((e) => e.name === name && e.cat?.includes('blink.user_timing'))?.ts;
}

/** Median of a list (undefined when empty). */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1]! + s[mid]!) / 2;
}
