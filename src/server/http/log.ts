/**
 * Structured logs: one JSON line per event on stdout, for whatever collects a server's output. A request line
 * carries the method, path, status, duration and the user when known; never a token, a code or note content
 * (the path is logged without its query string for the same reason).
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  msg: string;
  [field: string]: unknown;
}

export type Logger = (entry: LogEntry) => void;

/** Writes each entry as a JSON line, stamped with the time. */
export function jsonLogger(write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  return (entry) => write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
}

/** Logs every request once it is answered, including refusals made by later middleware. */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    logger({
      level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
      msg: 'request',
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(c.get('principal') ? { userId: c.get('principal')?.userId } : {}),
    });
  };
}
