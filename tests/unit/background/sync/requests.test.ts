/**
 * The sync requests as the background receives them: validated, for Gloss's own pages only, answered by
 * the engine through the router; plus the pieces around them (the server address check, the device name,
 * the alarm seam).
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../../../../src/platform/browser';
import type { BrowserFacts } from '../../../../src/platform/device-name';

const platform = vi.hoisted(() => ({
  browserInfo: undefined as undefined | (() => Promise<{ name: string; version?: string }>),
  os: 'linux',
  alarms: new Map<string, { name: string; periodInMinutes?: number; scheduledTime?: number }>(),
  created: [] as string[],
}));

vi.mock('../../../../src/platform/browser', async () => {
  const { fakeBrowser } = await import('../../helpers/fake-browser');
  return {
    browser: {
      ...fakeBrowser,
      runtime: {
        ...fakeBrowser.runtime,
        getPlatformInfo: async () => ({ os: platform.os, arch: 'x86-64' }),
        get getBrowserInfo() {
          return platform.browserInfo;
        },
      },
      alarms: {
        get: async (name: string) => platform.alarms.get(name),
        create: async (name: string, info: { periodInMinutes?: number; when?: number }) => {
          platform.created.push(name);
          platform.alarms.set(name, {
            name,
            periodInMinutes: info.periodInMinutes,
            scheduledTime: info.when,
          });
        },
        clear: async (name: string) => platform.alarms.delete(name),
      },
    },
  };
});

const { route, senderProblem } = await import('../../../../src/background/router');
const { parseRequest } = await import('../../../../src/shared/protocol-schemas');
const { makeSyncHandlers } = await import('../../../../src/background/sync/sync-handlers');
const { normaliseServerUrl } = await import('../../../../src/background/sync/server-url');
const { deviceName, nameFromFacts } = await import('../../../../src/platform/device-name');
const { ensurePeriodicAlarm, setAlarmAt } = await import('../../../../src/platform/alarms');
const { Rig, SERVER_URL } = await import('./devices');

const ctx = { extensionId: 'gloss-id', extensionOrigin: 'chrome-extension://gloss-id/' };
const optionsPage = {
  id: 'gloss-id',
  url: 'chrome-extension://gloss-id/options.html',
} as Runtime.MessageSender;
const contentScript = {
  id: 'gloss-id',
  url: 'https://example.com/a',
  tab: { id: 4, url: 'https://example.com/a' },
} as Runtime.MessageSender;

const rig = await Rig.start();
afterEach(() => rig.reset());
afterAll(() => rig.close());

describe('sync requests', () => {
  it('validate their arguments', () => {
    const ok = { gloss: 1, type: 'connectSync', args: { serverUrl: SERVER_URL, code: 'abc' } };
    expect(parseRequest(ok)).toEqual(ok);
    for (const args of [
      { serverUrl: SERVER_URL },
      { serverUrl: 1, code: 'a' },
      { serverUrl: 'x'.repeat(3000), code: 'a' },
    ])
      expect(parseRequest({ gloss: 1, type: 'connectSync', args })).toEqual({
        error: expect.stringMatching(/invalid arguments for connectSync/),
      });
    for (const type of ['disconnectSync', 'getSyncStatus', 'syncNow']) {
      expect(parseRequest({ gloss: 1, type, args: {} })).toEqual({ gloss: 1, type, args: {} });
      expect(parseRequest({ gloss: 1, type, args: { token: 'x' } })).toHaveProperty('error');
    }
  });

  it('are refused to content scripts, whatever they ask', () => {
    for (const type of ['connectSync', 'disconnectSync', 'getSyncStatus', 'syncNow'] as const) {
      const envelope = { gloss: 1 as const, type, args: {} as never };
      expect(senderProblem(envelope, contentScript, ctx)).toBe(`${type} is only for Gloss's own pages`);
      expect(senderProblem(envelope, optionsPage, ctx)).toBeUndefined();
    }
  });

  it('go through the router to the engine, starting and stopping the alarms with the connection', async () => {
    const { userId, code } = await rig.server.createUser();
    const a = rig.device('a');
    const calls: string[] = [];
    const handlers = makeSyncHandlers(
      a.engine,
      {
        connected: async () => void calls.push('connected'),
        disconnected: async () => void calls.push('disconnected'),
      },
      async () => 20_000,
    );
    const send = (type: string, args: unknown) =>
      route({ gloss: 1, type, args }, optionsPage, handlers as never, ctx);

    expect(await send('connectSync', { serverUrl: 'file:///etc', code })).toEqual({
      ok: false,
      error: expect.stringMatching(/^Enter the sync server's address, for example sync\.example\.org/),
    });
    expect(await send('connectSync', { serverUrl: SERVER_URL, code })).toEqual({
      ok: true,
      value: expect.objectContaining({ connected: true, serverUrl: SERVER_URL }),
    });
    await a.add('hello');
    expect(await send('getSyncStatus', {})).toMatchObject({ ok: true, value: { pending: 1 } });
    expect(await send('syncNow', {})).toMatchObject({ ok: true, value: { pending: 0 } });
    expect(await rig.server.notesOf(userId)).toHaveLength(1);
    expect(await send('disconnectSync', {})).toMatchObject({ ok: true, value: { connected: false } });
    expect(calls).toEqual(['connected', 'disconnected']);
    expect(
      await route({ gloss: 1, type: 'getSyncStatus', args: {} }, contentScript, handlers as never, ctx),
    ).toEqual({
      ok: false,
      error: "getSyncStatus is only for Gloss's own pages",
    });
    // The one sync request a content script may send takes nothing and learns only a delay.
    expect(
      await route({ gloss: 1, type: 'keepLiveUpdates', args: {} }, contentScript, handlers as never, ctx),
    ).toEqual({ ok: true, value: { nextInMs: 20_000 } });
    expect(
      await route(
        { gloss: 1, type: 'keepLiveUpdates', args: { token: 'x' } },
        contentScript,
        handlers as never,
        ctx,
      ),
    ).toHaveProperty('ok', false);
  });
});

describe('around the requests', () => {
  it('server addresses: http(s) only, no credentials; query, fragment and trailing slashes dropped', () => {
    expect(normaliseServerUrl(' https://Sync.Example.org/ ')).toBe('https://sync.example.org');
    expect(normaliseServerUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(normaliseServerUrl('https://example.org/gloss//?x=1#y')).toBe('https://example.org/gloss');
    for (const bad of [
      '',
      '   ',
      'not an address',
      'ftp://example.org',
      'ftp:example.org',
      'mailto:me@example.org',
      'javascript:alert(1)',
      'https://u:p@example.org',
    ])
      expect(() => normaliseServerUrl(bad), bad).toThrow(
        /^Enter the sync server.s address, for example sync\.example\.org/,
      );
  });

  it('server addresses typed without a scheme: http for this computer, https for any other', () => {
    const cases: Array<[string, string]> = [
      ['127.0.0.1:8787', 'http://127.0.0.1:8787'],
      ['127.1.2.3', 'http://127.1.2.3'],
      ['localhost:8787', 'http://localhost:8787'],
      ['LocalHost:8787/', 'http://localhost:8787'],
      ['[::1]:8787', 'http://[::1]:8787'],
      ['sync.example.org', 'https://sync.example.org'],
      ['sync.example.org/gloss/', 'https://sync.example.org/gloss'],
      ['sync.example.org:8443', 'https://sync.example.org:8443'],
      ['192.168.1.20:8787', 'https://192.168.1.20:8787'],
      ['localhost.example.org', 'https://localhost.example.org'],
      ['127.0.0.1.example.org', 'https://127.0.0.1.example.org'],
      // A scheme the reader typed is kept, even http for another computer on their network.
      ['http://192.168.1.20:8787', 'http://192.168.1.20:8787'],
      ['HTTPS://localhost:8787', 'https://localhost:8787'],
    ];
    for (const [typed, address] of cases) expect(normaliseServerUrl(typed), typed).toBe(address);
  });

  it('proposes a device name with the browser, its version and the operating system', async () => {
    const grease = { brand: 'Not)A;Brand', version: '8.0.0.0' };
    const chromium = { brand: 'Chromium', version: '156.0.7000.1' };
    const facts: Array<[BrowserFacts, string]> = [
      [
        { uaData: { brands: [grease, chromium, { brand: 'Google Chrome', version: '156' }] }, os: 'linux' },
        'Chrome 156 on Linux',
      ],
      [{ uaData: { brands: [chromium, grease], platform: 'Linux' } }, 'Chromium 156 on Linux'],
      [
        { uaData: { brands: [{ brand: 'Microsoft Edge', version: '150' }, chromium] }, os: 'win' },
        'Edge 150 on Windows',
      ],
      [{ browserInfo: { name: 'Firefox', version: '140.0.2' }, os: 'mac' }, 'Firefox 140 on macOS'],
      [
        { userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', os: 'linux' },
        'Firefox 128 on Linux',
      ],
      [
        {
          userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0',
          os: 'win',
        },
        'Edge 120 on Windows',
      ],
      [
        { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36', os: 'linux' },
        'Chrome 131 on Linux',
      ],
      [{}, 'Browser'],
    ];
    for (const [fact, name] of facts) expect(nameFromFacts(fact), name).toBe(name);

    // Through the browser: Firefox's getBrowserInfo, where there is no userAgentData.
    platform.browserInfo = async () => ({ name: 'Firefox', version: '140.0' });
    platform.os = 'win';
    expect(await deviceName()).toBe('Firefox 140 on Windows');
    platform.browserInfo = undefined;
    platform.os = 'linux';
  });

  it('creates the periodic alarm once (creating again would push it back), and one-shot alarms at a time', async () => {
    await ensurePeriodicAlarm('gloss-sync', 5);
    await ensurePeriodicAlarm('gloss-sync', 5);
    expect(platform.created).toEqual(['gloss-sync']);
    await setAlarmAt('gloss-sync-retry', 123_456);
    expect(platform.alarms.get('gloss-sync-retry')?.scheduledTime).toBe(123_456);
  });
});
