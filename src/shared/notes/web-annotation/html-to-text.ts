/**
 * Plain text from an HTML annotation body (`format: "text/html"`), without a DOM: the import runs in the
 * background, where there is none, and Gloss shows note bodies only as text, so the goal is readable words,
 * not faithful rendering. Tags are dropped (script and style with their content), block elements become
 * line breaks, list items get "- ", and the common entities are decoded. The scan is a single pass with
 * indexOf, so a hostile body (thousands of unclosed tags) costs linear time; no regex backtracks over it.
 */

/** Elements whose content is code, not text. */
const RAW_TEXT = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math']);
/** Elements that start a new line. */
const BLOCK = new Set(
  (
    'address article aside blockquote dd details dialog div dl dt fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody tfoot thead tr ul'
  ).split(' '),
);
/** Elements that end a paragraph (a blank line after them). */
const PARAGRAPH = new Set('p h1 h2 h3 h4 h5 h6 blockquote pre table ul ol'.split(' '));

/** Named entities worth decoding; a Map, so "&constructor;" finds nothing on a prototype. */
const ENTITIES = new Map<string, string>([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', ' '],
  ['shy', ''],
  ['ndash', '–'],
  ['mdash', '—'],
  ['hellip', '…'],
  ['lsquo', '‘'],
  ['rsquo', '’'],
  ['ldquo', '“'],
  ['rdquo', '”'],
  ['laquo', '«'],
  ['raquo', '»'],
  ['bull', '•'],
  ['middot', '·'],
  ['copy', '©'],
  ['reg', '®'],
  ['trade', '™'],
  ['deg', '°'],
  ['times', '×'],
  ['divide', '÷'],
  ['euro', '€'],
  ['pound', '£'],
  ['yen', '¥'],
  ['cent', '¢'],
  ['sect', '§'],
  ['para', '¶'],
]);

/** Decodes character references; unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(
    /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g,
    (whole, ref: string) => {
      if (ref[0] !== '#') return ENTITIES.get(ref) ?? whole;
      const code =
        ref[1] === 'x' || ref[1] === 'X'
          ? Number.parseInt(ref.slice(2), 16)
          : Number.parseInt(ref.slice(1), 10);
      const isValid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return isValid ? String.fromCodePoint(code) : '\uFFFD';
    },
  );
}

/** Index just past the `>` closing the tag that opens at `start`, skipping quoted attribute values; -1 if none. */
function tagEnd(html: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < html.length; i++) {
    const c = html[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return -1;
}

/** The text of `html`, as lines separated by "\n" with at most one blank line between paragraphs. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > i) out.push(decodeEntities(html.slice(i, textEnd).replace(/[ \t\r\n\f]+/g, ' ')));
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    const name = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)/.exec(html.slice(lt, lt + 40));
    if (!name && !/^<[!?]/.test(html.slice(lt, lt + 2))) {
      out.push('<'); // a lone "<", as in "a < b", is text
      i = lt + 1;
      continue;
    }
    const end = tagEnd(html, lt);
    if (end === -1) break; // an unterminated tag swallows the rest, as in a browser
    i = end;
    if (!name) continue; // <!doctype>, <?xml?>
    const tag = name[2]!.toLowerCase();
    const isClosing = name[1] === '/';
    const isSelfClosing = html[end - 2] === '/';
    if (!isClosing && !isSelfClosing && RAW_TEXT.has(tag)) {
      // A global regex from `end`, not indexOf on a lower-cased copy: lower-casing can change lengths ("İ").
      const closing = new RegExp(`</${tag}`, 'gi');
      closing.lastIndex = end;
      const close = closing.exec(html)?.index ?? -1;
      const closeEnd = close === -1 ? -1 : tagEnd(html, close);
      i = closeEnd === -1 ? html.length : closeEnd;
    } else if (tag === 'br') out.push('\n');
    else if (tag === 'li') {
      if (!isClosing) out.push('\n- '); // the next item or block ends the line
    } else if (tag === 'td' || tag === 'th') out.push(' ');
    else if (BLOCK.has(tag)) out.push(isClosing && PARAGRAPH.has(tag) ? '\n\n' : '\n');
  }
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
