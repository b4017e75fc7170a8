/**
 * How a committed push reaches the live sockets of every server process. With PGlite there is one process
 * and the hub is told directly. With PostgreSQL several processes may share the database, so the pushing
 * process tells its own hub directly and sends `NOTIFY gloss_live` with the user id, the pushing device's
 * row id and the version (no content), and every process LISTENs on a connection of its own and tells its
 * hub. Notifications are best effort: a missed one only means that device pulls on its alarm instead.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Sql } from '../db/sql';
import type { Logger } from '../http/log';
import type { LiveHub, PushedChange } from './hub';

/** The PostgreSQL channel name. */
export const LIVE_CHANNEL = 'gloss_live';
const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;

export interface LiveNotifier {
  /** Called after a push committed. Never throws. */
  announce(change: PushedChange): void;
  close(): Promise<void>;
}

/** One process: straight to the hub. */
export function inProcessNotifier(hub: LiveHub): LiveNotifier {
  return { announce: (change) => void hub.deliver(change), close: async () => {} };
}

interface Payload extends PushedChange {
  /** The announcing notifier, which has already told its own hub. */
  from: string;
}

/** Several processes on one PostgreSQL at `url`: LISTEN/NOTIFY. Resolves once listening. */
export async function postgresNotifier(
  url: string,
  sql: Sql,
  hub: LiveHub,
  logger: Logger,
): Promise<LiveNotifier> {
  const self = randomUUID();
  let client: pg.Client | undefined;
  let isClosed = false;
  let retryMs = RECONNECT_MIN_MS;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  function onNotification(message: pg.Notification): void {
    if (message.channel !== LIVE_CHANNEL || !message.payload) return;
    try {
      const p = JSON.parse(message.payload) as Payload;
      if (p.from !== self) hub.deliver({ userId: p.userId, deviceId: p.deviceId, version: p.version });
    } catch {
      // Not ours: ignore.
    }
  }

  async function listen(): Promise<void> {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    c.on('error', () => reconnect(c));
    c.on('end', () => reconnect(c));
    c.on('notification', onNotification);
    await c.connect();
    await c.query(`LISTEN ${LIVE_CHANNEL}`);
    client = c;
    retryMs = RECONNECT_MIN_MS;
  }

  /** The listening connection died: listen again, then tell local sockets the versions they may have missed. */
  function reconnect(dead: pg.Client): void {
    if (isClosed || client !== dead) return;
    client = undefined;
    dead.end().catch(() => {});
    logger({ level: 'warn', msg: 'live notifications interrupted; reconnecting' });
    const attempt = (): void => {
      retryTimer = setTimeout(() => {
        listen()
          .then(catchUp)
          .catch(() => {
            retryMs = Math.min(retryMs * 2, RECONNECT_MAX_MS);
            if (!isClosed) attempt();
          });
      }, retryMs);
    };
    attempt();
  }

  async function catchUp(): Promise<void> {
    const users = hub.users();
    if (!users.length) return;
    const rows = await sql.query<{ id: string; version: number }>(
      'SELECT id, version FROM users WHERE id = ANY($1::text[])',
      [users],
    );
    for (const r of rows) hub.deliver({ userId: r.id, deviceId: '', version: r.version });
  }

  await listen();
  return {
    announce(change) {
      hub.deliver(change);
      const payload: Payload = { ...change, from: self };
      sql.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, JSON.stringify(payload)]).catch(() => {
        logger({ level: 'warn', msg: 'live notification not sent' });
      });
    },
    async close() {
      isClosed = true;
      clearTimeout(retryTimer);
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}
