/**
 * The live channel's server side in one piece (docs/live-sync.md):
 *
 *   POST /v1/push ─ commit ─▶ announce ─▶ notifier ─┬─▶ hub (this process) ─▶ the user's other sockets
 *                                                    └─▶ NOTIFY gloss_live ─▶ other processes' hubs
 *   upgrade /v1/live ─▶ live-server (auth by first message, caps, pings, revocation) ─▶ hub
 */
import type { Server } from 'node:http';
import type { Sql } from '../db/sql';
import type { Logger } from '../http/log';
import { LiveHub, type PushedChange } from './hub';
import { createLiveServer, DEFAULT_LIVE_OPTIONS, type LiveServerOptions } from './live-server';
import { inProcessNotifier, postgresNotifier } from './notifier';

export type { PushedChange } from './hub';

/**
 * 20 sockets a user: one per open browser profile, with room for a reconnect racing the old socket's
 * close; a user with more browsers than that still syncs on the alarm.
 */
export const SOCKETS_PER_USER = 20;

export interface LiveOptions extends LiveServerOptions {
  socketsPerUser: number;
}

export interface Live {
  /** Called after a push committed. */
  announce(change: PushedChange): void;
  attach(server: Server): void;
  readonly hub: LiveHub;
  /** Runs the revocation check now. */
  checkTokens(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the live channel over `sql`; `databaseUrl` (PostgreSQL only) enables LISTEN/NOTIFY. */
export async function startLive(
  sql: Sql,
  databaseUrl: string | undefined,
  logger: Logger,
  options: Partial<LiveOptions> = {},
): Promise<Live> {
  const hub = new LiveHub(options.socketsPerUser ?? SOCKETS_PER_USER);
  const notifier =
    sql.kind === 'postgres' && databaseUrl
      ? await postgresNotifier(databaseUrl, sql, hub, logger)
      : inProcessNotifier(hub);
  const server = createLiveServer(sql, hub, logger, { ...DEFAULT_LIVE_OPTIONS, ...options });
  return {
    announce: (change) => notifier.announce(change),
    attach: (s) => server.attach(s),
    hub,
    checkTokens: () => server.checkTokens(),
    async close() {
      await server.close();
      await notifier.close();
    },
  };
}
