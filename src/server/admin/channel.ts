/**
 * The admin channel: how `npm run server -- create-user …` reaches a server that is running on a PGlite
 * folder, which no second process may open. The server listens on the data folder's lock socket
 * (db/data-dir-lock.ts, mode 0600 in a 0700 folder, so only the machine user that runs the server can
 * connect) and runs each request with its own database connection. One JSON line each way.
 */
import { connect, type Socket } from 'node:net';
import type { Sql } from '../db/sql';
import { type AdminReply, type AdminRequest, isAdminCommand, runAdminCommand } from './commands';

/** Longest request line; a command and one argument fit many times over. */
const MAX_REQUEST_BYTES = 4096;
/** How long either side waits for the other. */
const TIMEOUT_MS = 15_000;

/** Reads one line from `socket` (at most `limit` bytes), then calls `done` with it, or with null. */
function readLine(socket: Socket, limit: number, done: (line: string | null) => void): void {
  let buffer = '';
  let isDone = false;
  const finish = (line: string | null) => {
    if (isDone) return;
    isDone = true;
    done(line);
  };
  socket.setEncoding('utf8');
  socket.setTimeout(TIMEOUT_MS, () => {
    finish(null);
    socket.destroy();
  });
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    const end = buffer.indexOf('\n');
    if (end >= 0) finish(buffer.slice(0, end));
    else if (buffer.length > limit) {
      finish(null);
      socket.destroy();
    }
  });
  socket.on('end', () => finish(buffer || null));
  socket.on('error', () => finish(null));
}

function parseRequest(line: string): AdminRequest | undefined {
  try {
    const value = JSON.parse(line) as { command?: unknown; arg?: unknown };
    if (typeof value.command !== 'string' || !isAdminCommand(value.command)) return undefined;
    if (value.arg !== undefined && typeof value.arg !== 'string') return undefined;
    return { command: value.command, ...(value.arg === undefined ? {} : { arg: value.arg }) };
  } catch {
    return undefined;
  }
}

/** The server side: answers one request per connection with the server's own database. */
export function adminHandler(sql: Sql, now: () => number = Date.now): (socket: Socket) => void {
  return (socket) =>
    readLine(socket, MAX_REQUEST_BYTES, async (line) => {
      if (line === null) return;
      const request = parseRequest(line);
      const reply: AdminReply = request
        ? await runAdminCommand(sql, request, now())
        : { code: 2, out: [], error: 'not an admin request' };
      socket.end(`${JSON.stringify(reply)}\n`);
    });
}

/** The CLI side: sends `request` to the process listening on `socketPath` and returns its reply. */
export function askRunningServer(socketPath: string, request: AdminRequest): Promise<AdminReply> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    socket.once('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    readLine(socket, 1 << 20, (line) => {
      socket.destroy();
      try {
        if (line === null) throw new Error('no answer');
        resolve(JSON.parse(line) as AdminReply);
      } catch {
        reject(new Error(`the running server did not answer on ${socketPath}`));
      }
    });
  });
}
