/**
 * Meta-test for counts ("1 mention", "2 mentions"): in every `_locales/<lang>/messages.json`, a message with
 * a `$COUNT$` placeholder is one plural form of a count message (`<name>_<category>`), and the count
 * message has every form its language's `Intl.PluralRules` needs (English: one and other; Polish adds few
 * and many). Every count message is used through `tCount` (platform/i18n.ts), the one place that picks the
 * form: a `t()` of a form, or of the name, would show "1 mentions" in some language.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeTag, pluralBase, pluralCategories } from '../../../src/shared/plural-forms';

type Message = { message: string; placeholders?: Record<string, { content: string }> };
const root = join(import.meta.dirname, '../../..');
const localesDir = join(root, 'extension/_locales');
const locales = readdirSync(localesDir).filter((name) => statSync(join(localesDir, name)).isDirectory());
const read = (locale: string) =>
  JSON.parse(readFileSync(join(localesDir, locale, 'messages.json'), 'utf8')) as Record<string, Message>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The count messages of one locale file: name → the forms it has. */
function countMessages(messages: Record<string, Message>): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const key of Object.keys(messages)) {
    const base = pluralBase(key);
    if (base === undefined || !messages[key]!.placeholders?.count) continue;
    found.set(base, (found.get(base) ?? new Set()).add(key.slice(base.length + 1)));
  }
  return found;
}

describe.each(locales)('_locales/%s/messages.json', (locale) => {
  const messages = read(locale);
  const needed = pluralCategories(locale);

  it('names its own language, which chooses the plural forms', () => {
    expect(localeTag(messages.messagesLocale?.message ?? '')).toBe(localeTag(locale));
    if (locale === 'en') expect(needed).toEqual(['one', 'other']);
  });

  it('has a count placeholder only in plural forms, each with the count as $1', () => {
    for (const [key, entry] of Object.entries(messages)) {
      if (!entry.placeholders?.count) continue;
      expect(pluralBase(key), `${key} has a count but is not <name>_<plural category>`).toBeDefined();
      expect(entry.placeholders.count.content, key).toBe('$1');
    }
  });

  it('gives every count message each form its language needs', () => {
    const counts = countMessages(messages);
    expect(counts.size).toBeGreaterThan(10);
    for (const [name, forms] of counts)
      expect(
        needed.filter((category) => !forms.has(category)),
        `${name} lacks forms for ${locale}`,
      ).toEqual([]);
  });
});

describe('callers', () => {
  const names = [...countMessages(read('en')).keys()];
  const files = sourceFiles(join(root, 'src')).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

  it('name count messages only through tCount, which picks the form', () => {
    const misuse: string[] = [];
    for (const { path, text } of files)
      for (const name of names) {
        // A form named in the source ('mentionCount_one'), or the name given to t() instead of tCount().
        if (new RegExp(`['"\`]${name}_(zero|one|two|few|many|other)['"\`]`).test(text))
          misuse.push(`${path}: ${name}_…`);
        if (new RegExp(`\\bt\\(\\s*['"\`]${name}['"\`]`).test(text)) misuse.push(`${path}: t('${name}')`);
      }
    expect(misuse).toEqual([]);
  });

  it('give tCount only names of count messages', () => {
    const used = files.flatMap(({ text }) =>
      [...text.matchAll(/\btCount\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1]!),
    );
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((name) => !names.includes(name))).toEqual([]);
  });
});
