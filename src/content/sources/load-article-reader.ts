/**
 * Loads the article reader chunk (article-reader.ts) the first time a page is kept as a source. A content
 * script may `import()` a module from its own extension when the file is web-accessible; both Chromium and
 * Firefox load it in the content script's isolated world, so the page neither sees nor runs it.
 */
import { browser } from '../../platform/browser';

/** What the chunk exports. */
export type ArticleReader = typeof import('./article-reader');

/** The chunk's file in the built extension. */
export const ARTICLE_READER_FILE = 'article-reader.js';

let loading: Promise<ArticleReader> | undefined;

/** The article reader, imported once per document; a failed import is tried again next time. */
export function loadArticleReader(): Promise<ArticleReader> {
  loading ??= (
    import(/* @vite-ignore */ browser.runtime.getURL(ARTICLE_READER_FILE)) as Promise<ArticleReader>
  ).catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}
