/**
 * The passage a target's selectors describe. Gloss anchors by quote (TextQuoteSelector) and uses the
 * position (TextPositionSelector) only as a hint next to it, because positions alone break as soon as the
 * page changes; other selectors (CSS, XPath, ranges, fragments) are ignored, but those refined by a quote
 * (`refinedBy`, as in the model's FragmentSelector example) still give their quote. Selectors are walked
 * with a work list, not recursion, and every quote or position selector is type-checked, the ignored
 * ones too, so a malformed one anywhere stops the import.
 */
import { NOTE_LIMITS, type NoteAnchor } from '../note-types';
import { keepEnd, keepStart } from './clip';
import { annotationError } from './import-error';
import { check, isObject, PositionSelector, QuoteSelector, SelectorHead } from './import-schemas';
import { localNames } from './vocabulary';

/** The first quote and position found, either of which may be missing. */
export interface Passage {
  quote?: NoteAnchor['quote'];
  position?: NonNullable<NoteAnchor['position']>;
}

/** Reads `selector` (an object, a list, or an IRI string) found at `where` in annotation `index`. */
export function readSelectors(selector: unknown, index: number, where: string): Passage {
  const passage: Passage = {};
  const work: Array<[unknown, string]> = Array.isArray(selector)
    ? selector.map((item, i): [unknown, string] => [item, `${where}[${i}]`])
    : [[selector, where]];
  // A growing list read by index: refinements are appended and read in turn.
  for (let next = 0; next < work.length; next++) {
    const [item, path] = work[next]!;
    if (typeof item === 'string' || item === null || item === undefined) continue; // a selector by reference
    if (!isObject(item)) throw annotationError(index, `is malformed: "${path}" must be an object`);
    const head = check(SelectorHead, item, index, path);
    const names = localNames(head.type);
    if (names.includes('TextQuoteSelector')) {
      const quote = readQuote(item, index, path);
      if (quote && !passage.quote) passage.quote = quote;
    }
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
