/**
 * One spec file's world in one browser: the page server and a browser with Gloss installed. Start it in
 * `beforeAll` and close it in `afterAll`; a failed start closes whatever it had already started.
 */
import { ChromiumGloss } from './chromium';
import type { BrowserName, GlossBrowser } from './driver';
import { FirefoxGloss } from './firefox';
import { type ServerOptions, startServer, type TestServer } from './server';

/** A running server and browser. */
export interface E2ESession {
  server: TestServer;
  browser: GlossBrowser;
  close(): Promise<void>;
}

/** The fixture page every session can rely on having mentions. */
export const ARTICLE_PATH = '/fixtures/article.html';

/** A live fixture served under a strict CSP that still lets the page's own same-origin script run. */
export const CSP_LIVE_PATH = '/fixtures/csp-live.html';
/** That CSP: nothing but the page's own script. */
export const CSP_SELF_SCRIPT = "default-src 'none'; style-src 'none'; script-src 'self'";
/** Server headers that serve `CSP_LIVE_PATH` with `CSP_SELF_SCRIPT`. */
export const CSP_LIVE_HEADERS = { [CSP_LIVE_PATH]: { 'Content-Security-Policy': CSP_SELF_SCRIPT } };

/**
 * Launches `name` with the built extension, in a fresh profile, for pages of `server`. A spec can launch a
 * second browser on the same server (another profile, as on another computer): notes are filed by address,
 * so both must see the pages at the same origin.
 */
export function launchBrowser(name: BrowserName, server: TestServer): Promise<GlossBrowser> {
  return name === 'chromium'
    ? ChromiumGloss.launch()
    : FirefoxGloss.launch({ bootstrapUrl: server.url(ARTICLE_PATH), proxyPort: server.port });
}

/** Starts the server and launches `name` with the built extension. */
export async function startSession(
  name: BrowserName,
  serverOptions: ServerOptions = {},
): Promise<E2ESession> {
  const server = await startServer(serverOptions);
  try {
    const browser = await launchBrowser(name, server);
    return {
      server,
      browser,
      async close() {
        try {
          await browser.close();
        } finally {
          await server.close();
        }
      },
    };
  } catch (e) {
    await server.close();
    throw e;
  }
}
