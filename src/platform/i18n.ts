/**
 * UI strings from `_locales` (English first). Falls back to the key itself so a missing string shows up
 * as an obvious placeholder in the UI rather than an empty label.
 */
import { localeTag, pluralKey } from '../shared/plural-forms';
import { browser } from './browser';

/** Looks up a message from `_locales/<lang>/messages.json`, with optional `$1`… substitutions. */
export function t(key: string, substitutions?: string | string[]): string {
  const message = browser.i18n.getMessage(key, substitutions);
  return message || key;
}

/** The language of the messages in use (each messages.json names its own), for plural forms and digits. */
function messagesLocale(): string {
  return browser.i18n.getMessage('messagesLocale') || 'en';
}

/** `n` as the messages' language writes numbers ("20,000"), for a number beside a count in a message. */
export function tNumber(n: number): string {
  return new Intl.NumberFormat(localeTag(messagesLocale())).format(n);
}

/**
 * A count message ("1 mention", "3 mentions") in the plural form its language needs (plural-forms.ts).
 * `name` is the message without its `_one`/`_other` suffix; the count fills `$1`, written as the language
 * writes numbers ("10,001"), and `more` fill `$2`…. The language is the one the messages were read from
 * (each messages.json names its own in `messagesLocale`), not the browser's: a browser in a language Gloss
 * has no translation for reads the English messages and needs English forms. A form a partial translation
 * lacks falls back to `_other`.
 */
export function tCount(name: string, count: number, more: readonly string[] = []): string {
  const substitutions = [tNumber(count), ...more];
  return (
    browser.i18n.getMessage(pluralKey(name, count, messagesLocale()), substitutions) ||
    t(`${name}_other`, substitutions)
  );
}
