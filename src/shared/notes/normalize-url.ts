/**
 * The address notes are filed under, so that they survive redirects, shared links and tracking
 * parameters (Memex's users lost notes keyed by exact URL): no fragment, no tracking parameters, lower-case
 * host without "www.", sorted query, no trailing slash on paths. A page's canonical link,
 * when it has one on the same site, is preferred by the caller before normalising.
 */

/** Query parameters that identify a campaign or a click, never the document. */
const TRACKING = [
  /^utm_/i,
  /^(fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|wt_mc|spm|cmpid|ncid|ocid|sr_share|smid|rss|ref_src|ref_url)$/i,
];

/** The normalised form of `raw`, or `raw` unchanged when it is not an http(s) URL. */
export function normalizeUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return raw;
  url.hash = '';
  url.hostname = url.hostname.toLowerCase().replace(/^www\./, '');
  const kept = [...url.searchParams].filter(([key]) => !TRACKING.some((re) => re.test(key)));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
  // http and https of the same page are the same document for a reader's notes.
  return `https://${url.host}${url.pathname}${url.search}`;
}

/**
 * The address to file a page's notes under: its canonical link when that points to the same site
 * (a canonical elsewhere is more often a syndication partner than the same text), else its own address.
 */
export function pageKey(location: string, canonical: string | null | undefined): string {
  if (canonical) {
    try {
      const c = new URL(canonical, location);
      if (new URL(location).hostname.replace(/^www\./, '') === c.hostname.replace(/^www\./, ''))
        return normalizeUrl(c.href);
    } catch {
      // An unparsable canonical link is ignored.
    }
  }
  return normalizeUrl(location);
}

/** The site a page key belongs to, for the dashboard's site filter: its host name without "www.". */
export function siteOf(pageKey: string): string {
  try {
    return new URL(pageKey).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Whether an address is a page a reader visits (http, https or a local file), not data:, about: or ours. */
export function isPageAddress(url: string): boolean {
  return /^(https?|file):/i.test(url);
}
