/**
 * "Add this page as a source" (issue 13), done locally: the page's article (Mozilla's Readability, the
 * reader view's own extractor) or the reader's selection, as plain-text blocks with the page's metadata.
 * Readability rewrites the document it is given, so it always works on a clone: the page the reader is
 * looking at is never touched, and nothing of the page runs (a cloned document has no window to run in,
 * and the article comes back as nodes, never as HTML to parse again).
 */
import { Readability } from '@mozilla/readability';
import { languageTag } from '../../shared/notes/language-tag';
import {
  DEFAULT_MAX_SOURCE_CHARS,
  type ExtractedSource,
  type ExtractOutcome,
  type SourceBlock,
} from '../../shared/sources/source-types';
import { blocksOf, blocksOfText, capBlocks, textLengthOf } from './blocks';
import { cleanText, isoDate, type PageMetadata, readPageMetadata } from './page-metadata';

/*
 * isProbablyReaderable is not used: on the saved real pages it turned down only pages that the length check
 * below turns down as well, so it would cost a second walk of the page without changing an answer.
 */

/** Less text than this is a teaser, a listing or an app screen, not an article worth keeping as a source. */
export const MIN_ARTICLE_CHARS = 500;
/**
 * Pages with more elements than this are not read: cloning and scoring them would freeze the tab, and real
 * articles, furniture and all, stay far below it.
 */
export const MAX_PAGE_ELEMENTS = 100_000;

export const NO_ARTICLE = 'Gloss found no article on this page.';
export const TOO_LARGE = 'This page is too large for Gloss to read as an article.';
export const UNREADABLE = 'Gloss could not read this page.';
export const NO_SELECTION = 'There is no selected text to save as a source.';

export interface ExtractOptions {
  /** The most characters of text kept; defaults to DEFAULT_MAX_SOURCE_CHARS. */
  maxChars?: number;
}

type Parsed = NonNullable<ReturnType<Readability<Element>['parse']>>;

/** The page's article as a source, or why there is none. Never throws and never changes `doc`. */
export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractOutcome {
  try {
    if (doc.getElementsByTagName('*').length > MAX_PAGE_ELEMENTS)
      return { kind: 'no-article', reason: TOO_LARGE };
    const meta = readPageMetadata(doc);
    const parsed = parseClone(doc);
    if (!parsed?.content) return { kind: 'no-article', reason: NO_ARTICLE };
    const blocks = blocksOf(parsed.content);
    if (articleWeight(blocks) < MIN_ARTICLE_CHARS) return { kind: 'no-article', reason: NO_ARTICLE };
    const publishedAt =
      meta.publishedAt ??
      isoDate(parsed.publishedTime) ??
      isoDate(parsed.content.querySelector('time[datetime]')?.getAttribute('datetime'));
    return {
      kind: 'article',
      source: sourceFrom(
        {
          ...meta,
          title: cleanText(parsed.title) ?? meta.title,
          author: byline(parsed.byline) ?? meta.author,
          siteName: cleanText(parsed.siteName) ?? meta.siteName,
          publishedAt,
          lang: meta.lang ?? languageTag(parsed.lang),
        },
        blocks,
        options,
      ),
    };
  } catch {
    // A hostile or broken page (a getter that throws, a DOM Readability cannot walk) is a page without an
    // article for the reader, not an error in Gloss.
    return { kind: 'no-article', reason: UNREADABLE };
  }
}

/** The reader's selection as a source, with the page's metadata. Never throws and never changes `doc`. */
export function selectionAsSource(
  doc: Document,
  selection: Selection | null,
  options: ExtractOptions = {},
): ExtractOutcome {
  try {
    const blocks = blocksOfText(selection?.toString() ?? '');
    if (blocks.length === 0) return { kind: 'no-article', reason: NO_SELECTION };
    return { kind: 'article', source: sourceFrom(readPageMetadata(doc), blocks, options) };
  } catch {
    return { kind: 'no-article', reason: UNREADABLE };
  }
}

/** Readability's result on a clone of `doc`, or null when it finds nothing. */
function parseClone(doc: Document): Parsed | null {
  const clone = doc.cloneNode(true) as Document;
  dropNonText(clone);
  const reader = new Readability<Element>(clone, {
    maxElemsToParse: MAX_PAGE_ELEMENTS,
    // The article's own nodes rather than HTML: no second parse, so nothing in the text can become markup.
    serializer: (node) => node as Element,
  });
  return reader.parse();
}

/**
 * Text for screen readers only ("Reuters: report, opens new tab") by the usual class names and inline
 * clipping styles: a quote from the source should read as the page reads to the eye.
 */
const SCREEN_READER_ONLY =
  '.sr-only, .visually-hidden, .visuallyhidden, .screen-reader-text, .screenreader-only, .a11y-hidden, [style*="clip: rect(0"], [style*="clip:rect(0"], [style*="clip-path: inset(50%)"], [style*="clip-path:inset(50%)"]';

/**
 * Takes out of the clone what is never article text and would mislead Readability: icons (an `<svg>` inside a
 * link made Readability end the paragraph at the link, splitting "The report by…" into three blocks) and
 * screen-reader-only text.
 */
function dropNonText(clone: Document): void {
  for (const el of clone.querySelectorAll(`svg, ${SCREEN_READER_ONLY}`)) el.remove();
}

/** Chinese characters, kana and hangul: one says about as much as three Latin letters. */
const DENSE_SCRIPT = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/gu;

/**
 * How much an article says, in Latin-letter equivalents: a Japanese lead paragraph of 200 characters is an
 * article, where 200 English letters are a caption.
 */
function articleWeight(blocks: readonly { text: string }[]): number {
  return blocks.reduce((sum, b) => sum + b.text.length + 2 * (b.text.match(DENSE_SCRIPT)?.length ?? 0), 0);
}

/** A byline as a name: "By A. N. Example" is written by "A. N. Example". */
const byline = (value: string | null | undefined): string | undefined =>
  cleanText(cleanText(value)?.replace(/^by\s+/i, ''));

/** The title without a trailing " | Site name" that Readability leaves on some pages (full-width bars). */
function titleWithoutSite(title: string, siteName: string | undefined): string {
  if (!siteName || !title.endsWith(siteName)) return title;
  const rest = title.slice(0, -siteName.length);
  const stripped = rest.replace(/\s*[|｜\-–—:·•/»]\s*$/u, '').trim();
  return stripped && stripped !== rest.trim() ? stripped : title;
}

function sourceFrom(meta: PageMetadata, allBlocks: SourceBlock[], options: ExtractOptions): ExtractedSource {
  const maxChars = Math.max(1, Math.floor(options.maxChars ?? DEFAULT_MAX_SOURCE_CHARS));
  const { blocks, isTruncated } = capBlocks(allBlocks, maxChars);
  const title = titleWithoutSite(meta.title ?? '', meta.siteName) || meta.canonical || meta.url;
  return {
    url: meta.url,
    canonical: meta.canonical,
    title,
    author: meta.author,
    siteName: meta.siteName,
    publishedAt: meta.publishedAt,
    lang: meta.lang,
    blocks,
    textLength: textLengthOf(blocks),
    isTruncated,
  };
}
