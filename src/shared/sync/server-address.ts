/**
 * The sync server's address as a reader types it ("127.0.0.1:8787", "sync.example.org/gloss", or a full
 * "https://…" address), made into the base address every route is appended to. Shared by the options page,
 * which shows the reader what will be used, and the background, which connects to it.
 */

/** A scheme typed by the reader ("https://"); without one, the address is taken as host[:port][/path]. */
const TYPED_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Whether `hostname` (as `URL` canonicalises it) is this computer: a server there is reached over http, as
 * nobody has a certificate for it. Anything else gets https, as a note must not cross the network in clear.
 */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

function parse(address: string): URL | undefined {
  try {
    return new URL(address);
  } catch {
    return undefined;
  }
}

/**
 * The normalised base address: http or https only, no user name or password, no query or fragment, no
 * trailing slash (a path prefix, for a server behind a reverse proxy, is kept). An address typed without a
 * scheme gets http for a loopback host and https otherwise. Undefined when it cannot be a server's address.
 */
export function normaliseServerAddress(typed: string): string | undefined {
  const trimmed = typed.trim();
  if (!trimmed) return undefined;
  const url = parse(TYPED_SCHEME.test(trimmed) ? trimmed : `${schemeFor(trimmed)}://${trimmed}`);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password)
    return undefined;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The scheme for an address typed without one, from its host as `URL` reads it. */
function schemeFor(hostAndPath: string): 'http' | 'https' {
  const hostname = parse(`http://${hostAndPath}`)?.hostname;
  return hostname !== undefined && isLoopbackHost(hostname) ? 'http' : 'https';
}
