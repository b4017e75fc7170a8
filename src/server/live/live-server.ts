/**
 * The WebSocket end of the live channel (docs/live-sync.md), on the HTTP server's `upgrade` event at
 * LIVE_PATH. A socket is anonymous until its first message carries a device token, checked like the bearer
 * token of the other routes; then it joins the hub and only ever receives versions. Bounded: a cap on
 * sockets per process (checked before the upgrade) and per user, an auth timeout, a 1 KiB message limit,
 * and a ping every 20 s that also drops peers that stopped answering and closes sockets whose token was
 * revoked since.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { BlockList } from 'node:net';
import type { Duplex } from 'node:stream';
import * as v from 'valibot';
import { type WebSocket, WebSocketServer } from 'ws';
import { LIVE_CLOSE, LIVE_LIMITS, LIVE_PATH, LiveAuthMessageSchema } from '../../shared/sync/live-wire';
import { principalForTokenHash } from '../accounts/enrol';
import { hashSecret, looksLikeToken } from '../accounts/secrets';
import type { Sql } from '../db/sql';
import { addressBucket, clientAddress } from '../http/client-address';
import type { Logger } from '../http/log';
import { isExtensionOrigin } from '../http/origin';
import type { FailureLimiter } from '../http/rate-limit';
import type { LiveHub, LivePeer } from './hub';

/** The bounds, with the defaults in DEFAULT_LIVE_OPTIONS. */
export interface LiveServerOptions {
  /** Sockets open on this process, authenticated or not. */
  socketsTotal: number;
  authTimeoutMs: number;
  pingIntervalMs: number;
  /** Failed authentications per address, the same counts the HTTP routes keep (http/auth.ts). */
  authFailures?: FailureLimiter;
  /** Proxies whose X-Forwarded-For is believed (http/client-address.ts). */
  trustProxy?: BlockList;
}

/**
 * 2,000 sockets a process: a socket costs tens of KiB in Node and `ws`, so this stays far below memory
 * limits, and a user with many browsers needs only a handful (see hub.ts for the per-user cap).
 */
export const DEFAULT_LIVE_OPTIONS: LiveServerOptions = {
  socketsTotal: 2000,
  authTimeoutMs: LIVE_LIMITS.authTimeoutMs,
  pingIntervalMs: LIVE_LIMITS.pingIntervalMs,
};

export interface LiveServer {
  /** Serves upgrades on `server`. */
  attach(server: Server): void;
  /** Runs the revocation check now (the ping timer runs it too). */
  checkTokens(): Promise<void>;
  /** Sockets open now, authenticated or not. */
  readonly openCount: number;
  close(): Promise<void>;
}

export function createLiveServer(
  sql: Sql,
  hub: LiveHub,
  logger: Logger,
  options: LiveServerOptions = DEFAULT_LIVE_OPTIONS,
): LiveServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIVE_LIMITS.maxMessageBytes });
  const alive = new WeakSet<WebSocket>();
  const peerOf = new Map<WebSocket, LivePeer>();

  /** Why an upgrade is refused before it happens, if it is. */
  /** The rate-limit key of the upgrade's client, as the HTTP routes compute it. */
  const addressOf = (req: IncomingMessage): string => {
    const forwarded = req.headers['x-forwarded-for'];
    return addressBucket(
      clientAddress(
        req.socket.remoteAddress,
        Array.isArray(forwarded) ? forwarded.join(',') : forwarded,
        options.trustProxy,
      ),
    );
  };

  function upgradeRefusal(req: IncomingMessage): [number, string] | undefined {
    if (new URL(req.url ?? '/', 'http://x').pathname !== LIVE_PATH) return [404, 'Not Found'];
    // An address that failed too often to authenticate, on any route, gets no socket and no lookup.
    if (options.authFailures && !options.authFailures.check(addressOf(req)).ok)
      return [429, 'Too Many Requests'];
    const origin = req.headers.origin;
    // Same rule as the HTTP routes (origin.ts): browsers send Origin, and only the extension's may connect.
    if (origin !== undefined && !isExtensionOrigin(origin)) return [403, 'Forbidden'];
    if (wss.clients.size >= options.socketsTotal) return [503, 'Service Unavailable'];
    return undefined;
  }

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const refusal = upgradeRefusal(req);
    if (refusal)
      socket.end(`HTTP/1.1 ${refusal[0]} ${refusal[1]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else wss.handleUpgrade(req, socket, head, (ws) => accept(ws, addressOf(req)));
  }

  function accept(ws: WebSocket, address: string): void {
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    ws.on('error', () => ws.terminate());
    const timer = setTimeout(
      () => ws.close(LIVE_CLOSE.authTimeout, 'no auth message'),
      options.authTimeoutMs,
    );
    ws.once('message', (data, isBinary) => {
      clearTimeout(timer);
      authenticate(ws, isBinary ? '' : data.toString(), address).catch((error: unknown) => {
        logger({ level: 'warn', msg: 'live auth failed', error: String(error).slice(0, 200) });
        ws.close(1011, 'try again later');
      });
    });
    ws.on('close', () => {
      clearTimeout(timer);
      const peer = peerOf.get(ws);
      if (peer) hub.remove(peer);
      peerOf.delete(ws);
    });
  }

  async function authenticate(ws: WebSocket, text: string, address: string): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const message = v.safeParse(LiveAuthMessageSchema, json);
    if (!message.success) {
      ws.close(LIVE_CLOSE.badMessage, 'the first message must be an auth message');
      return;
    }
    const { token } = message.output;
    const tokenHash = looksLikeToken(token) ? hashSecret(token) : undefined;
    const principal = tokenHash ? await principalForTokenHash(sql, tokenHash) : null;
    if (!principal || !tokenHash) {
      options.authFailures?.fail(address);
      ws.close(LIVE_CLOSE.unauthorized, 'unknown or revoked token');
      return;
    }
    const [user] = await sql.query<{ version: number }>('SELECT version FROM users WHERE id = $1', [
      principal.userId,
    ]);
    if (ws.readyState !== ws.OPEN) return;
    const peer: LivePeer = {
      ...principal,
      tokenHash,
      send: (m) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
      },
    };
    if (!hub.add(peer)) {
      ws.close(LIVE_CLOSE.tooMany, 'too many live sockets for this user');
      return;
    }
    peerOf.set(ws, peer);
    // Further messages are not part of the protocol; ignoring them is cheaper than parsing them.
    peer.send({ type: 'ready', version: user?.version ?? 0 });
  }

  async function checkTokens(): Promise<void> {
    const peers = hub.peers();
    if (!peers.length) return;
    const hashes = [...new Set(peers.map((p) => p.tokenHash))];
    const rows = await sql.query<{ token_hash: string }>(
      'SELECT token_hash FROM devices WHERE token_hash = ANY($1::text[]) AND revoked_at IS NULL',
      [hashes],
    );
    const valid = new Set(rows.map((r) => r.token_hash));
    for (const [ws, peer] of peerOf)
      if (!valid.has(peer.tokenHash)) ws.close(LIVE_CLOSE.unauthorized, 'token revoked');
  }

  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
      peerOf.get(ws)?.send({ type: 'ping' });
    }
    checkTokens().catch(() => {
      // The database is away: keep the sockets; the next tick checks again.
    });
  }, options.pingIntervalMs);
  pinger.unref();

  const servers = new Set<Server>();
  return {
    attach(server) {
      servers.add(server);
      server.on('upgrade', onUpgrade);
    },
    checkTokens,
    get openCount() {
      return wss.clients.size;
    },
    async close() {
      clearInterval(pinger);
      for (const server of servers) server.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.close(1001, 'server shutting down');
      // Sockets that do not finish the closing handshake promptly are cut.
      await new Promise((r) => setTimeout(r, 50));
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
