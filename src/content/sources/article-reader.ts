/**
 * The article reader as its own ES module chunk (`article-reader.js`, built by scripts/build.ts and listed
 * in the manifest's `web_accessible_resources`): Readability is about 35 KB minified, and only a reader who
 * keeps a page as a source needs it, so it stays out of the content script every page loads
 * (load-article-reader.ts imports it on first use).
 */
export { extractArticle, selectionAsSource } from './extract-article';
