/**
 * A name for this browser that the sync server lists among the user's devices, e.g. "Chrome on Linux" or
 * "Firefox on Windows". Only Firefox has `runtime.getBrowserInfo`; the name is a label, not a behaviour
 * switch, so feature detection suffices (no user-agent parsing).
 */
import { browser } from './browser';

const OS_NAMES: Record<string, string> = {
  mac: 'macOS',
  win: 'Windows',
  linux: 'Linux',
  cros: 'ChromeOS',
  android: 'Android',
  openbsd: 'OpenBSD',
};

/** "<browser> on <operating system>", at most 64 characters. */
export async function deviceName(): Promise<string> {
  const runtime = browser.runtime as { getBrowserInfo?: () => Promise<{ name: string }> };
  const name = runtime.getBrowserInfo
    ? await runtime.getBrowserInfo().then(
        (info) => info.name,
        () => 'Firefox',
      )
    : 'Chrome';
  const os = await browser.runtime.getPlatformInfo().then(
    (info) => OS_NAMES[info.os] ?? info.os,
    () => '',
  );
  return (os ? `${name} on ${os}` : name).slice(0, 64);
}
