/**
 * A page's declared language as a note keeps it: a BCP 47 tag as pages write it in `<html lang>` ("en",
 * "ja", "hi-IN", "zh-Hant-TW"), exported as the page's `language` in Web Annotation JSON-LD. Anything else
 * ("", "x", "english", a sentence) is no language rather than a wrong one.
 */

/** Longest tag kept: BCP 47's longest registered forms stay well under it. */
export const MAX_LANGUAGE_TAG = 35;

const TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** The tag, trimmed, or undefined when `value` is not one. */
export function languageTag(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const tag = value.trim();
  return tag.length <= MAX_LANGUAGE_TAG && TAG.test(tag) ? tag : undefined;
}
