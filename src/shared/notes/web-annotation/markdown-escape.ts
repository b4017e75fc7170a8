/**
 * Keeping a reader's text from breaking the Markdown export around it. The rule is pragmatic, not a full
 * CommonMark escaper: notes may hold Markdown-ish writing (lists, emphasis), and escaping every `*` would
 * make the file unreadable as plain text. So:
 *
 * - In the reader's lines (bodies and quotes), only what could escape the note is neutralised, with a
 *   backslash at the start of the line: a heading (`#`), a block quote (`>`), a code fence (``` or ~~~,
 *   which would swallow the rest of the file), and a line of only `=`, `-`, `*` or `_` (a setext heading
 *   underline or a thematic break, which would turn a line into a heading or split the note). Every `<` is
 *   escaped, so no HTML (`<img onerror>`, `<script>`) and no autolink survives as markup.
 * - Titles, tags and entity names (inline text in links and headings) get every character that starts
 *   inline syntax escaped, and line breaks become spaces.
 * - Link destinations are percent-encoded where CommonMark would end them (spaces, parentheses, `<`, `>`),
 *   and only http(s) addresses become links at all.
 */

const FENCE = /^( {0,3})(`{3,}|~{3,})/;
const HEADING_OR_QUOTE = /^( {0,3})([#>])/;
const RULE_OR_UNDERLINE = /^( {0,3})([-=*_])((?: *\2)*) *$/;

/** One line of the reader's text, safe to place as a paragraph line (or after "> "). */
export function escapeBlockLine(line: string): string {
  const safe = line.replace(/</g, '\\<');
  if (FENCE.test(safe)) return safe.replace(FENCE, '$1\\$2');
  if (HEADING_OR_QUOTE.test(safe)) return safe.replace(HEADING_OR_QUOTE, '$1\\$2');
  if (RULE_OR_UNDERLINE.test(safe)) return safe.replace(/^( {0,3})/, '$1\\');
  return safe;
}

/** Text for a heading, link text or list of tags: one line, no inline syntax. */
export function escapeInline(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_[\]<>#|~]/g, '\\$&')
    .trim();
}

/** A link destination CommonMark will not cut short. */
export function linkDestination(url: string): string {
  return url.replace(/[\s()<>\\]/g, (c) => (c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c)));
}

/** `[text](url)` for web addresses; anything else (javascript:, a bare string) only as escaped text. */
export function markdownLink(text: string, url: string): string {
  const label = escapeInline(text || url);
  return /^https?:\/\//i.test(url) ? `[${label}](${linkDestination(url)})` : label;
}
