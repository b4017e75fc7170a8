/**
 * Sync problems in plain words, from `_locales` (keys `syncError…`). Failures are stored as kinds and
 * worded only when shown, so the words follow the browser's language.
 */
import { t, tCount } from '../../platform/i18n';
import { DEVICE_NAME_MAX } from '../../shared/sync/device-name';
import type { SyncFailure } from './sync-store';
import { SyncHttpError } from './transport';

/** The status line for the last failure. */
export function failureText(failure: SyncFailure, nextAttemptAt?: number): string {
  const status = String(failure.status ?? '');
  const detail = failure.detail ?? '';
  switch (failure.kind) {
    case 'offline':
      return t('syncErrorOffline');
    case 'timeout':
      return t('syncErrorTimeout');
    case 'unauthorized':
      return t('syncErrorRevoked');
    case 'rate-limited':
      return t('syncErrorBusy', timeText(nextAttemptAt));
    case 'server':
      return t('syncErrorServer', status);
    case 'bad-request':
      return t('syncErrorRefused', [status, detail]);
    case 'too-large':
      return t('syncErrorTooLarge');
    case 'not-found':
    case 'bad-reply':
      return t('syncErrorBadReply');
    case 'future-clock':
      return t('syncErrorFutureClock');
    case 'no-progress':
      return t('syncErrorNoProgress');
    case 'unsendable':
      return tCount('syncErrorUnsendable', failure.count ?? 0, [detail]);
    case 'internal':
      return t('syncErrorInternal', detail);
  }
}

function timeText(at: number | undefined): string {
  return at === undefined ? '' : new Date(at).toLocaleTimeString(undefined, { timeStyle: 'short' });
}

/** How far ahead the clock runs, as "1 day", "3 hours" or "12 minutes" in the browser's language. */
export function durationText(ms: number): string {
  const [unit, size] =
    ms >= 86_400_000
      ? (['day', 86_400_000] as const)
      : ms >= 3_600_000
        ? (['hour', 3_600_000] as const)
        : (['minute', 60_000] as const);
  return new Intl.NumberFormat(undefined, { style: 'unit', unit, unitDisplay: 'long' }).format(
    Math.max(1, Math.round(ms / size)),
  );
}

/** The line shown while a fast clock is being corrected for. */
export function clockText(offsetMs: number): string {
  return t('syncErrorClockAhead', durationText(-offsetMs));
}

/** Why connecting failed, for the connect form. */
export function connectErrorText(e: unknown, serverUrl: string): string {
  if (!(e instanceof SyncHttpError))
    return t('syncErrorInternal', e instanceof Error ? e.message : String(e));
  switch (e.kind) {
    case 'offline':
    case 'timeout':
      return t('syncErrorUnreachable', serverUrl);
    case 'not-found':
    case 'bad-reply':
      return t('syncErrorNotAServer', serverUrl);
    case 'unauthorized':
    case 'bad-request':
      return t('syncErrorBadCode');
    case 'rate-limited':
      return t('syncErrorTooManyTries');
    default:
      return failureText(e.failure);
  }
}

/** Why a device name cannot be used (empty, too long, or with characters a listing cannot show). */
export function deviceNameErrorText(): string {
  return tCount('syncErrorBadDeviceName', DEVICE_NAME_MAX);
}
