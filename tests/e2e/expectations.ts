/**
 * What a careful reader would mark on the fixture pages (tests/fixtures/pages), written down by hand from
 * the pages' visible text. The specs compare Gloss's highlights with these; when the two disagree, the
 * expectation stays and the test fails.
 */
import type { HighlightTexts } from './harness/page-scripts';

/**
 * article.html: each highlight name with the text of every mention, in document order. The traps on the page
 * (form fields, script, noscript, template, code/pre/kbd/samp, display:none, visibility:hidden, [hidden],
 * contenteditable, a title attribute, an SVG, a button, "READ ONLINE", "THE BOTTOM LINE", "LINE_MAX",
 * "cicadas", an insect "Cicada" with no cyber context, "Quad bikes" / "quad bikes") add nothing.
 */
export const ARTICLE_HIGHLIGHTS: HighlightTexts = {
  'gloss-huawei': ['Huawei', 'Huawei'], // the "Related" link, then the first paragraph
  'gloss-kishida': ['Kishida Fumio'], // split across two <strong> elements
  'gloss-zte': ['ZTE'],
  'gloss-nec': ['NEC'], // "the Japanese electronics group"
  'gloss-symantec': ['Symantec'],
  'gloss-cicada': ['Cicada', 'APT10'], // "the espionage group it calls Cicada, better known as APT10"
  'gloss-national-police-agency': ['National Police Agency'], // "Japan's National Police Agency"
  'gloss-line': ['LINE'], // "friends on LINE, the messaging app"
  'gloss-quad': ['Quad'], // "The Quad, which joins Japan with Australia, India and the United States"
  'gloss-beca': ['Basic Exchange and Cooperation Agreement', 'BECA'],
};

/** csp.html: the same kind of article, served with a strict CSP. */
export const CSP_HIGHLIGHTS: HighlightTexts = {
  'gloss-huawei': ['Huawei'],
  'gloss-zte': ['ZTE'],
  'gloss-cicada': ['Cicada'],
  'gloss-symantec': ['Symantec'],
  'gloss-quad': ['Quad'],
};

/** Sorted copy of every list, to compare highlights without depending on registration order. */
export function sortedTexts(h: HighlightTexts): HighlightTexts {
  return Object.fromEntries(
    Object.entries(h)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, [...v].sort()]),
  );
}

/** Strings that occur on article.html only inside places Gloss must not read. */
export const ARTICLE_TRAP_SELECTORS = [
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'script',
  'noscript',
  'template',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  '.hidden-note',
  '[hidden]',
  '.invisible',
  '[contenteditable]',
];
