/**
 * Serving the app on Node: opens and migrates the configured database (db/open.ts), listens on HOST:PORT
 * (127.0.0.1:8787 unless told otherwise: listening on every interface is a choice to make deliberately,
 * usually behind a TLS-terminating proxy), and closes cleanly so PGlite flushes its data folder.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { adminHandler } from './admin/channel';
import { describeDatabase, openDatabase } from './db/open';
import type { Sql } from './db/sql';
import { createApp } from './http/app';
import { jsonLogger, type Logger } from './http/log';
import { createFailureLimiter } from './http/rate-limit';
import { startLive } from './live/index';
import { type NodeServerLimits, readServerLimits } from './server-limits';

export interface RunningServer {
  url: string;
  sql: Sql;
  close(): Promise<void>;
}

/**
 * Node's own defaults hold a slow request for 300 s and check headers for 60 s; the checks run on an
 * interval (30 s by default), so it is kept short enough for the timeouts to mean what they say.
 */
function nodeServerOptions(l: NodeServerLimits) {
  return {
    headersTimeout: l.headersTimeoutMs,
    requestTimeout: l.requestTimeoutMs,
    keepAliveTimeout: l.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(100, Math.min(1_000, Math.floor(l.headersTimeoutMs / 4))),
  };
}

export async function startServer(
  env: NodeJS.ProcessEnv = process.env,
  logger: Logger = jsonLogger(),
): Promise<RunningServer> {
  const host = env.HOST || '127.0.0.1';
  const port = Number(env.PORT || 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT ${env.PORT} is not a port`);
  const limits = readServerLimits(env);
  logger({ level: 'info', msg: 'opening database', database: describeDatabase(env) });
  const { sql, applied, lock } = await openDatabase(env);
  // With PGlite no other process may open the folder: administrative commands come through its lock.
  lock?.serve(adminHandler(sql));
  for (const m of applied)
    logger({ level: 'info', msg: 'migration applied', version: m.version, name: m.name });
  // One count of failed authentications per address for the HTTP routes and the live channel alike.
  const authFailures = createFailureLimiter(limits.rate.authFailures, Date.now);
  const live = await startLive(sql, env.DATABASE_URL, logger, {
    authFailures,
    trustProxy: limits.trustProxy,
  });
  const app = createApp({
    authFailures,
    sql,
    logger,
    onPushed: live.announce,
    rateLimit: limits.rate,
    trustProxy: limits.trustProxy,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      { fetch: app.fetch, hostname: host, port, serverOptions: nodeServerOptions(limits.node) },
      () => resolve(s),
    );
    // Past the cap Node closes each new connection as it is accepted (the client sees a reset).
    s.maxConnections = limits.node.maxConnections;
    s.once('error', reject);
  }).catch(async (error: Error) => {
    // Port taken, say: let go of the database (PGlite's lock) before reporting it.
    await live.close();
    await sql.close();
    throw error;
  });
  live.attach(server as Server);
  const { port: bound } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
  logger({ level: 'info', msg: 'listening', url, database: sql.kind });
  return {
    url,
    sql,
    async close() {
      await live.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sql.close();
      logger({ level: 'info', msg: 'stopped' });
    },
  };
}
