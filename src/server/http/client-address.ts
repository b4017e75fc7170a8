/**
 * Whose request is this, for rate limiting: the socket's address, or, only when that socket belongs to a
 * proxy the operator named in TRUST_PROXY, the right-most X-Forwarded-For hop that is not itself a trusted
 * proxy (the hops to its left are whatever the client chose to send, so they are never believed). The
 * answer is a bucket key: IPv6 addresses are cut to their /64, because one subscriber usually gets a whole
 * /64 and could otherwise take a fresh bucket per address.
 */
import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';

/** The key used when there is no socket (in-process tests through `app.request`). */
const NO_SOCKET = 'local';

/**
 * The trusted proxies: addresses (`10.0.0.2`, `::1`) and subnets (`10.0.0.0/8`, `fd00::/8`), from the
 * comma-separated TRUST_PROXY value. Throws on anything else, so a typo stops the server at start instead of
 * silently trusting nobody (or reading a header nobody vouches for).
 */
export function parseTrustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const raw of entries) {
    const entry = raw.trim();
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = family === 4 ? 32 : 128;
    if (!family || (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits)))
      throw new Error(`TRUST_PROXY: "${entry}" is not an IP address or subnet (like 10.0.0.2 or 10.0.0.0/8)`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return list;
}

function isTrusted(trusted: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) as `192.0.2.1`; anything else unchanged. */
function unmapIpv4(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/**
 * The client's address, given the socket's and the X-Forwarded-For header. With no trusted proxies the
 * header is ignored. If every hop is trusted the left-most one is the client.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trusted: BlockList | undefined,
): string | undefined {
  if (socketAddress === undefined) return undefined;
  let client = unmapIpv4(socketAddress);
  if (!trusted || !forwardedFor || !isTrusted(trusted, client)) return client;
  const hops = forwardedFor.split(',').map((hop) => unmapIpv4(hop.trim()));
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    // A hop that is not an address (a proxy that writes "unknown", say): stop at the last one we trust.
    if (!isIP(hop)) return client;
    client = hop;
    if (!isTrusted(trusted, hop)) return client;
  }
  return client;
}

/** The first four groups of an IPv6 address (`2001:db8:0:1`), expanding `::`; undefined if not IPv6. */
function ipv6Prefix64(address: string): string | undefined {
  const bare = address.split('%')[0]!; // a zone index (fe80::1%eth0) names an interface, not a host
  if (isIP(bare) !== 6) return undefined;
  const [head = '', tail] = bare.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  // An embedded IPv4 tail (::1.2.3.4) stands for two groups; only the first four groups matter here.
  const width = (part: string) => groups(part).reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const full =
    tail === undefined
      ? groups(head)
      : [...groups(head), ...Array(8 - width(head) - width(tail)).fill('0'), ...groups(tail)];
  return full
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':');
}

/** The rate-limit key for an address: IPv4 as it is, IPv6 by its /64. */
export function addressBucket(address: string | undefined): string {
  if (address === undefined) return NO_SOCKET;
  const prefix = ipv6Prefix64(address);
  return prefix === undefined ? address : `${prefix}::/64`;
}

/** The rate-limit key of the client that sent the request in `c` (served by @hono/node-server). */
export function requestAddressKey(c: Context, trusted: BlockList | undefined): string {
  const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
    ?.socket;
  return addressBucket(clientAddress(socket?.remoteAddress, c.req.header('x-forwarded-for'), trusted));
}
