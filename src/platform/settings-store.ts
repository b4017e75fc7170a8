/**
 * Settings in `storage.sync`, so they follow the user's browser profile. Only small preferences live here
 * (the area allows ~100 KB in all); notes never do.
 */
import { parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings';
import { browser } from './browser';

/** Reads the settings, falling back to defaults field by field. */
export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

/** Merges `patch` into the stored settings and returns the result. */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = parseSettings({ ...(await loadSettings()), ...patch });
  await browser.storage.sync.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Calls `handler` with the new settings whenever they change, until `signal` aborts. */
export function onSettingsChanged(handler: (settings: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    const change = changes[SETTINGS_KEY];
    if (area === 'sync' && change) handler(parseSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
