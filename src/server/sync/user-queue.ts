/**
 * One push at a time per user, per process, queued before it takes a database connection.
 *
 * A push locks its user's row (`SELECT … FOR UPDATE`, push.ts) inside a transaction, so a user's pushes run
 * one after another whatever we do. Without this queue each waiting push would wait *holding* one of the
 * pool's connections (10 by default): twenty devices of one user pushing at once took them all, and other
 * users' pulls queued for a connection behind them (4 ms became 174 ms at the median). Here a user's later
 * pushes wait in memory, in arrival order, and at most one connection per user per process waits on the
 * lock (several processes on one PostgreSQL each have their own queue: the row lock still orders them).
 *
 * The queue is bounded so one user cannot pile up unbounded memory and latency: past the limit a push is
 * refused with UserQueueFullError (the route answers 503 with Retry-After), and the client, which keeps its
 * outbox, sends it again later.
 */

/** How many of one user's pushes may wait behind the running one before more are refused. */
export const DEFAULT_USER_QUEUE_LIMIT = 32;

/** Seconds a client is asked to wait when its user's queue is full (a push takes milliseconds). */
export const USER_QUEUE_RETRY_AFTER_S = 1;

/** A push refused because its user already has the most pushes waiting that a process allows. */
export class UserQueueFullError extends Error {
  readonly retryAfterS = USER_QUEUE_RETRY_AFTER_S;
  constructor() {
    super("too many of this user's pushes are waiting; try again shortly");
    this.name = 'UserQueueFullError';
  }
}

/** Runs `fn` when every earlier task of `userId` has finished; rejects at once when the queue is full. */
export type UserQueue = <T>(userId: string, fn: () => Promise<T>) => Promise<T>;

/** A per-user FIFO that lets `limit` tasks wait behind the running one. */
export function createUserQueue(limit = DEFAULT_USER_QUEUE_LIMIT): UserQueue {
  // User id → the tasks waiting to start, in order; present while one of the user's tasks runs.
  const waiting = new Map<string, Array<() => void>>();

  const next = (userId: string) => {
    const queue = waiting.get(userId)!;
    const start = queue.shift();
    if (start) start();
    else waiting.delete(userId);
  };

  return async (userId, fn) => {
    const queue = waiting.get(userId);
    if (queue) {
      if (queue.length >= limit) throw new UserQueueFullError();
      await new Promise<void>((resolve) => queue.push(resolve));
    } else waiting.set(userId, []);
    try {
      return await fn();
    } finally {
      next(userId);
    }
  };
}
