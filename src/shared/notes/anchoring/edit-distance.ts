/**
 * The edit distance behind context similarity (score.ts): Levenshtein distance between a stored context
 * and the best prefix of the page text beside the passage (both read outward from it, so the alignment is
 * anchored at the passage and free at the far end, where the stored context was cut off).
 *
 * The exact step scores every occurrence of a quote, up to a thousand on a long page, against the same
 * two stored contexts, so a context is prepared once (a Pattern) and compared bit-parallel when it has
 * up to 32 characters (Gloss stores 32): one pass over the page text with each column of the table held
 * in two bit vectors (Myers 1999, in Hyyrö's form for a distance anchored at the start, where the top row
 * grows by one per column). Longer contexts (imported ones may have up to NOTE_LIMITS.context characters)
 * take the table, one row at a time.
 */

/** Slots of a pattern's character table: a power of two, at least twice the 32 characters it holds. */
const SLOTS = 64;

/** A stored context, ready to be compared with page text many times. */
export class Pattern {
  /** Character codes in the table (-1: empty slot) and, for each, the bits of its places in the pattern. */
  readonly #codes = new Int32Array(SLOTS).fill(-1);
  readonly #masks = new Int32Array(SLOTS);

  constructor(
    readonly chars: ArrayLike<number>,
    readonly length: number,
  ) {
    if (length > 32) return;
    for (let i = 0; i < length; i += 1) {
      const slot = this.#slot(chars[i]!);
      this.#codes[slot] = chars[i]!;
      this.#masks[slot]! |= 1 << i;
    }
  }

  /** min over j of the distance between the pattern and b[0..j). */
  distance(b: ArrayLike<number>, n: number): number {
    return this.length <= 32 ? this.#bitParallel(b, n) : prefixDistanceByTable(this.chars, this.length, b, n);
  }

  #slot(code: number): number {
    let slot = Math.imul(code, 0x9e3779b1) >>> 26;
    while (this.#codes[slot] !== -1 && this.#codes[slot] !== code) slot = (slot + 1) & (SLOTS - 1);
    return slot;
  }

  #bitParallel(b: ArrayLike<number>, n: number): number {
    const m = this.length;
    if (m === 0) return 0;
    const all = m === 32 ? -1 : (1 << m) - 1;
    const last = 1 << (m - 1);
    // Vertical deltas of the current column (+1 / -1), bit i for row i + 1; column 0 is 0, 1, 2, … m.
    let plus = all;
    let minus = 0;
    let score = m;
    let best = m;
    for (let j = 0; j < n; j += 1) {
      const eq = this.#masks[this.#slot(b[j]!)]!;
      const xv = eq | minus;
      const xh = (((eq & plus) + plus) ^ plus) | eq;
      // Horizontal deltas of this column.
      let hPlus = minus | ~(xh | plus);
      let hMinus = plus & xh;
      if (hPlus & last) score += 1;
      else if (hMinus & last) score -= 1;
      if (score < best) best = score;
      // Row 0 is j: its horizontal delta is always +1.
      hPlus = (hPlus << 1) | 1;
      hMinus <<= 1;
      plus = (hMinus | ~(xv | hPlus)) & all;
      minus = hPlus & xv & all;
    }
    return best;
  }
}

/** min over j of distance(a[0..m), b[0..j)). */
export function prefixDistance(a: ArrayLike<number>, m: number, b: ArrayLike<number>, n: number): number {
  return new Pattern(a, m).distance(b, n);
}

let row = new Uint32Array(64);

/** The same distance from the table (any length). */
export function prefixDistanceByTable(
  a: ArrayLike<number>,
  m: number,
  b: ArrayLike<number>,
  n: number,
): number {
  if (row.length < n + 1) row = new Uint32Array(n + 1);
  for (let j = 0; j <= n; j += 1) row[j] = j;
  for (let i = 1; i <= m; i += 1) {
    let diagonal = row[0]!;
    row[0] = i;
    const c = a[i - 1]!;
    for (let j = 1; j <= n; j += 1) {
      const above = row[j]!;
      row[j] = Math.min(diagonal + (b[j - 1] === c ? 0 : 1), above + 1, row[j - 1]! + 1);
      diagonal = above;
    }
  }
  let best = row[0]!;
  for (let j = 1; j <= n; j += 1) if (row[j]! < best) best = row[j]!;
  return best;
}
