/**
 * Administrative commands while the server runs (issue 9 item 3, issue 10 item 4), and the PGlite lock
 * after a crash (issue 10 item 3). `npm run server` is started as its own process on a PGlite folder, then
 * the CLI, another process, creates a user, lists users and devices, issues a code and revokes a device
 * through the server's admin channel; the codes work for enrolment over HTTP. A second server on the same
 * folder is refused; after `kill -9` the server starts again on the same folder at once.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_SOCKET } from '../../src/server/db/data-dir-lock';

const CLI = fileURLToPath(new URL('../../src/server/cli.ts', import.meta.url));
const { DATABASE_URL: _u, GLOSS_DATA_DIR: _d, ...baseEnv } = process.env;

let dir: string;
const servers: ChildProcess[] = [];

/** Starts `cli.ts serve` on the folder and resolves with its address once it listens. */
function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve'], {
    env: { ...baseEnv, GLOSS_DATA_DIR: dir, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const url = /"msg":"listening","url":"([^"]+)"/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk;
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${err}${out}`)));
  });
}

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: { ...baseEnv, GLOSS_DATA_DIR: dir },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function enrol(url: string, code: string): Promise<number> {
  const res = await fetch(`${url}/v1/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: 'Laptop' }),
  });
  return res.status;
}

const codeIn = (text: string) => /Enrolment code: ([2-9A-Z]{5}-[2-9A-Z]{5})/.exec(text)?.[1] ?? '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gloss-admin-'));
});
afterAll(() => {
  for (const s of servers) s.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('the admin commands while the server runs on PGlite', () => {
  it('create-user, users, new-code, devices and revoke go through the running server', async () => {
    const { url } = await startServer();
    // Only the machine user that runs the server can reach its admin channel.
    expect(statSync(join(dir, LOCK_SOCKET)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o077).toBe(0);

    const created = cli('create-user', 'alice');
    expect(created).toMatchObject({ status: 0, stderr: '' });
    expect(created.stdout).toMatch(/^Created user alice \([0-9a-f-]{36}\)\.\nEnrolment code: /);
    expect(await enrol(url, codeIn(created.stdout))).toBe(200);

    expect(cli('users').stdout).toMatch(/^[0-9a-f-]{36} {2}alice {2}devices: 1 {2}notes: 0 {2}version: 0\n$/);
    const devices = cli('devices', 'alice');
    const deviceId = /^([0-9a-f-]{36}) {2}Laptop, added /m.exec(devices.stdout)?.[1];
    expect(deviceId).toBeDefined();
    const second = cli('new-code', 'alice');
    expect(await enrol(url, codeIn(second.stdout))).toBe(200);
    expect(cli('revoke', deviceId!)).toMatchObject({ status: 0, stdout: `Revoked device ${deviceId}.\n` });
    expect(cli('create-user', 'alice')).toMatchObject({
      status: 1,
      stderr: 'gloss-server: there is already a user named "alice"\n',
    });
  });

  it('refuses a second server on the same folder, and starts again at once after kill -9', async () => {
    const [running] = servers;
    await expect(startServer()).rejects.toThrow(/is in use by another Gloss process/);
    running!.kill('SIGKILL');
    await new Promise((ok) => running!.once('exit', ok));
    const { url } = await startServer();
    const health = await fetch(`${url}/v1/health`);
    expect(health.status).toBe(200);
    // The data survived the crash, and the channel answers for the new process.
    expect(cli('users').stdout).toMatch(/ alice {2}devices: 1 /);
  });
});
