/**
 * The server in-process (`app.request`) with a clock the test moves and the log lines it wrote, and users
 * with enrolled devices (device.ts) to drive it.
 */
import { createUser, issueCode } from '../../../src/server/accounts/users';
import type { Sql } from '../../../src/server/db/sql';
import { type AppOptions, createApp } from '../../../src/server/http/app';
import type { LogEntry } from '../../../src/server/http/log';
import { TestDevice } from './device';

/** The server's clock at the start of every test: 2025-03-01T00:00:00Z. */
export const T0 = Date.UTC(2025, 2, 1);
export const DAY = 24 * 60 * 60 * 1000;

export interface Reply<T> {
  status: number;
  body: T;
  headers: Headers;
}

export class Harness {
  time = T0;
  readonly logs: LogEntry[] = [];
  readonly app: ReturnType<typeof createApp>;

  constructor(
    readonly sql: Sql,
    options: Partial<AppOptions> = {},
  ) {
    this.app = createApp({
      sql,
      now: () => this.time,
      logger: (e) => this.logs.push(e),
      rateLimit: false,
      ...options,
    });
  }

  async request<T = unknown>(path: string, init: RequestInit = {}): Promise<Reply<T>> {
    const res = await this.app.request(path, init);
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
  }

  async enrol(
    code: string,
    deviceName = 'Test browser',
  ): Promise<Reply<{ token?: string; userId?: string; error?: string }>> {
    return this.request('/v1/enrol', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName }),
    });
  }

  /** A new user and its first enrolment code; `user.device()` enrols devices. */
  async user(name = `user-${Math.random().toString(36).slice(2, 10)}`): Promise<TestUser> {
    const created = await createUser(this.sql, name, this.time);
    return new TestUser(this, created.id, name, created.code);
  }
}

export class TestUser {
  private codeLeft: string | undefined;
  constructor(
    readonly h: Harness,
    readonly id: string,
    readonly name: string,
    code: string,
  ) {
    this.codeLeft = code;
  }

  /** Enrols a new device (the first uses the user's first code, later ones a fresh code). */
  async device(deviceId: string, skewMs = 0): Promise<TestDevice> {
    const code = this.codeLeft ?? (await issueCode(this.h.sql, this.id, this.h.time)).code;
    this.codeLeft = undefined;
    const reply = await this.h.enrol(code, `browser ${deviceId}`);
    if (reply.status !== 200 || !reply.body.token) throw new Error(`enrolment failed: ${reply.status}`);
    return new TestDevice(this.h, reply.body.token, deviceId, skewMs);
  }
}
