/**
 * UI strings from `_locales` (English first). Falls back to the key itself so a missing string shows up
 * as an obvious placeholder in the UI rather than an empty label.
 */
import { browser } from './browser';

/** Looks up a message from `_locales/<lang>/messages.json`, with optional `$1`… substitutions. */
export function t(key: string, substitutions?: string | string[]): string {
  const message = browser.i18n.getMessage(key, substitutions);
  return message || key;
}
