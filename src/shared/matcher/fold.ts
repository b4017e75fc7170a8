/**
 * Character folding shared by aliases and page text, so that "Self Defense" matches "Self-Defense",
 * "Japan’s" matches "Japan's", "ＬＩＮＥ" matches "LINE" and a soft hyphen inside "Hua­wei" is invisible.
 *
 * Folding is one code unit in, at most one code unit out, so offsets map back to the original text with
 * a single index per folded character (see `automaton.ts`).
 */

/** Returned by `foldUnit` for characters that vanish (soft hyphen, zero-width joiners and spaces). */
export const SKIP = -1;
/** Folded form of every whitespace and hyphen variant; runs of them collapse to one. */
export const SPACE = 0x20;

/**
 * Folded form of each code unit, filled in on first sight: 0 means "not computed yet", otherwise the
 * folded unit plus 2 (so that `SKIP`, -1, fits). Filling lazily keeps start-up free of 65,536
 * `toLowerCase` calls in every frame, and turns folding into one typed-array read in the scan loop.
 */
const foldTable = new Int32Array(0x10000);

/** Lower-cases one code unit; a few (İ) lower-case to two units and keep their form so offsets stay 1:1. */
function lowerUnit(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return c;
  const l = String.fromCharCode(c).toLowerCase();
  return l.length === 1 ? l.charCodeAt(0) : c;
}

/** Whether a code unit is Unicode white space (ECMAScript's `\s` without U+FEFF, which folding skips). */
export function isWhitespace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Whether a code unit is whitespace or a hyphen/dash variant (folded to `SPACE`). */
export function isSpaceLike(c: number): boolean {
  return (
    isWhitespace(c) ||
    c === 0x2d || // hyphen-minus
    (c >= 0x2010 && c <= 0x2014) // hyphen, non-breaking hyphen, figure dash, en dash, em dash
  );
}

/** Folds one code unit without changing case; returns `SKIP` for invisible characters. */
export function foldUnitCased(c: number): number {
  if (c < 0x80) return c >= 0x09 && c <= 0x0d ? SPACE : c === 0x2d ? SPACE : c;
  if (c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) return SKIP;
  if (isSpaceLike(c)) return SPACE;
  if (c === 0x2018 || c === 0x2019 || c === 0x02bc || c === 0xff07) return 0x27; // apostrophes
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0; // full-width ASCII
  return c;
}

/** Folds one code unit and lower-cases it. */
export function foldUnit(c: number): number {
  const known = foldTable[c]!;
  if (known !== 0) return known - 2;
  const f = foldUnitCased(c);
  const folded = f === SKIP ? SKIP : f < 0x80 ? (f >= 0x41 && f <= 0x5a ? f + 0x20 : f) : lowerUnit(f);
  foldTable[c] = folded + 2;
  return folded;
}

/**
 * Folds a whole string the way the automaton sees text: invisible characters dropped, whitespace and
 * hyphen runs collapsed to one space, and (unless `keepCase`) lower-cased. Used for aliases and for the
 * case-sensitive comparison of a candidate match.
 */
export function foldString(s: string, keepCase = false): string {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const f = keepCase ? foldUnitCased(s.charCodeAt(i)) : foldUnit(s.charCodeAt(i));
    if (f === SKIP) continue;
    if (f === SPACE && (out.length === 0 || out[out.length - 1] === SPACE)) continue;
    out.push(f);
  }
  while (out.length > 0 && out[out.length - 1] === SPACE) out.pop();
  return String.fromCharCode(...out);
}
