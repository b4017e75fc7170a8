/**
 * The matcher compiled once (in the background, per knowledge-base version) and shipped to pages in a
 * compact form that a page turns into a working `Matcher` without folding aliases or building the trie.
 *
 * The packed form is plain JSON data (strings, numbers, arrays, plain objects), since Chrome's extension
 * messaging is JSON. Integer tables are base64 VLQ strings: most values are small (child counts, indices
 * into the trie's code units, failure links to shallow states); one string costs JSON.parse next to
 * nothing, and decoding it straight from the string takes one pass (as fast, before the JIT warms up, as
 * JSON number arrays twice the size, and twice as fast as base64 bytes then varints).
 *
 * States are renumbered breadth-first, each state's children numbered consecutively, so the trie ships as
 * child counts and units only (the k-th child overall is state k + 1), and every failure link points to a
 * smaller number, which lets the page derive the dictionary-suffix links in one forward pass. Not shipped,
 * because the page rebuilds them in a few cheap passes: the root's row (from the root's children), the
 * lazy ASCII DFA (a row per state only once a scan reaches it: at 5,000 entities a full table would be
 * 114k states × 35 columns, 16 MB, of which a page visits a few hundred rows) and alias rules' compiled
 * patterns (made on an alias's first candidate, as in `compileMatcher`). Alias specs are made on first use
 * too.
 */
import type { AliasRule } from '../kb-types';
import type { AliasSpec } from '../protocol';
import { type AutomatonTables, automatonFromTables, buildAutomatonTables } from './automaton';
import { type AliasSource, aliasPatterns, type Matcher, matcherOver } from './matcher';

/** Version tag of the packed layout; `unpackMatcher` refuses any other. */
export const PACKED_MATCHER_FORMAT = 'gloss-matcher/1';

/** An alias's rule fields other than `text` and `caseSensitive: true` (rare: cues, rejects…). */
export type PackedRule = Omit<AliasRule, 'text'>;

/**
 * A compiled matcher as JSON-safe data. Integer lists are base64 VLQ strings (as in source maps, without
 * the sign): one character per 5 bits, 1 character for values below 32, 2 below 1,024, 3 below 32,768.
 */
export interface PackedMatcher {
  format: typeof PACKED_MATCHER_FORMAT;
  /** Trie states (root included), distinct folded patterns, aliases. */
  states: number;
  patterns: number;
  aliases: number;
  /** Per state, breadth-first: how many children it has. */
  childCounts: string;
  /** The distinct folded code units of the trie, most frequent first. */
  units: string;
  /** Per state but the root: the code unit that leads to it, as an index into `units`. */
  childUnits: string;
  /** Per state but the root: its failure link. */
  fail: string;
  /** Per pattern: the state that ends it. */
  patternStates: string;
  /** Per pattern: its folded length (the depth of its state). */
  patternLengths: string;
  /** Per alias: 0 when it brings a new pattern (the next number), else its pattern's index + 1. */
  aliasPatterns: string;
  /** Distinct entity ids, in order of first appearance. */
  entityIds: string[];
  /** Runs of consecutive aliases of one entity: (index into entityIds, run length) pairs. */
  entityRuns: string;
  /** Every alias's text as written, one after the other (one string parses faster than 20,000). */
  texts: string;
  /** Per alias: the length of its text. */
  textLengths: string;
  /** Gaps between the indices of the aliases with `caseSensitive: true` (the first one from -1). */
  caseSensitive: string;
  /** Aliases with other rule fields: [alias index, those fields]. */
  rules: [number, PackedRule][];
}

/** Compiles `aliases` as `compileMatcher` would and packs the result. Throws on an empty alias. */
export function packMatcher(aliases: readonly AliasSpec[]): PackedMatcher {
  const { patterns, patternOf } = aliasPatterns(aliases);
  const t = breadthFirst(buildAutomatonTables(patterns));
  const states = t.fail.length;

  const childCounts = new VlqWriter();
  for (let s = 0; s < states; s++) childCounts.push(t.childStart[s + 1]! - t.childStart[s]!);
  const frequency = new Map<number, number>();
  for (let k = 0; k < states - 1; k++)
    frequency.set(t.childUnit[k]!, (frequency.get(t.childUnit[k]!) ?? 0) + 1);
  const alphabet = [...frequency].sort((x, y) => y[1] - x[1] || x[0] - y[0]).map(([unit]) => unit);
  const unitIndex = new Map(alphabet.map((unit, i) => [unit, i]));
  const units = new VlqWriter();
  for (const unit of alphabet) units.push(unit);
  const childUnits = new VlqWriter();
  for (let k = 0; k < states - 1; k++) childUnits.push(unitIndex.get(t.childUnit[k]!)!);
  const fail = new VlqWriter();
  for (let s = 1; s < states; s++) fail.push(t.fail[s]!);
  const endOf = new Int32Array(patterns.length);
  for (let s = 0; s < states; s++) if (t.ownPattern[s]! >= 0) endOf[t.ownPattern[s]!] = s;
  const patternStates = new VlqWriter();
  for (const s of endOf) patternStates.push(s);
  const patternLengths = new VlqWriter();
  for (const length of t.lengths) patternLengths.push(length);
  const aliasPatternList = new VlqWriter();
  let nextPattern = 0;
  for (const p of patternOf) {
    if (p === nextPattern) {
      aliasPatternList.push(0);
      nextPattern++;
    } else aliasPatternList.push(p + 1);
  }

  const entityIds: string[] = [];
  const entityIndex = new Map<string, number>();
  const entityRuns = new VlqWriter();
  const texts: string[] = [];
  const textLengths = new VlqWriter();
  const caseSensitive = new VlqWriter();
  const rules: [number, PackedRule][] = [];
  let runEntity = -1;
  let runLength = 0;
  let lastCased = -1;
  aliases.forEach((spec, index) => {
    let e = entityIndex.get(spec.entityId);
    if (e === undefined) {
      e = entityIds.length;
      entityIndex.set(spec.entityId, e);
      entityIds.push(spec.entityId);
    }
    if (e !== runEntity) {
      if (runLength > 0) entityRuns.push(runEntity).push(runLength);
      runEntity = e;
      runLength = 0;
    }
    runLength++;
    texts.push(spec.text);
    textLengths.push(spec.text.length);
    const rest: Record<string, unknown> = {};
    let hasRest = false;
    for (const [key, value] of Object.entries(spec)) {
      if (key === 'entityId' || key === 'text' || value === undefined) continue;
      if (key === 'caseSensitive' && value === true) {
        caseSensitive.push(index - lastCased);
        lastCased = index;
        continue;
      }
      rest[key] = value;
      hasRest = true;
    }
    if (hasRest) rules.push([index, rest as PackedRule]);
  });
  if (runLength > 0) entityRuns.push(runEntity).push(runLength);

  return {
    format: PACKED_MATCHER_FORMAT,
    states,
    patterns: patterns.length,
    aliases: aliases.length,
    childCounts: childCounts.text(),
    units: units.text(),
    childUnits: childUnits.text(),
    fail: fail.text(),
    patternStates: patternStates.text(),
    patternLengths: patternLengths.text(),
    aliasPatterns: aliasPatternList.text(),
    entityIds,
    entityRuns: entityRuns.text(),
    texts: texts.join(''),
    textLengths: textLengths.text(),
    caseSensitive: caseSensitive.text(),
    rules,
  };
}

/**
 * A matcher from a packed one, finding exactly what `compileMatcher` finds on the same aliases. Throws if
 * `packed` is of another format or inconsistent. Alias specs are made when first needed: a page looks at
 * few of them.
 */
export function unpackMatcher(packed: PackedMatcher): Matcher {
  if (packed.format !== PACKED_MATCHER_FORMAT) {
    throw new Error(`unknown packed matcher format ${packed.format}`);
  }
  const { states, patterns, aliases: aliasCount } = packed;
  if (!(states >= 1 && patterns >= 0 && aliasCount >= patterns)) throw corrupt('counts');

  // The trie: children of a state are consecutive states, numbered in the order of their parents.
  const childStart = readVlq(packed.childCounts, new Int32Array(states + 1), 1, states, 'childCounts');
  for (let s = 0; s < states; s++) childStart[s + 1] = childStart[s]! + childStart[s + 1]!;
  if (childStart[states] !== states - 1) throw corrupt('childCounts');
  const alphabet = readVlq(packed.units, null, 0, -1, 'units');
  const unitOf = readVlq(packed.childUnits, new Int32Array(states), 0, states - 1, 'childUnits');
  const childUnit = new Uint16Array(states);
  const childNext = new Int32Array(states);
  for (let k = 0; k < states - 1; k++) {
    const unit = alphabet[unitOf[k]!];
    if (unit === undefined || unit > 0xffff) throw corrupt('childUnits');
    childUnit[k] = unit;
    childNext[k] = k + 1;
  }

  const fail = readVlq(packed.fail, new Int32Array(states), 1, states - 1, 'fail');
  const ownPattern = new Int32Array(states).fill(-1);
  const patternStates = readVlq(packed.patternStates, new Int32Array(patterns), 0, patterns, 'patternStates');
  for (let p = 0; p < patterns; p++) {
    const s = patternStates[p]!;
    if (s <= 0 || s >= states) throw corrupt('patternStates');
    ownPattern[s] = p;
  }
  const lengths = readVlq(packed.patternLengths, new Int32Array(patterns), 0, patterns, 'patternLengths');
  // A failure link leads to a shallower state, so to a smaller number: its dictionary link is known.
  const dictLink = new Int32Array(states);
  dictLink[0] = -1;
  for (let s = 1; s < states; s++) {
    const f = fail[s]!;
    if (f >= s) throw corrupt('fail');
    dictLink[s] = ownPattern[f]! >= 0 ? f : dictLink[f]!;
  }
  const tables: AutomatonTables = { childStart, childUnit, childNext, fail, dictLink, ownPattern, lengths };

  const patternOf = readVlq(packed.aliasPatterns, new Int32Array(aliasCount), 0, aliasCount, 'aliasPatterns');
  let nextPattern = 0;
  for (let i = 0; i < aliasCount; i++) {
    const code = patternOf[i]!;
    if (code === 0) patternOf[i] = nextPattern++;
    else if (code > nextPattern) throw corrupt('aliasPatterns');
    else patternOf[i] = code - 1;
  }
  if (nextPattern !== patterns) throw corrupt('aliasPatterns');

  return matcherOver(aliasSource(packed), patternOf, patterns, automatonFromTables(tables));
}

/** The alias specs, each made on demand as `{ text, caseSensitive?, ...rule fields, entityId }`. */
function aliasSource(packed: PackedMatcher): AliasSource {
  const { aliases: count, texts, entityIds } = packed;
  const textEnd = readVlq(packed.textLengths, new Int32Array(count + 1), 1, count, 'textLengths');
  for (let i = 0; i < count; i++) textEnd[i + 1] = textEnd[i]! + textEnd[i + 1]!;
  if (textEnd[count] !== texts.length) throw corrupt('texts');
  // Runs of one entity: aliases runStart[r] .. runStart[r + 1] - 1 belong to entityIds[runEntity[r]].
  const runs = readVlq(packed.entityRuns, null, 0, -1, 'entityRuns');
  const runCount = runs.length >> 1;
  const runStart = new Int32Array(runCount + 1);
  const runEntity = new Int32Array(runCount);
  for (let r = 0; r < runCount; r++) {
    runEntity[r] = runs[2 * r]!;
    runStart[r + 1] = runStart[r]! + runs[2 * r + 1]!;
    if (runEntity[r]! >= entityIds.length || runs[2 * r + 1]! === 0) throw corrupt('entityRuns');
  }
  if (runs.length % 2 !== 0 || runStart[runCount] !== count) throw corrupt('entityRuns');
  const cased = new Uint8Array(count);
  let at = -1;
  for (const gap of readVlq(packed.caseSensitive, null, 0, -1, 'caseSensitive')) {
    at += gap;
    if (gap === 0 || at >= count) throw corrupt('caseSensitive');
    cased[at] = 1;
  }
  const rules = new Map(packed.rules);
  const made: (AliasSpec | undefined)[] = [];
  let all: AliasSpec[] | undefined;

  const spec = (index: number): AliasSpec => {
    const known = made[index];
    if (known !== undefined) return known;
    let lo = 0;
    let hi = runCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runStart[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    const entityId = entityIds[runEntity[lo]!]!;
    const text = texts.slice(textEnd[index]!, textEnd[index + 1]!);
    const rule = rules.get(index);
    const out: AliasSpec =
      rule === undefined
        ? cased[index]
          ? { text, caseSensitive: true, entityId }
          : { text, entityId }
        : cased[index]
          ? { text, caseSensitive: true, ...rule, entityId }
          : { text, ...rule, entityId };
    made[index] = out;
    return out;
  };
  return {
    spec,
    all: () => {
      all ??= Array.from({ length: count }, (_, i) => spec(i));
      return all;
    },
  };
}

const corrupt = (what: string): Error => new Error(`corrupt packed matcher (${what})`);

/**
 * The tables renumbered breadth-first, a state's children numbered consecutively in their run's order:
 * then the k-th child entry is state k + 1 and every failure link points to a smaller number.
 */
function breadthFirst(t: AutomatonTables): AutomatonTables {
  const count = t.fail.length;
  const newOf = new Int32Array(count);
  const oldOf = new Int32Array(count);
  let next = 1;
  for (let i = 0; i < count; i++) {
    const old = oldOf[i]!;
    for (let k = t.childStart[old]!, end = t.childStart[old + 1]!; k < end; k++) {
      newOf[t.childNext[k]!] = next;
      oldOf[next++] = t.childNext[k]!;
    }
  }
  const childStart = new Int32Array(count + 1);
  const childUnit = new Uint16Array(count);
  const childNext = new Int32Array(count);
  const fail = new Int32Array(count);
  const dictLink = new Int32Array(count);
  const ownPattern = new Int32Array(count);
  let k = 0;
  for (let s = 0; s < count; s++) {
    const old = oldOf[s]!;
    childStart[s] = k;
    for (let j = t.childStart[old]!, end = t.childStart[old + 1]!; j < end; j++, k++) {
      childUnit[k] = t.childUnit[j]!;
      childNext[k] = newOf[t.childNext[j]!]!;
    }
    fail[s] = newOf[t.fail[old]!]!;
    dictLink[s] = t.dictLink[old]! < 0 ? -1 : newOf[t.dictLink[old]!]!;
    ownPattern[s] = t.ownPattern[old]!;
  }
  childStart[count] = k;
  return { childStart, childUnit, childNext, fail, dictLink, ownPattern, lengths: t.lengths };
}

// ---- base64 VLQ ----

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) SEXTET[ALPHABET.charCodeAt(i)] = i;

/** Unsigned integers below 2^31 as base64 VLQ: 5 bits a character, low bits first, bit 6 = more follow. */
class VlqWriter {
  private parts: string[] = [];
  private chunk = '';

  push(value: number): this {
    if (!(value >= 0 && value <= 0x7fffffff && Number.isInteger(value)))
      throw new Error(`cannot pack ${value}`);
    let v = value;
    while (v >= 32) {
      this.chunk += ALPHABET[(v & 31) | 32];
      v >>>= 5;
    }
    this.chunk += ALPHABET[v];
    if (this.chunk.length >= 8192) {
      this.parts.push(this.chunk);
      this.chunk = '';
    }
    return this;
  }

  text(): string {
    return this.parts.join('') + this.chunk;
  }
}

/**
 * Decodes base64 VLQ into `into[at ..]`, exactly `count` values; with `into` null and `count` -1, into a new
 * array of all the values there are. Throws on a malformed text or another number of values.
 */
function readVlq(text: string, into: Int32Array | null, at: number, count: number, what: string): Int32Array {
  const n = text.length;
  let size = count;
  if (size < 0) {
    size = 0;
    for (let i = 0; i < n; i++) if ((SEXTET[text.charCodeAt(i)] ?? -1) < 32) size++;
  }
  const out = into ?? new Int32Array(size);
  const end = at + size;
  if (end > out.length) throw corrupt(what);
  let o = at;
  let value = 0;
  let shift = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const d = c < 128 ? SEXTET[c]! : -1;
    if (d < 0) throw corrupt(what);
    if (d < 32) {
      if (o === end || (shift === 30 && d > 1)) throw corrupt(what);
      out[o++] = value | (d << shift);
      value = 0;
      shift = 0;
    } else {
      if (shift === 30) throw corrupt(what);
      value |= (d & 31) << shift;
      shift += 5;
    }
  }
  if (o !== end || shift !== 0) throw corrupt(what);
  return out;
}

/** Unsigned integers below 2^31 as one base64 VLQ string (the encoding of `PackedMatcher`'s lists). */
export function encodeVlq(values: Iterable<number>): string {
  const writer = new VlqWriter();
  for (const value of values) writer.push(value);
  return writer.text();
}

/** The integers of a base64 VLQ string; throws on a malformed one. */
export function decodeVlq(text: string): Int32Array {
  return readVlq(text, null, 0, -1, 'VLQ');
}
