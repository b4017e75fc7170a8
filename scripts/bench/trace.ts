/**
 * Records a Chromium trace over CDP around some action. The categories give the renderer's tasks
 * (`RunTask`), the scripts it evaluates (with their URLs), user-timing marks, which process drew which
 * frame, and the V8 sampling profiler, whose JS stacks are what lets time be attributed to a script at all
 * (see attribution.ts).
 */
import type { CDPSession } from 'playwright-core';

/** One trace event, as much of the Trace Event Format as the bench reads. */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs. */
  tdur?: number;
  id?: string;
  args?: Record<string, unknown> & { data?: Record<string, unknown> };
}

const CATEGORIES = [
  '__metadata',
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
];

/** Starts tracing on `cdp`; the returned function stops it and resolves with every event. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }): void => {
    events.push(...(e.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordContinuously' },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}
