/** Request timings per endpoint, their percentiles, and the printed table of the sync bench. */

/** Every request's duration in milliseconds, by endpoint. */
export class Latencies {
  readonly byEndpoint = { push: [] as number[], pull: [] as number[] };

  add(endpoint: 'push' | 'pull', ms: number): void {
    this.byEndpoint[endpoint].push(ms);
  }

  get count(): number {
    return this.byEndpoint.push.length + this.byEndpoint.pull.length;
  }
}

/** The `p`-th percentile (0 to 100) by nearest rank; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** What one database's run measured and found. */
export interface RunResult {
  database: string;
  users: number;
  devices: number;
  notes: number;
  localChanges: number;
  pushedRecords: number;
  requests: number;
  /** Requests made during the load phase (the rest drained the outboxes and pulled to the end). */
  loadRequests: number;
  /** Requests answered 429 or 503 with Retry-After, and sent again after the wait. */
  rateLimited: number;
  /** The load phase: every device mutating, pushing and pulling at once. */
  loadMs: number;
  /** Everything: load, then every device pushing and pulling to the end, then the check. */
  totalMs: number;
  latencies: Latencies;
  lost: number;
  diverging: number;
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const ms = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '-');

/** A Markdown table, one row per database. */
export function resultTable(results: readonly RunResult[]): string {
  const head = [
    'database',
    'devices',
    'notes',
    'changes',
    'records pushed',
    'requests',
    'req/s',
    'changes/s',
    'push p50 / p99 ms',
    'pull p50 / p99 ms',
    '429/503s',
    'load s',
    'total s',
    'result',
  ];
  const rows = results.map((r) => {
    const seconds = r.loadMs / 1000;
    const { push, pull } = r.latencies.byEndpoint;
    return [
      r.database,
      `${r.devices} (${r.users} user${r.users === 1 ? '' : 's'})`,
      int(r.notes),
      int(r.localChanges),
      int(r.pushedRecords),
      int(r.requests),
      int(r.loadRequests / seconds),
      int(r.localChanges / seconds),
      `${ms(percentile(push, 50))} / ${ms(percentile(push, 99))}`,
      `${ms(percentile(pull, 50))} / ${ms(percentile(pull, 99))}`,
      int(r.rateLimited),
      (r.loadMs / 1000).toFixed(1),
      (r.totalMs / 1000).toFixed(1),
      `${r.lost} lost, ${r.diverging} diverging`,
    ];
  });
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(head),
    line(head.map((_, i) => (i === 0 || i === head.length - 1 ? '---' : '---:'))),
    ...rows.map(line),
  ].join('\n');
}
