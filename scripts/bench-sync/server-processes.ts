/**
 * Several real server processes on one PostgreSQL database, as an operator runs them behind a load balancer
 * (docs/server-scaling.md): each is `node --import tsx src/server/cli.ts serve` with DATABASE_URL and PORT=0,
 * and its URL is read from its JSON 'listening' log line. The bench's 3-process mode and
 * tests/server/processes.test.ts start them here, all at the same moment, so their migrations race for real.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { LogEntry } from '../../src/server/http/log';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** One running server process. */
export interface ServerProcess {
  url: string;
  /** Its log lines other than the per-request ones (start-up, migrations, warnings, errors). */
  logs: LogEntry[];
  /** Requests it answered. */
  requests: number;
  /** Stops it with SIGTERM (a clean shutdown) and waits for it to exit. */
  stop(): Promise<void>;
}

function startOne(databaseUrl: string): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'serve'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const logs: LogEntry[] = [];
  return new Promise((resolveStart, rejectStart) => {
    const started: ServerProcess = {
      url: '',
      logs,
      requests: 0,
      async stop() {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
      },
    };
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: LogEntry;
      try {
        entry = JSON.parse(line) as LogEntry;
      } catch {
        return;
      }
      if (entry.msg === 'request') {
        started.requests += 1;
        return;
      }
      logs.push(entry);
      if (entry.msg === 'listening') {
        started.url = String(entry.url);
        resolveStart(started);
      }
    });
    child.once('exit', (code, signal) => {
      if (!started.url)
        rejectStart(new Error(`a server process exited before listening (${code ?? signal}): ${stderr}`));
    });
  });
}

/** Starts `count` server processes on `databaseUrl` at once; stops them all if any fails to start. */
export async function startServerProcesses(databaseUrl: string, count: number): Promise<ServerProcess[]> {
  const starting = Array.from({ length: count }, () => startOne(databaseUrl));
  const settled = await Promise.allSettled(starting);
  const running = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(running.map((p) => p.stop()));
    throw failed.reason;
  }
  return running;
}

/** A function giving one of the processes' URLs at random per call: a balancer with no affinity. */
export function randomRouter(processes: readonly ServerProcess[], random = Math.random): () => string {
  return () => processes[Math.floor(random() * processes.length)]!.url;
}
