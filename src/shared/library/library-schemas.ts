/**
 * Runtime shapes of what the reader's knowledge base receives: a page read as a source, and an entity as
 * the reader wrote it. Bounds match the glossary's limits (glossary-csv.ts) and the source cap
 * (source-types.ts), so nothing the UI can produce is refused here, and nothing absurd gets through.
 */
import * as v from 'valibot';
import {
  MAX_ALIASES_PER_ENTITY,
  MAX_CUES_PER_ENTITY,
  MAX_DESCRIPTION_LENGTH,
  MAX_NAME_LENGTH,
} from '../kb/glossary-csv';
import { ENTITY_TYPES } from '../kb-types';
import { DEFAULT_MAX_SOURCE_CHARS } from '../sources/source-types';

/** Most blocks a source may have (a 200,000-character article has a few thousand paragraphs at most). */
export const MAX_SOURCE_BLOCKS = 20_000;
/** Longest title, author or site name kept. */
export const MAX_SOURCE_LABEL = 500;
/** Most related entities and links per entity. */
export const MAX_RELATED = 100;
export const MAX_LINKS = 20;

const label = v.pipe(v.string(), v.maxLength(MAX_SOURCE_LABEL));
const httpUrl = v.pipe(
  v.string(),
  v.maxLength(8192),
  v.check((s) => /^https?:\/\//i.test(s), 'an http or https address'),
);

/** A page read by the content script (content/sources/extract-article.ts). */
export function extractedSourceSchema(languageTag: (s: string) => string | undefined) {
  const block = v.strictObject({
    kind: v.picklist(['heading', 'paragraph']),
    text: v.pipe(v.string(), v.minLength(1), v.maxLength(DEFAULT_MAX_SOURCE_CHARS)),
  });
  return v.pipe(
    v.strictObject({
      url: v.pipe(v.string(), v.minLength(1), v.maxLength(8192)),
      canonical: v.optional(httpUrl),
      title: label,
      author: v.optional(label),
      siteName: v.optional(label),
      publishedAt: v.optional(v.pipe(v.string(), v.isoTimestamp())),
      lang: v.optional(
        v.pipe(
          v.string(),
          v.check((s) => languageTag(s) === s, 'a language tag such as "en" or "ja-JP"'),
        ),
      ),
      blocks: v.pipe(v.array(block), v.minLength(1), v.maxLength(MAX_SOURCE_BLOCKS)),
      textLength: v.pipe(v.number(), v.integer(), v.minValue(0)),
      isTruncated: v.boolean(),
    }),
    v.check(
      (s) => s.blocks.reduce((n, b) => n + b.text.length, 0) <= DEFAULT_MAX_SOURCE_CHARS,
      `a source keeps at most ${DEFAULT_MAX_SOURCE_CHARS} characters of text`,
    ),
  );
}

const phrase = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_NAME_LENGTH));
const phrases = v.optional(v.pipe(v.array(phrase), v.maxLength(MAX_CUES_PER_ENTITY)));
const pattern = v.optional(
  v.pipe(
    v.string(),
    // Built-in rules reach 600 characters; a reader's edit of one keeps them (never run on anything but text).
    v.maxLength(2_000),
    v.check((s) => {
      try {
        new RegExp(s, 'u');
        return true;
      } catch {
        return false;
      }
    }, 'a valid regular expression'),
  ),
);

/** An alias rule as the reader (or a glossary) gives it. */
export const aliasRuleSchema = v.strictObject({
  text: phrase,
  caseSensitive: v.optional(v.boolean()),
  cues: phrases,
  vetoCues: phrases,
  shoutingNeedsCue: v.optional(v.boolean()),
  rejectBefore: pattern,
  rejectAfter: pattern,
});

/** An entity as the reader writes it. The alias policy (alias-policy.ts) is applied by the background. */
export function entityInputSchema() {
  return v.strictObject({
    name: phrase,
    type: v.picklist(ENTITY_TYPES),
    description: v.pipe(v.string(), v.maxLength(MAX_DESCRIPTION_LENGTH)),
    aliases: v.pipe(v.array(aliasRuleSchema), v.minLength(1), v.maxLength(MAX_ALIASES_PER_ENTITY)),
    related: v.pipe(
      v.array(v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/))),
      v.maxLength(MAX_RELATED),
    ),
    links: v.pipe(
      v.array(
        v.strictObject({
          label: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
          url: httpUrl,
        }),
      ),
      v.maxLength(MAX_LINKS),
    ),
  });
}
