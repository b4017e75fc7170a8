/**
 * Who may call the server from a browser. The extension's background fetches from its own origin
 * (`chrome-extension://<32 letters a-p>` in Chromium, `moz-extension://<uuid>` in Firefox); answering CORS
 * for those origins is what lets it reach any server address without a host permission. A request carrying
 * any other Origin (a web page) is refused outright with 403, not merely left unreadable: a page must not be
 * able to spend a user's enrolment attempts or rate-limit budget. Requests without an Origin (curl, the CLI,
 * scripts) are not browsers and pass.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

const EXTENSION_ORIGIN = /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f-]{36})$/;

export function isExtensionOrigin(origin: string): boolean {
  return EXTENSION_ORIGIN.test(origin);
}

export function webOriginGuard(): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !isExtensionOrigin(origin))
      return c.json({ error: 'requests from web pages are not allowed' }, 403);
    return next();
  };
}

/** CORS headers and preflight answers for extension origins. */
export function extensionCors(): MiddlewareHandler {
  return cors({
    origin: (origin) => (isExtensionOrigin(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type'],
    exposeHeaders: ['Retry-After'],
    maxAge: 600,
  });
}
