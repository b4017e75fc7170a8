/**
 * The live channel's client (src/background/sync/live.ts) over a fake socket and fake timers: it opens only
 * for a connected, unrevoked account, authenticates in its first message (the address carries no token),
 * syncs when a version newer than the cursor arrives, reconnects with a growing, jittered backoff that a
 * healthy socket resets, stops for good on a refused token, and closes on disconnect.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveChannel, type LiveSocket, liveUrl } from '../../../../src/background/sync/live';
import {
  LIVE_RETRY_BASE_MS,
  LIVE_RETRY_MAX_MS,
  LIVE_STABLE_MS,
  liveRetryMs,
} from '../../../../src/background/sync/live-backoff';
import type { SyncAccount } from '../../../../src/background/sync/sync-store';
import { LIVE_CLOSE } from '../../../../src/shared/sync/live-wire';

class FakeSocket {
  sent: string[] = [];
  closedWith: number | undefined;
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {}
  send(text: string) {
    this.sent.push(text);
  }
  close(code = 1000) {
    this.closedWith = code;
  }
  /** The server's side. */
  say(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code = 1006) {
    this.onclose?.({ code });
  }
}

const TOKEN = 'T'.repeat(43);
let account: SyncAccount | undefined;
let cursor: number;
let sockets: FakeSocket[];
let syncs: number;
let clock: number;

function channel(random = () => 0.5) {
  return new LiveChannel({
    openSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s as unknown as LiveSocket;
    },
    readAccount: async () => account,
    readCursor: async () => cursor,
    sync: async () => {
      syncs += 1;
    },
    now: () => clock,
    random,
  });
}

const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  account = { serverUrl: 'https://sync.example/gloss', token: TOKEN, userId: 'u', connectedAt: 0 };
  cursor = 5;
  sockets = [];
  syncs = 0;
  clock = 1_000_000;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the live channel client', () => {
  it('opens for a connected account and sends the token in its first message, not the address', async () => {
    const live = channel();
    await live.ensure();
    expect(sockets.map((s) => s.url)).toEqual(['wss://sync.example/gloss/v1/live']);
    sockets[0]!.onopen?.();
    expect(sockets[0]!.sent).toEqual([JSON.stringify({ type: 'auth', token: TOKEN })]);
    expect(sockets[0]!.url).not.toContain(TOKEN);
    await live.ensure();
    expect(sockets).toHaveLength(1);
    expect(liveUrl('http://127.0.0.1:8787')).toBe('ws://127.0.0.1:8787/v1/live');
  });

  it('stays closed without an account or with a revoked one', async () => {
    account = undefined;
    await channel().ensure();
    account = { serverUrl: 'https://s', token: TOKEN, userId: 'u', connectedAt: 0, isRevoked: true };
    await channel().ensure();
    expect(sockets).toEqual([]);
  });

  it('syncs when a newer version than the cursor arrives, and not for older ones or pings', async () => {
    const live = channel();
    await live.ensure();
    const s = sockets[0]!;
    s.say({ type: 'ready', version: 5 });
    s.say({ type: 'changed', version: 4 });
    s.say({ type: 'ping' });
    s.say({ type: 'changed', body: 'not a version' });
    s.onmessage?.({ data: 'not json' });
    await flush();
    expect(syncs).toBe(0);
    expect(live.isLive).toBe(true);
    s.say({ type: 'changed', version: 6 });
    await flush();
    expect(syncs).toBe(1);
    s.say({ type: 'ready', version: 9 });
    await flush();
    expect(syncs).toBe(2);
  });

  it('reconnects after a drop with a growing backoff, reset by a socket that stayed up', async () => {
    const live = channel(() => 1);
    await live.ensure();
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const before = sockets.length;
      sockets.at(-1)!.drop();
      let waited = 0;
      while (sockets.length === before) {
        await vi.advanceTimersByTimeAsync(100);
        waited += 100;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
    sockets.at(-1)!.say({ type: 'ready', version: 0 });
    clock += LIVE_STABLE_MS;
    sockets.at(-1)!.drop();
    await vi.advanceTimersByTimeAsync(999);
    expect(sockets).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(6);
    expect(live.isLive).toBe(false);
  });

  it('spreads reconnects between half and all of the step, up to the alarm period', () => {
    expect(liveRetryMs(0, () => 0)).toBe(LIVE_RETRY_BASE_MS / 2);
    expect(liveRetryMs(0, () => 1)).toBe(LIVE_RETRY_BASE_MS);
    expect(liveRetryMs(3, () => 0.5)).toBe(6000);
    expect(liveRetryMs(40, () => 1)).toBe(LIVE_RETRY_MAX_MS);
    expect(liveRetryMs(40, () => 0)).toBe(LIVE_RETRY_MAX_MS / 2);
  });

  it('stops for good when the server refuses the token, and syncs so the engine sees the 401', async () => {
    const live = channel();
    await live.ensure();
    sockets[0]!.drop(LIVE_CLOSE.unauthorized);
    await vi.advanceTimersByTimeAsync(LIVE_RETRY_MAX_MS);
    expect(sockets).toHaveLength(1);
    expect(syncs).toBe(1);
  });

  it('closes on disconnect and does not come back', async () => {
    const live = channel();
    await live.ensure();
    sockets[0]!.drop();
    await vi.advanceTimersByTimeAsync(LIVE_RETRY_BASE_MS);
    expect(sockets).toHaveLength(2);
    live.stop();
    expect(sockets[1]!.closedWith).toBe(1000);
    sockets[1]!.drop(1000);
    await vi.advanceTimersByTimeAsync(LIVE_RETRY_MAX_MS);
    expect(sockets).toHaveLength(2);
  });

  it('opens a new socket when the account changed (connected again)', async () => {
    const live = channel();
    await live.ensure();
    account = { ...account!, token: 'U'.repeat(43) };
    await live.ensure();
    expect(sockets).toHaveLength(2);
    expect(sockets[0]!.closedWith).toBe(1000);
  });
});
