/**
 * Which parts of a page are not prose and are never scanned. Code is skipped deliberately: identifiers such
 * as LINE_MAX or a `NEC` constant in a code sample are not mentions a reader wants explained.
 */

/** Elements whose whole subtree is skipped, by local name. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'iframe',
  'object',
  'embed',
  'canvas',
  'svg',
  'math',
  'head',
  'title',
  'pre',
  'code',
  'kbd',
  'samp',
]);

/** Whether `el` (and everything inside it) is left alone. `own` is Gloss's own UI host. */
export function isSkipped(el: Element, own: Element | null): boolean {
  if (SKIPPED.has(el.localName) || el === own) return true;
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/**
 * Elements that flow inside a line of text. A name split across them (`<b>Kishida</b> <b>Fumio</b>`) is one
 * mention; any other element starts a new text block. Decided by tag rather than computed style, because
 * reading styles for every element of a large page costs more than the whole scan.
 */
export const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
  'nobr',
  'tt',
  'big',
]);
