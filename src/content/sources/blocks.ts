/**
 * Text blocks out of an article's DOM (Readability's result) or out of selected text: headings and
 * paragraphs as plain text, in reading order, and the cap on how much of it a source keeps.
 */
import type { SourceBlock } from '../../shared/sources/source-types';
import { cleanText } from './page-metadata';

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/**
 * Elements that end one paragraph and start another. Anything else (a, em, span, code…) is inline and its
 * text joins the paragraph around it, so a link in a sentence does not split the sentence.
 */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'caption',
]);
/**
 * Never text of the article: navigation Readability sometimes keeps (breadcrumbs), controls, and anything
 * that is code or media rather than words.
 */
const SKIPPED = new Set([
  'nav',
  'button',
  'form',
  'input',
  'select',
  'textarea',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'picture',
  'img',
]);
/** Between the cells of a table row, which is kept as one paragraph so a row reads as a line. */
const CELL_GAP = ' | ';

/** The headings and paragraphs under `root`, text only. */
export function blocksOf(root: Node): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let run = '';
  const flush = (kind: SourceBlock['kind']): void => {
    const text = cleanText(run);
    run = '';
    if (text) blocks.push({ kind, text });
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3 /* text */) {
      run += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1 /* element */) return;
    const name = (node as Element).localName;
    if (SKIPPED.has(name)) return;
    if (name === 'br') {
      run += ' ';
    } else if (HEADINGS.has(name)) {
      flush('paragraph');
      for (const child of node.childNodes) walk(child);
      flush('heading');
    } else if (name === 'td' || name === 'th') {
      if (cleanText(run)) run += CELL_GAP;
      for (const child of node.childNodes) walk(child);
    } else if (BLOCKS.has(name)) {
      flush('paragraph');
      for (const child of node.childNodes) walk(child);
      flush('paragraph');
    } else {
      for (const child of node.childNodes) walk(child);
    }
  };
  walk(root);
  flush('paragraph');
  return blocks;
}

/** Selected text as paragraphs: browsers put line breaks between the blocks a selection crosses. */
export function blocksOfText(text: string): SourceBlock[] {
  return text
    .split(/[\r\n\u2028\u2029]+/)
    .map(cleanText)
    .filter((line): line is string => line !== undefined)
    .map((line) => ({ kind: 'paragraph', text: line }));
}

export const textLengthOf = (blocks: SourceBlock[]): number =>
  blocks.reduce((sum, block) => sum + block.text.length, 0);

/**
 * The blocks that fit in `maxChars`, cut between blocks. A first block longer than the whole cap is cut
 * inside, at a space when there is one, so a page that is one huge paragraph still gives a source.
 */
export function capBlocks(
  blocks: SourceBlock[],
  maxChars: number,
): { blocks: SourceBlock[]; isTruncated: boolean } {
  const kept: SourceBlock[] = [];
  let length = 0;
  for (const block of blocks) {
    if (length + block.text.length <= maxChars) {
      kept.push(block);
      length += block.text.length;
      continue;
    }
    if (kept.length === 0) kept.push({ kind: block.kind, text: cutText(block.text, maxChars) });
    return { blocks: kept, isTruncated: true };
  }
  return { blocks: kept, isTruncated: false };
}

/** `text` cut to at most `max` characters, at the last space if there is one, never inside a surrogate pair. */
function cutText(text: string, max: number): string {
  let cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  if (space > max / 2) cut = cut.slice(0, space);
  else if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trimEnd();
}
