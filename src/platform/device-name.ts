/**
 * The name this browser proposes for itself when it connects to a sync server, e.g. "Chrome 156 on Linux"
 * or "Firefox 140 on Windows": the reader may edit it, and the server lists it so that two browsers on one
 * computer can be told apart. The name is a label, never a behaviour switch, which is why reading the
 * browser's identity (and, as a last resort, its user-agent string) is acceptable here and nowhere else.
 */
import { browser } from './browser';

/** What the browser says about itself; each source may be missing. */
export interface BrowserFacts {
  /** `navigator.userAgentData` (Chromium-based browsers). */
  uaData?: { brands?: ReadonlyArray<{ brand: string; version: string }>; platform?: string };
  /** `runtime.getBrowserInfo()` (Firefox). */
  browserInfo?: { name: string; version?: string };
  /** `navigator.userAgent`. */
  userAgent?: string;
  /** `runtime.getPlatformInfo().os`. */
  os?: string;
}

const OS_NAMES: Record<string, string> = {
  mac: 'macOS',
  win: 'Windows',
  linux: 'Linux',
  cros: 'ChromeOS',
  android: 'Android',
  openbsd: 'OpenBSD',
  fuchsia: 'Fuchsia',
};

/** Vendor prefixes dropped from brand names: "Google Chrome" reads as "Chrome". */
const SHORT_BRANDS: Record<string, string> = { 'Google Chrome': 'Chrome', 'Microsoft Edge': 'Edge' };

/** User-agent tokens, most specific first (Edge's and Opera's strings also name Chrome). */
const UA_TOKENS: ReadonlyArray<[RegExp, string]> = [
  [/\bFirefox\/(\d+)/, 'Firefox'],
  [/\bEdg\/(\d+)/, 'Edge'],
  [/\bOPR\/(\d+)/, 'Opera'],
  [/\bChromium\/(\d+)/, 'Chromium'],
  [/\bChrome\/(\d+)/, 'Chrome'],
];

type Named = { name: string; version?: string };
type Brands = NonNullable<BrowserFacts['uaData']>['brands'];

/** The real brand among `brands`: not a "GREASE" decoy ("Not A;Brand"), and not Chromium when another is there. */
function fromBrands(brands: Brands): Named | undefined {
  const real = (brands ?? []).filter((b) => !/not.?a.?brand/i.test(b.brand));
  const pick = real.find((b) => b.brand !== 'Chromium') ?? real[0];
  return pick && { name: SHORT_BRANDS[pick.brand] ?? pick.brand, version: pick.version.split('.')[0] };
}

function fromUserAgent(userAgent: string | undefined): Named | undefined {
  for (const [pattern, name] of UA_TOKENS) {
    const version = userAgent && pattern.exec(userAgent)?.[1];
    if (version) return { name, version };
  }
  return undefined;
}

/** "<browser> <major version> on <operating system>" from what is known, at most 64 characters. */
export function nameFromFacts(facts: BrowserFacts): string {
  const info = facts.browserInfo;
  const browserName: Named = fromBrands(facts.uaData?.brands) ??
    (info && { name: info.name, version: info.version?.split('.')[0] }) ??
    fromUserAgent(facts.userAgent) ?? { name: 'Browser' };
  const os = (facts.os && (OS_NAMES[facts.os] ?? facts.os)) || facts.uaData?.platform || '';
  const name = browserName.version ? `${browserName.name} ${browserName.version}` : browserName.name;
  return (os ? `${name} on ${os}` : name).slice(0, 64);
}

/** The operating system's short name from the runtime, if this context can ask. */
async function platformOs(): Promise<string | undefined> {
  try {
    return (await browser.runtime.getPlatformInfo()).os;
  } catch {
    return undefined;
  }
}

/** The name this browser proposes for itself, from whatever sources this context has. */
export async function deviceName(): Promise<string> {
  const runtime = browser.runtime as { getBrowserInfo?: () => Promise<{ name: string; version?: string }> };
  const nav = globalThis.navigator as (Navigator & { userAgentData?: BrowserFacts['uaData'] }) | undefined;
  const [browserInfo, os] = await Promise.all([
    runtime.getBrowserInfo?.().catch(() => undefined),
    platformOs(),
  ]);
  return nameFromFacts({
    ...(nav?.userAgentData ? { uaData: nav.userAgentData } : {}),
    ...(browserInfo ? { browserInfo } : {}),
    ...(nav?.userAgent ? { userAgent: nav.userAgent } : {}),
    ...(os ? { os } : {}),
  });
}
