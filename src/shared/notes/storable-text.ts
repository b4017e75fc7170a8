/**
 * Text every store of a note accepts. PostgreSQL's text and jsonb types (and so the sync wire, which
 * refuses what the server could not store) reject U+0000 and unpaired UTF-16 surrogates, and page text in
 * the DOM, pasted text and imported files can all contain them. The extension replaces them with U+FFFD
 * when a note is written, edited or imported (background/db/notes-repo.ts), so that every stored note can
 * sync; the wire schema checks the same rule.
 */
import type { NoteAnchor } from './note-types';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const EVERY_LONE_SURROGATE = new RegExp(LONE_SURROGATE.source, 'g');
const REPLACEMENT = '\uFFFD';

/** Whether `text` can be stored and synced as it is. */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/** `text` with U+0000 and every unpaired surrogate replaced by U+FFFD (same length, so offsets hold). */
export function storableText(text: string): string {
  if (isStorableText(text)) return text;
  return text.replaceAll('\u0000', REPLACEMENT).replace(EVERY_LONE_SURROGATE, REPLACEMENT);
}

/** The note's text fields, each made storable; other fields as they were. */
export function storableFields<
  T extends {
    url?: string;
    pageKey?: string;
    title?: string;
    body?: string;
    tags?: string[];
    anchor?: NoteAnchor | null;
  },
>(note: T): T {
  const out = { ...note };
  for (const key of ['url', 'pageKey', 'title', 'body'] as const) {
    const value = out[key];
    if (typeof value === 'string') (out as Record<string, unknown>)[key] = storableText(value);
  }
  if (Array.isArray(out.tags)) out.tags = out.tags.map(storableText);
  if (out.anchor) {
    const { quote } = out.anchor;
    out.anchor = {
      ...out.anchor,
      quote: {
        exact: storableText(quote.exact),
        prefix: storableText(quote.prefix),
        suffix: storableText(quote.suffix),
      },
    };
  }
  return out;
}
