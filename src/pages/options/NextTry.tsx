/**
 * "Next try in 40 s" after a failed sync, counting down each second from the time the background gave
 * (the status is asked for every few seconds, so a try that happened, or a new wait, shows soon after).
 * Not a live region: a screen reader announcing every second would drown the page.
 */
import { useEffect, useState } from 'preact/hooks';
import { t, tCount } from '../../platform/i18n';

/** Props of `NextTry`. */
export interface NextTryProps {
  /** When the next automatic try is due (ms since the epoch). */
  at: number;
}

/** The wait until `at` in the largest unit that reads well: seconds under a minute, then whole minutes. */
export function nextTryText(at: number, now: number): string {
  const left = at - now;
  if (left <= 0) return t('syncNextTryNow');
  if (left < 60_000) return tCount('syncNextTrySeconds', Math.ceil(left / 1000));
  return tCount('syncNextTryMinutes', Math.ceil(left / 60_000));
}

/** The line, re-rendered every second while shown. */
export function NextTry({ at }: NextTryProps) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <p class="hint sync-next-try">{nextTryText(at, now)}</p>;
}
