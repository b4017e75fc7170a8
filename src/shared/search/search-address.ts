/**
 * The dashboard's search in its address: `dashboard.html?search=<words>` opens the dashboard with those
 * words searched (the popup's "more in the dashboard" link and the address bar's `gl` keyword use it).
 * `q` is not used: it already holds the Notes tab's filter, which a bookmark or reload keeps.
 */

/** The query parameter of the search across notes, sources and entities. */
export const SEARCH_PARAM = 'search';

/** The words in a query string's `search` parameter ('' when none). */
export function readSearchParam(query: string): string {
  return new URLSearchParams(query).get(SEARCH_PARAM) ?? '';
}

/** `query` ('' or '?…') with the search words set, or removed when blank; '' when nothing is left. */
export function withSearchParam(query: string, words: string): string {
  const params = new URLSearchParams(query);
  if (words.trim()) params.set(SEARCH_PARAM, words);
  else params.delete(SEARCH_PARAM);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A link to the dashboard with `words` searched, relative to any extension page. */
export const dashboardSearchHref = (words: string): string => `dashboard.html${withSearchParam('', words)}`;
