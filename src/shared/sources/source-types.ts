/**
 * A web page kept as a source of the reader's own (issue 13): what the content script reads off the page
 * locally, in a shape the background can store and the pages can show. Only text and metadata, never HTML,
 * so nothing from the page can run or load when a source is shown again.
 */

/** One block of the source's text, in reading order. */
export interface SourceBlock {
  kind: 'heading' | 'paragraph';
  /** Plain text, whitespace collapsed, never empty. */
  text: string;
}

export interface ExtractedSource {
  /** The address the page was read at. */
  url: string;
  /** The page's `<link rel=canonical>`, when it is an http(s) address. */
  canonical?: string;
  title: string;
  author?: string;
  siteName?: string;
  /** When the page says it was published, as an ISO 8601 string (UTC). */
  publishedAt?: string;
  /** A BCP 47 tag ("en-GB", "ja"). */
  lang?: string;
  blocks: SourceBlock[];
  /** Characters of text kept in `blocks`. */
  textLength: number;
  /** The page had more text than was kept; the cut falls between blocks. */
  isTruncated: boolean;
}

/** What reading a page gave: a source, or a reason in plain words for the reader. */
export type ExtractOutcome =
  | { kind: 'article'; source: ExtractedSource }
  | { kind: 'no-article'; reason: string };

/** The most text a source keeps unless asked otherwise (a long report, not a whole book). */
export const DEFAULT_MAX_SOURCE_CHARS = 200_000;
