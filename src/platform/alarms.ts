/**
 * Browser alarms and connectivity, the background's wake-up calls. Alarms outlive the service worker
 * (an MV3 background is killed after ~30 s idle), which timers do not. Chrome runs an alarm no sooner than
 * 30 s after it is set in a packed extension; shorter waits also need a timer while the worker is alive.
 */
import { browser } from './browser';

/** Creates a repeating alarm unless one with that name and period already exists (creating resets it). */
export async function ensurePeriodicAlarm(name: string, periodInMinutes: number): Promise<void> {
  const existing = await browser.alarms.get(name);
  if (existing?.periodInMinutes !== periodInMinutes)
    await browser.alarms.create(name, { periodInMinutes, delayInMinutes: periodInMinutes });
}

/** Sets (or moves) a one-shot alarm to fire at `when` (ms since the epoch). */
export async function setAlarmAt(name: string, when: number): Promise<void> {
  await browser.alarms.create(name, { when });
}

/** Removes an alarm. */
export async function clearAlarm(name: string): Promise<void> {
  await browser.alarms.clear(name);
}

/** Calls `listener` with the name of every alarm that fires. Register at the background's top level. */
export function onAlarm(listener: (name: string) => void): void {
  browser.alarms.onAlarm.addListener((alarm) => listener(alarm.name));
}

/** Calls `listener` when the browser regains a network connection (the `online` event of the worker). */
export function onOnline(listener: () => void): void {
  globalThis.addEventListener('online', listener);
}
