/**
 * `npm run bench:sync -- --mode=processes [--processes=3]`: the bench's load (workload.ts) through several
 * real server processes on one fresh PostgreSQL database, every request sent to one of them at random (a
 * load balancer without affinity), as docs/server-scaling.md lays the servers out. Each process keeps its
 * own rate limits and push queues; only the database is shared.
 */
import { openPostgres } from '../../src/server/db/postgres';
import { withScratchDatabase } from './databases';
import { randomRouter, startServerProcesses } from './server-processes';
import type { RunResult } from './stats';
import { type LoadOptions, runLoad } from './workload';

/** Runs `load` through `count` processes on a database created in `adminUrl`'s server, dropped afterwards. */
export function runOnProcesses(adminUrl: string, count: number, load: LoadOptions): Promise<RunResult> {
  return withScratchDatabase(adminUrl, async (url) => {
    const processes = await startServerProcesses(url, count);
    // The bench's own connection, for enrolment and the check (the servers have theirs).
    const sql = await openPostgres(url, { max: 2 });
    try {
      process.stderr.write(
        `bench-sync: ${count} server processes at ${processes.map((p) => p.url).join(', ')}\n`,
      );
      return await runLoad(`PostgreSQL, ${count} processes`, { url: randomRouter(processes), sql }, load);
    } finally {
      await sql.close();
      await Promise.all(processes.map((p) => p.stop()));
    }
  });
}
