/**
 * Meta-test: every UI string key the code names exists in `_locales/en/messages.json`, and each message's
 * `$NAME$` placeholders are declared. A missing key would show as the bare key in the UI (see `t()`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../../src/shared/kb-types';

type Message = { message: string; placeholders?: Record<string, { content: string }> };
const root = join(import.meta.dirname, '../../..');
const messages = JSON.parse(
  readFileSync(join(root, 'extension/_locales/en/messages.json'), 'utf8'),
) as Record<string, Message>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('_locales/en/messages.json', () => {
  it('has every key passed to t() or tCount() as a literal', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_@]+)'/g)) used.add(m[1]!);
      // A count message's other form is the one every language has (locale-plurals.test.ts checks the rest).
      for (const m of text.matchAll(/\btCount\(\s*'([A-Za-z0-9_]+)'/g)) used.add(`${m[1]!}_other`);
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((key) => !key.startsWith('@@') && !(key in messages))).toEqual([]);
  });

  it('has a label for every entity type and highlight style', () => {
    const keys = [
      ...ENTITY_TYPES.map((type) => `entityType_${type.replaceAll('-', '_')}`),
      ...['background', 'underline', 'both'].map((style) => `highlightStyle_${style}`),
    ];
    expect(keys.filter((key) => !(key in messages))).toEqual([]);
  });

  it('uses only allowed key characters and declares every placeholder it uses', () => {
    for (const [key, entry] of Object.entries(messages)) {
      expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(entry.message.length).toBeGreaterThan(0);
      const used = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());
      expect(
        used.filter((name) => !(name in (entry.placeholders ?? {}))),
        key,
      ).toEqual([]);
    }
  });
});
