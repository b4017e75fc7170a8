/**
 * Telling "the database is not there right now" apart from every other failure. A PostgreSQL restart, a
 * terminated backend or a network cut is not the request's fault and passes: the server answers 503 with
 * Retry-After (http/app.ts) and the client tries again, where any other error is a 500 worth a log line.
 */

/** The database could not be reached, or dropped the connection mid-request. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the database is unavailable', { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

/** SQLSTATE classes and codes that mean the connection, not the statement, failed. */
const CONNECTION_CODES = /^(08...|57P01|57P02|57P03|53300)$/;
/** Node socket errors on the way to the database. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
/** What `pg` says when a connection ends or cannot be made (it gives these no code). */
const CONNECTION_MESSAGES =
  /Connection terminated|connection error|timeout exceeded when trying to connect|Client was closed|not queryable/i;

/** Whether `error` says the database connection failed, rather than the statement. */
export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_CODES.test(code) || SOCKET_CODES.has(code))) return true;
  if (error instanceof AggregateError && error.errors.some(isConnectionFailure)) return true;
  return CONNECTION_MESSAGES.test(error.message);
}

/** Runs `fn`, turning a connection failure into a `DatabaseUnavailableError`. */
export async function orUnavailable<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw isConnectionFailure(error) ? new DatabaseUnavailableError(error) : error;
  }
}
