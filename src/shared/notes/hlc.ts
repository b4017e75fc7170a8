/**
 * Hybrid logical clocks (Kulkarni et al.), the ordering behind per-field last-writer-wins (see
 * docs/sync.md). Shared by the extension and, later, the sync server, so both order edits the
 * same way. An HLC is encoded as a fixed-width string that sorts like the clock: wall milliseconds, a
 * counter for events within one millisecond, and the device id as the final tie-breaker.
 *
 *   0lx9y3kz00 . 0000 . device-id      (base-36 wall time, base-36 counter, device)
 */

/** A decoded clock. */
export interface Hlc {
  wallMs: number;
  counter: number;
  deviceId: string;
}

const WALL_WIDTH = 10;
const COUNTER_WIDTH = 4;
const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1;

/** The string form; compare two with `compareHlc` (or plain string order). */
export function encodeHlc({ wallMs, counter, deviceId }: Hlc): string {
  if (!Number.isSafeInteger(wallMs) || wallMs < 0) throw new Error(`bad HLC wall time ${wallMs}`);
  if (!Number.isInteger(counter) || counter < 0 || counter > MAX_COUNTER)
    throw new Error(`bad HLC counter ${counter}`);
  if (!/^[A-Za-z0-9-]{1,64}$/.test(deviceId)) throw new Error('bad HLC device id');
  return `${wallMs.toString(36).padStart(WALL_WIDTH, '0')}.${counter.toString(36).padStart(COUNTER_WIDTH, '0')}.${deviceId}`;
}

/** Parses the string form; throws on anything malformed (clocks arrive from other devices). */
export function decodeHlc(text: string): Hlc {
  const m = /^([0-9a-z]{10})\.([0-9a-z]{4})\.([A-Za-z0-9-]{1,64})$/.exec(text);
  if (!m) throw new Error(`malformed HLC "${text.slice(0, 80)}"`);
  return { wallMs: Number.parseInt(m[1]!, 36), counter: Number.parseInt(m[2]!, 36), deviceId: m[3]! };
}

/** Orders two encoded clocks: negative when `a` is earlier. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The clock for a new local event, after `last` (this device's latest clock) at wall time `nowMs`. */
export function tickHlc(last: string | undefined, nowMs: number, deviceId: string): string {
  const prev = last ? decodeHlc(last) : { wallMs: 0, counter: 0 };
  if (nowMs > prev.wallMs) return encodeHlc({ wallMs: nowMs, counter: 0, deviceId });
  return encodeHlc({ wallMs: prev.wallMs, counter: prev.counter + 1, deviceId });
}

/**
 * Folds a clock seen from elsewhere into this device's clock, so that the next local edit is ordered after
 * everything this device has seen, even when its own wall clock is slow.
 */
export function receiveHlc(
  local: string | undefined,
  remote: string,
  nowMs: number,
  deviceId: string,
): string {
  const l = local ? decodeHlc(local) : { wallMs: 0, counter: 0 };
  const r = decodeHlc(remote);
  const wallMs = Math.max(l.wallMs, r.wallMs, nowMs);
  let counter = 0;
  if (wallMs === l.wallMs && wallMs === r.wallMs) counter = Math.max(l.counter, r.counter) + 1;
  else if (wallMs === l.wallMs) counter = l.counter + 1;
  else if (wallMs === r.wallMs) counter = r.counter + 1;
  return encodeHlc({ wallMs, counter, deviceId });
}
