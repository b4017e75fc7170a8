/**
 * Plural forms for count messages. `_locales` has no plural rules of its own, so a count message is stored
 * once per plural category of its language, as `<name>_<category>` (mentionCount_one and mentionCount_other;
 * Polish adds `_few` and `_many`, Arabic `_zero` and `_two`), and `Intl.PluralRules` picks the key. Pure, so
 * the content script, the extension pages and the locale-file test share one rule.
 */

/** Every category `Intl.PluralRules` can answer, in its own order. */
export const PLURAL_CATEGORIES: readonly Intl.LDMLPluralRule[] = [
  'zero',
  'one',
  'two',
  'few',
  'many',
  'other',
];

/** A `_locales` folder name ("pt_BR") as a BCP 47 tag ("pt-BR"); tags pass through unchanged. */
export function localeTag(locale: string): string {
  return locale.replace(/_/g, '-');
}

/** Rules by locale: a card or a long list asks for many counts in one language. */
const rules = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string): Intl.PluralRules {
  let found = rules.get(locale);
  if (!found) {
    found = new Intl.PluralRules(localeTag(locale));
    rules.set(locale, found);
  }
  return found;
}

/** The categories a count message needs in `locale` (English: one and other). */
export function pluralCategories(locale: string): Intl.LDMLPluralRule[] {
  return rulesFor(locale).resolvedOptions().pluralCategories;
}

/** The message key for `count` in `locale`: `<name>_<category>`. */
export function pluralKey(name: string, count: number, locale: string): string {
  return `${name}_${rulesFor(locale).select(count)}`;
}

/** The name of a count message from one of its keys (mentionCount_one → mentionCount), if it is one. */
export function pluralBase(key: string): string | undefined {
  const match = /^(.+)_(zero|one|two|few|many|other)$/.exec(key);
  return match?.[1];
}
