/**
 * The administrator's command line, run as a separate process the way `npm run server -- …` runs it:
 * create a user and get a code, list devices, revoke one, issue another code, list users; and refuse to
 * open a PGlite data folder another process (here: this test) has open.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/server/db/pglite';
import { openPostgres } from '../../src/server/db/postgres';
import type { Sql } from '../../src/server/db/sql';
import { Harness } from './helpers/harness';
import { openTestDb, type TestDb } from './helpers/test-db';

const CLI = fileURLToPath(new URL('../../src/server/cli.ts', import.meta.url));
let db: TestDb;

beforeAll(async () => {
  db = await openTestDb({ onDisk: true });
  await db.sql.close();
});
afterAll(() => db.drop());

function cli(
  target: TestDb['env'] | string,
  ...args: string[]
): { status: number | null; stdout: string; stderr: string } {
  if (typeof target === 'string') return cli(db.env, target, ...args);
  const { DATABASE_URL: _u, GLOSS_DATA_DIR: _d, ...env } = process.env;
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: { ...env, ...target },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const open = (): Promise<Sql> =>
  db.env.DATABASE_URL ? openPostgres(db.env.DATABASE_URL) : openPglite(db.env.GLOSS_DATA_DIR);

describe('the CLI', () => {
  it('creates a user with a code, lists and revokes devices, and issues new codes', async () => {
    const created = cli('create-user', 'alice');
    expect(created.status).toBe(0);
    const userId = /Created user alice \(([0-9a-f-]{36})\)/.exec(created.stdout)?.[1];
    const code = /Enrolment code: ([2-9A-Z]{5}-[2-9A-Z]{5})/.exec(created.stdout)?.[1];
    expect([userId, code]).toEqual([expect.any(String), expect.any(String)]);

    const sql = await open();
    const h = new Harness(sql);
    h.time = Date.now();
    expect((await h.enrol(code!, 'Laptop')).body.userId).toBe(userId);
    await sql.close();

    const devices = cli('devices', 'alice');
    expect(devices.status).toBe(0);
    const deviceId = /^([0-9a-f-]{36}) {2}Laptop, added \S.+\S {2}last push -$/m.exec(devices.stdout)?.[1];
    expect(deviceId).toBeDefined();
    expect(cli('revoke', deviceId!)).toMatchObject({ status: 0, stdout: `Revoked device ${deviceId}.\n` });
    expect(cli('devices', userId!).stdout).toMatch(/Laptop, added .* REVOKED /);
    expect(cli('new-code', 'alice').stdout).toMatch(
      /^Enrolment code: [2-9A-Z]{5}-[2-9A-Z]{5} {2}\(single use, expires /,
    );
    expect(cli('users').stdout).toBe(`${userId}  alice  devices: 0  notes: 0  version: 0\n`);
  });

  it('says what went wrong, with a non-zero exit', () => {
    expect(cli('create-user', 'alice')).toMatchObject({
      status: 1,
      stderr: 'gloss-server: there is already a user named "alice"\n',
    });
    expect(cli('new-code', 'nobody')).toMatchObject({
      status: 1,
      stderr: 'gloss-server: no user named or with id "nobody"\n',
    });
    expect(cli('revoke', 'no-such-device')).toMatchObject({
      status: 1,
      stdout: 'No active device no-such-device.\n',
    });
    const unknown = cli('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command "frobnicate"[\s\S]*create-user <name>/);
  });

  it('says so when a process that answers no admin commands holds the PGlite folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-cli-lock-'));
    const sql = await openPglite(dir);
    try {
      // Spawned without blocking: the holder is this process, which must stay free to answer.
      const { DATABASE_URL: _u, GLOSS_DATA_DIR: _d, ...env } = process.env;
      const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'users'], {
        env: { ...env, GLOSS_DATA_DIR: dir },
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk;
      });
      const status = await new Promise<number | null>((ok) => child.once('exit', ok));
      const refused = { status, stderr };
      expect(refused.status).toBe(1);
      expect(refused.stderr).toBe('gloss-server: the data folder is busy; try again in a moment\n');
    } finally {
      await sql.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
