/**
 * The live channel's client (docs/live-sync.md): while this device is connected and its token not revoked,
 * a WebSocket to the server's /v1/live says when the user's data changed elsewhere, and a version newer than
 * the pull cursor runs a sync cycle at once. The channel is only a hint: the periodic alarm keeps syncing
 * whether it is up or not, so a closed socket loses nothing but time.
 *
 *   ensure() ─▶ open ─▶ send { auth, token } ─▶ ready(N) / changed(N) ─▶ N > cursor? ─▶ sync()
 *      ▲                                   close ─┬─ 4001 (token refused): stop; sync() lets the engine see the 401
 *      └── retry timer (live-backoff.ts) ◀────────┴─ anything else: reconnect after the backoff
 *
 * Lifetimes: Chrome (116+) keeps the service worker alive while WebSocket messages flow, and the server
 * pings every 20 s; a Firefox event page may still be unloaded, and then the next wake (the alarm, a
 * message, start-up) runs index.ts again, which calls ensure().
 */
import * as v from 'valibot';
import { LIVE_CLOSE, LIVE_PATH, LiveServerMessageSchema } from '../../shared/sync/live-wire';
import { LIVE_STABLE_MS, liveRetryMs } from './live-backoff';
import type { SyncAccount } from './sync-store';
import type { SyncTriggers } from './triggers';

/** The part of the browser's WebSocket the channel uses; tests pass a fake. */
export type LiveSocket = Pick<WebSocket, 'send' | 'close' | 'onopen' | 'onmessage' | 'onclose' | 'onerror'>;

export interface LiveChannelDeps {
  openSocket: (url: string) => LiveSocket;
  readAccount: () => Promise<SyncAccount | undefined>;
  readCursor: () => Promise<number>;
  /** Runs a sync cycle (the engine coalesces overlapping calls). */
  sync: () => Promise<unknown>;
  now?: () => number;
  random?: () => number;
}

/** The channel's address next to the server's HTTP routes: http → ws, https → wss. */
export function liveUrl(serverUrl: string): string {
  return `${serverUrl.replace(/^http/, 'ws')}${LIVE_PATH}`;
}

export class LiveChannel {
  private socket: LiveSocket | undefined;
  /** The token the socket was opened with. */
  private token: string | undefined;
  private attempt = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private readyAt: number | undefined;
  private ensuring: Promise<void> = Promise.resolve();
  private readonly now: () => number;

  constructor(private readonly deps: LiveChannelDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Whether the server has accepted the socket (for the options page). */
  get isLive(): boolean {
    return this.readyAt !== undefined;
  }

  /**
   * Opens the socket if the device is connected and none is open for its token; closes it otherwise.
   * Calls run one after another, so two wake-ups at once open one socket.
   */
  ensure(): Promise<void> {
    this.ensuring = this.ensuring.then(() => this.ensureNow()).catch(() => {});
    return this.ensuring;
  }

  private async ensureNow(): Promise<void> {
    const account = await this.deps.readAccount();
    if (!account || account.isRevoked) return this.stop();
    if (this.socket && this.token === account.token) return;
    this.closeSocket();
    this.open(account);
  }

  /** Closes the socket and forgets any pending reconnect and its backoff (disconnecting). */
  stop(): void {
    this.closeSocket();
    this.attempt = 0;
  }

  private closeSocket(): void {
    clearTimeout(this.retry);
    this.retry = undefined;
    const socket = this.socket;
    this.socket = undefined;
    this.token = undefined;
    this.readyAt = undefined;
    socket?.close(1000, 'done');
  }

  private open(account: SyncAccount): void {
    let socket: LiveSocket;
    try {
      socket = this.deps.openSocket(liveUrl(account.serverUrl));
    } catch {
      // An address the browser refuses outright: the alarm still syncs.
      return;
    }
    this.socket = socket;
    this.token = account.token;
    socket.onopen = () => socket.send(JSON.stringify({ type: 'auth', token: account.token }));
    socket.onmessage = (event) => {
      if (this.socket === socket) void this.onMessage(event.data);
    };
    socket.onerror = () => {};
    socket.onclose = ({ code }) => {
      if (this.socket === socket) this.onClose(code);
    };
  }

  private async onMessage(data: unknown): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(String(data));
    } catch {
      return;
    }
    const parsed = v.safeParse(LiveServerMessageSchema, json);
    if (!parsed.success || parsed.output.type === 'ping') return;
    if (parsed.output.type === 'ready') this.readyAt = this.now();
    if (parsed.output.version > (await this.deps.readCursor())) await this.runSync();
  }

  private onClose(code: number): void {
    const wasStable = this.readyAt !== undefined && this.now() - this.readyAt >= LIVE_STABLE_MS;
    this.socket = undefined;
    this.readyAt = undefined;
    if (code === LIVE_CLOSE.unauthorized) {
      // The engine's next request gets the 401 too and marks the account revoked; no reconnect with this token.
      this.token = undefined;
      void this.runSync();
      return;
    }
    if (wasStable) this.attempt = 0;
    const wait = liveRetryMs(this.attempt, this.deps.random ?? Math.random);
    this.attempt += 1;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.ensure().catch((e: unknown) => console.error('Gloss: live updates could not reconnect', e));
    }, wait);
  }

  private async runSync(): Promise<void> {
    await this.deps.sync().catch((e: unknown) => console.error('Gloss: sync failed', e));
  }
}

/** The sync triggers with the channel opened on connect and start-up and at every alarm, and closed on disconnect. */
export function withLiveChannel(triggers: SyncTriggers, channel: LiveChannel): SyncTriggers {
  const ensure = (): void => {
    channel.ensure().catch((e: unknown) => console.error('Gloss: live updates could not start', e));
  };
  return {
    ...triggers,
    alarm(name) {
      triggers.alarm(name);
      ensure();
    },
    async startUp() {
      await triggers.startUp();
      ensure();
    },
    async connected() {
      await triggers.connected();
      ensure();
    },
    async disconnected() {
      channel.stop();
      await triggers.disconnected();
    },
  };
}
