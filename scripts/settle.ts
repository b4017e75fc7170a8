/**
 * Waiting for a page to settle: Gloss scans in time-boxed slices and registers highlights as it goes, so the
 * first highlight says nothing about the last. `npm start` reads the page until what it reads has stayed the
 * same for a while.
 */

/** Options of `waitForSettled`. */
export interface SettleOptions<T> {
  /** A reading counts only once this holds (e.g. "some highlight exists"); before that nothing is settled. */
  isReady?: (value: T) => boolean;
  /** How long a reading must stay unchanged, in ms. */
  quietMs?: number;
  /** How often to read, in ms. */
  intervalMs?: number;
  /** Give up after this long, in ms, with the last reading. */
  timeoutMs?: number;
  /** The clock, replaced in tests. */
  clock?: { now(): number; sleep(ms: number): Promise<void> };
}

/** The last reading, and whether it had settled (false: the time ran out first). */
export interface Settled<T> {
  value: T;
  isSettled: boolean;
  isReady: boolean;
}

const realClock = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((done) => setTimeout(done, ms)),
};

/**
 * Reads `read()` every `intervalMs` until a ready reading has been unchanged (compared as JSON) for
 * `quietMs`, or `timeoutMs` has passed.
 */
export async function waitForSettled<T>(
  read: () => Promise<T>,
  options: SettleOptions<T> = {},
): Promise<Settled<T>> {
  const {
    isReady = () => true,
    quietMs = 1000,
    intervalMs = 100,
    timeoutMs = 20_000,
    clock = realClock,
  } = options;
  const started = clock.now();
  let value = await read();
  let key = JSON.stringify(value);
  let since = clock.now();
  for (;;) {
    const ready = isReady(value);
    if (ready && clock.now() - since >= quietMs) return { value, isSettled: true, isReady: true };
    if (clock.now() - started >= timeoutMs) return { value, isSettled: false, isReady: ready };
    await clock.sleep(intervalMs);
    const next = await read();
    const nextKey = JSON.stringify(next);
    if (nextKey !== key) {
      value = next;
      key = nextKey;
      since = clock.now();
    }
  }
}
