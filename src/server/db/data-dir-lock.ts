/**
 * Keeps a second process out of a PGlite data folder (PGlite is single-process and would let both in and
 * corrupt the data), with a lock the operating system releases when its holder dies: a Unix socket in the
 * folder. Holding the lock means listening on the socket. A socket file nobody listens on (left by a crash
 * or a kill -9) refuses connections and is taken over; a PID file could not tell a dead holder from a new
 * process that was given the same PID, as happens in containers. The same socket is the server's admin
 * channel (admin/channel.ts): only the machine user who owns the folder can connect to it.
 */
import { chmodSync, mkdirSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';

/** The socket's name inside the data folder. */
export const LOCK_SOCKET = 'gloss-server.sock';

/** Another live process holds the folder; `socketPath` reaches it. */
export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly socketPath: string,
  ) {
    super(
      `the data folder ${dataDir} is in use by another Gloss process (PGlite allows one process at a time; ` +
        'with PostgreSQL, DATABASE_URL, there is no such limit)',
    );
    this.name = 'DataDirBusyError';
  }
}

/** A held lock. */
export interface DataDirLock {
  readonly socketPath: string;
  /** Hands every later connection to `handler` (until then they are told the holder is busy). */
  serve(handler: (socket: Socket) => void): void;
  /** Stops listening, which removes the socket and frees the folder. */
  release(): Promise<void>;
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Whether something answers on the socket at `path`. */
function isAnswering(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(path);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

/** Takes the lock on `dataDir` (creating the folder, readable by its owner only) or throws DataDirBusyError. */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const socketPath = join(dataDir, LOCK_SOCKET);
  let handler = (socket: Socket) => {
    // Read (and drop) what comes, so that the peer's hang-up is seen and the socket closes.
    socket.resume();
    socket.end(
      `${JSON.stringify({ code: 1, out: [], error: 'the data folder is busy; try again in a moment' })}\n`,
    );
  };
  const open = new Set<Socket>();
  const server = createServer((socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    // A probe (isAnswering) connects and hangs up at once; its reset is not an error of ours.
    socket.on('error', () => undefined);
    handler(socket);
  });
  for (let attempt = 0; ; attempt++) {
    try {
      await listen(server, socketPath);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt > 0) throw error;
      if (await isAnswering(socketPath)) throw new DataDirBusyError(dataDir, socketPath);
      // Left by a process that died: nobody listens, so nobody holds the folder.
      unlinkSync(socketPath);
    }
  }
  chmodSync(socketPath, 0o600);
  // The lock must not keep a CLI process alive once its work is done.
  server.unref();
  return {
    socketPath,
    serve(next) {
      handler = next;
    },
    release: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A connection still open (a client that stopped reading) must not hold the folder.
        for (const socket of open) socket.destroy();
      }),
  };
}
