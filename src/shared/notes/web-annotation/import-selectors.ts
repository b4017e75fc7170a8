/**
 * What a target's selectors say, sorted by the one rule import applies (docs/notes.md, "How import reads
 * other tools' annotations"):
 *
 * - a TextQuoteSelector (anywhere, refinements included) gives the passage; a TextPositionSelector beside
 *   it is kept as a hint, because positions alone break as soon as the page changes;
 * - a region Gloss cannot draw: an image region or a stretch of video or sound (a media FragmentSelector
 *   such as `xywh=` or `t=`), an SvgSelector, a DataPositionSelector (a range of bytes);
 * - a passage located without its text: CssSelector, XPathSelector, RangeSelector, a TextPositionSelector
 *   alone, any other FragmentSelector (an HTML id, an XPointer, a PDF page), a selector given by its address.
 *
 * The caller makes a passage note of the first, and a page note of the others (saying what was not kept).
 * Selectors are walked with a work list, not recursion, and every quote or position selector is
 * type-checked, so a malformed one anywhere stops the import.
 */
import { NOTE_LIMITS, type NoteAnchor } from '../note-types';
import { keepEnd, keepStart } from './clip';
import { annotationError } from './import-error';
import { check, isObject, PositionSelector, QuoteSelector, SelectorHead } from './import-schemas';
import { localNames } from './vocabulary';

/** What the selectors of one target say. */
export interface Passage {
  /** The first quote found. */
  quote?: NoteAnchor['quote'];
  /** The first usable position found. */
  position?: NonNullable<NoteAnchor['position']>;
  /** The first region Gloss cannot draw, as a phrase for the reader ("an image region (xywh=…)"). */
  region?: string;
  /** The selectors that locate a passage without its text, by name ("CssSelector", "FragmentSelector (para5)"). */
  locators: string[];
}

/** A selector's value shortened for a message; selectors can be long (an SVG document, an XPath). */
export const shown = (text: string, max = 60): string =>
  text.length > max ? `${keepStart(text, max - 1)}…` : text;

/** A media fragment (W3C Media Fragments URI 1.0) as a region phrase, or undefined for other fragments. */
export function mediaFragmentRegion(fragment: string): string | undefined {
  const value = fragment.trim();
  if (/^xywh=/i.test(value)) return `an image region (${shown(value)})`;
  if (/^t=/i.test(value)) return `a stretch of video or sound (${shown(value)})`;
  if (/^track=/i.test(value)) return `a track of a video or sound (${shown(value)})`;
  return undefined;
}

const MEDIA_FRAGMENT_SPEC = /\/media-frags\/?$/i;

/** What one FragmentSelector is: a region (media fragment) or a locator (anything else). */
function fragmentSelector(item: Record<string, unknown>, passage: Passage): void {
  const value = Object.hasOwn(item, 'value') && typeof item.value === 'string' ? item.value : '';
  const conformsTo =
    Object.hasOwn(item, 'conformsTo') && typeof item.conformsTo === 'string' ? item.conformsTo : '';
  const region = mediaFragmentRegion(value);
  if (region) passage.region ??= region;
  else if (MEDIA_FRAGMENT_SPEC.test(conformsTo))
    passage.region ??= `a region of an image, video or sound (${shown(value)})`;
  else passage.locators.push(value ? `FragmentSelector (${shown(value)})` : 'FragmentSelector');
}

/** Sorts one selector that is not a quote into `passage`. */
function otherSelector(names: string[], item: Record<string, unknown>, passage: Passage): void {
  if (names.includes('TextPositionSelector')) passage.locators.push('TextPositionSelector');
  else if (names.includes('SvgSelector')) passage.region ??= 'an SVG region (SvgSelector)';
  else if (names.includes('DataPositionSelector'))
    passage.region ??= 'a range of bytes (DataPositionSelector)';
  else if (names.includes('FragmentSelector')) fragmentSelector(item, passage);
  else if (names.length > 0) passage.locators.push(shown(names[0]!, 40));
  else passage.locators.push('a selector without a type');
}

/** Reads `selector` (an object, a list, or an IRI string) found at `where` in annotation `index`. */
export function readSelectors(selector: unknown, index: number, where: string): Passage {
  const passage: Passage = { locators: [] };
  const work: Array<[unknown, string]> = Array.isArray(selector)
    ? selector.map((item, i): [unknown, string] => [item, `${where}[${i}]`])
    : [[selector, where]];
  // A growing list read by index: refinements are appended and read in turn.
  for (let next = 0; next < work.length; next++) {
    const [item, path] = work[next]!;
    if (item === null || item === undefined) continue;
    if (typeof item === 'string') {
      // A selector given by reference: Gloss does not fetch it.
      passage.locators.push(`external selector ${shown(item)}`);
      continue;
    }
    if (!isObject(item)) throw annotationError(index, `is malformed: "${path}" must be an object`);
    const head = check(SelectorHead, item, index, path);
    const names = localNames(head.type);
    if (names.includes('TextQuoteSelector')) {
      const quote = readQuote(item, index, path);
      if (quote && !passage.quote) passage.quote = quote;
    } else otherSelector(names, item, passage);
    if (names.includes('TextPositionSelector')) {
      const { start, end } = check(PositionSelector, item, index, path);
      // An empty or inverted range cannot be a passage; the quote alone still anchors.
      if (end > start && !passage.position) passage.position = { start, end };
    }
    const refined = head.refinedBy;
    if (Array.isArray(refined))
      for (const [i, r] of refined.entries()) work.push([r, `${path}.refinedBy[${i}]`]);
    else if (refined !== null && refined !== undefined) work.push([refined, `${path}.refinedBy`]);
  }
  return passage;
}

function readQuote(item: unknown, index: number, path: string): NoteAnchor['quote'] | undefined {
  const { exact, prefix, suffix } = check(QuoteSelector, item, index, path);
  if (exact.length > NOTE_LIMITS.quote)
    throw annotationError(
      index,
      `quotes a passage of ${exact.length.toLocaleString('en')} characters; Gloss keeps quotes of up to ${NOTE_LIMITS.quote.toLocaleString('en')}`,
    );
  if (exact === '') return undefined;
  // Context nearest the quote is what re-anchoring scores; farther text adds nothing.
  return {
    exact,
    prefix: keepEnd(prefix ?? '', NOTE_LIMITS.context),
    suffix: keepStart(suffix ?? '', NOTE_LIMITS.context),
  };
}
