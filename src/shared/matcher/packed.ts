/**
 * The matcher compiled once (in the background, per knowledge-base version) and shipped to pages in a
 * compact form that a page turns into a working `Matcher` without folding aliases or building the trie.
 *
 * The packed form is plain JSON data (strings, numbers, arrays, plain objects), since Chrome's extension
 * messaging is JSON. Integer tables are LEB128 varints in base64: most values are small (child counts,
 * ASCII units, failure links to shallow states), and a base64 string costs JSON.parse next to nothing.
 *
 * States are renumbered breadth-first, each state's children numbered consecutively, so the trie ships as
 * child counts and units only (the k-th child overall is state k + 1), and every failure link points to a
 * smaller number, which lets the page derive the dictionary-suffix links in one forward pass. Not shipped,
 * because the page rebuilds them in a few cheap passes: the root's 65,536-entry row (from the root's
 * children), the lazy ASCII DFA (empty until scanned), pattern lengths (state depths) and alias rules'
 * compiled patterns (made on an alias's first candidate, as in `compileMatcher`).
 */
import type { AliasRule } from '../kb-types';
import type { AliasSpec } from '../protocol';
import { type AutomatonTables, automatonFromTables, buildAutomatonTables } from './automaton';
import { aliasPatterns, type Matcher, matcherOver } from './matcher';

/** Version tag of the packed layout; `unpackMatcher` refuses any other. */
export const PACKED_MATCHER_FORMAT = 'gloss-matcher/1';

/** An alias's rule fields other than `text` and `caseSensitive: true` (rare: cues, rejects…). */
export type PackedRule = Omit<AliasRule, 'text'>;

/** A compiled matcher as JSON-safe data. Integer lists are base64 of LEB128 varints. */
export interface PackedMatcher {
  format: typeof PACKED_MATCHER_FORMAT;
  /** Trie states (root included), distinct folded patterns, aliases. */
  states: number;
  patterns: number;
  aliases: number;
  /** Per state, breadth-first: how many children it has. */
  childCounts: string;
  /** Per state but the root: the folded code unit that leads to it. */
  childUnits: string;
  /** Per state but the root: its failure link. */
  fail: string;
  /** Per pattern: the state that ends it. */
  patternStates: string;
  /** Per alias: 0 when it brings a new pattern (the next number), else its pattern's index + 1. */
  aliasPatterns: string;
  /** Distinct entity ids, in order of first appearance. */
  entityIds: string[];
  /** Runs of consecutive aliases of one entity: (index into entityIds, run length) pairs. */
  entityRuns: string;
  /** Each alias's text as written. */
  texts: string[];
  /** Gaps between the indices of the aliases with `caseSensitive: true` (first one from -1). */
  caseSensitive: string;
  /** Aliases with other rule fields: [alias index, those fields]. */
  rules: [number, PackedRule][];
}

/** Compiles `aliases` as `compileMatcher` would and packs the result. Throws on an empty alias. */
export function packMatcher(aliases: readonly AliasSpec[]): PackedMatcher {
  const { patterns, patternOf } = aliasPatterns(aliases);
  const t = breadthFirst(buildAutomatonTables(patterns));
  const states = t.fail.length;

  const childCounts = new VarintWriter();
  for (let s = 0; s < states; s++) childCounts.push(t.childStart[s + 1]! - t.childStart[s]!);
  const childUnits = new VarintWriter();
  for (let s = 1; s < states; s++) childUnits.push(t.childUnit[s - 1]!);
  const fail = new VarintWriter();
  for (let s = 1; s < states; s++) fail.push(t.fail[s]!);
  const patternStates = new VarintWriter();
  const endOf = new Int32Array(patterns.length);
  for (let s = 0; s < states; s++) if (t.ownPattern[s]! >= 0) endOf[t.ownPattern[s]!] = s;
  for (const s of endOf) patternStates.push(s);
  const aliasPatternList = new VarintWriter();
  let nextPattern = 0;
  for (const p of patternOf) {
    if (p === nextPattern) {
      aliasPatternList.push(0);
      nextPattern++;
    } else aliasPatternList.push(p + 1);
  }

  const entityIds: string[] = [];
  const entityIndex = new Map<string, number>();
  const entityRuns = new VarintWriter();
  const texts: string[] = [];
  const caseSensitive = new VarintWriter();
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
    childCounts: childCounts.base64(),
    childUnits: childUnits.base64(),
    fail: fail.base64(),
    patternStates: patternStates.base64(),
    aliasPatterns: aliasPatternList.base64(),
    entityIds,
    entityRuns: entityRuns.base64(),
    texts,
    caseSensitive: caseSensitive.base64(),
    rules,
  };
}

/**
 * A matcher from a packed one, finding exactly what `compileMatcher` finds on the same aliases. Throws if
 * `packed` is of another format or inconsistent.
 */
export function unpackMatcher(packed: PackedMatcher): Matcher {
  if (packed.format !== PACKED_MATCHER_FORMAT)
    throw new Error(`unknown packed matcher format ${packed.format}`);
  const { states, patterns, aliases: aliasCount } = packed;
  if (!(states >= 1 && patterns >= 0 && aliasCount >= patterns)) throw corrupt('counts');

  // The trie: children of a state are consecutive states, numbered in the order of their parents.
  const childCounts = readVarints(packed.childCounts, states, 'childCounts');
  const childStart = new Int32Array(states + 1);
  for (let s = 0; s < states; s++) childStart[s + 1] = childStart[s]! + childCounts[s]!;
  if (childStart[states] !== states - 1) throw corrupt('childCounts');
  const childUnit = new Uint16Array(states);
  childUnit.set(readVarints(packed.childUnits, states - 1, 'childUnits'));
  const childNext = new Int32Array(states);
  for (let k = 0; k < states - 1; k++) childNext[k] = k + 1;
  const depth = new Int32Array(states);
  for (let s = 0; s < states; s++) {
    for (let k = childStart[s]!, end = childStart[s + 1]!; k < end; k++) depth[k + 1] = depth[s]! + 1;
  }

  const fail = new Int32Array(states);
  fail.set(readVarints(packed.fail, states - 1, 'fail'), 1);
  const ownPattern = new Int32Array(states).fill(-1);
  const patternStates = readVarints(packed.patternStates, patterns, 'patternStates');
  const lengths = new Int32Array(patterns);
  for (let p = 0; p < patterns; p++) {
    const s = patternStates[p]!;
    if (s <= 0 || s >= states) throw corrupt('patternStates');
    ownPattern[s] = p;
    lengths[p] = depth[s]!;
  }
  // A failure link leads to a shallower state, so to a smaller number: its dictionary link is known.
  const dictLink = new Int32Array(states);
  dictLink[0] = -1;
  for (let s = 1; s < states; s++) {
    const f = fail[s]!;
    if (f >= s || depth[f]! >= depth[s]!) throw corrupt('fail');
    dictLink[s] = ownPattern[f]! >= 0 ? f : dictLink[f]!;
  }
  const tables: AutomatonTables = { childStart, childUnit, childNext, fail, dictLink, ownPattern, lengths };

  const patternOf = readVarints(packed.aliasPatterns, aliasCount, 'aliasPatterns');
  let nextPattern = 0;
  for (let i = 0; i < aliasCount; i++) {
    const code = patternOf[i]!;
    if (code === 0) patternOf[i] = nextPattern++;
    else if (code > nextPattern) throw corrupt('aliasPatterns');
    else patternOf[i] = code - 1;
  }
  if (nextPattern !== patterns) throw corrupt('aliasPatterns');

  return matcherOver(unpackAliases(packed), patternOf, patterns, automatonFromTables(tables));
}

/** The alias specs, as `{ text, caseSensitive?, ...rule fields, entityId }`. */
function unpackAliases(packed: PackedMatcher): AliasSpec[] {
  const { aliases: count, texts, entityIds } = packed;
  if (texts.length !== count) throw corrupt('texts');
  const runs = readVarints(packed.entityRuns, -1, 'entityRuns');
  const cased = new Uint8Array(count);
  let at = -1;
  for (const gap of readVarints(packed.caseSensitive, -1, 'caseSensitive')) {
    at += gap;
    if (gap === 0 || at >= count) throw corrupt('caseSensitive');
    cased[at] = 1;
  }
  const rules = new Map(packed.rules);
  const out: AliasSpec[] = new Array(count);
  let i = 0;
  for (let r = 0; r + 1 < runs.length; r += 2) {
    const entityId = entityIds[runs[r]!];
    const end = i + runs[r + 1]!;
    if (entityId === undefined || end > count) throw corrupt('entityRuns');
    for (; i < end; i++) {
      const text = texts[i]!;
      const rule = rules.get(i);
      if (rule !== undefined) {
        out[i] = cased[i] ? { text, caseSensitive: true, ...rule, entityId } : { text, ...rule, entityId };
      } else out[i] = cased[i] ? { text, caseSensitive: true, entityId } : { text, entityId };
    }
  }
  if (i !== count) throw corrupt('entityRuns');
  return out;
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

// ---- LEB128 varints in base64 ----

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) SEXTET[ALPHABET.charCodeAt(i)] = i;

/** Unsigned integers (below 2^32) appended as LEB128 bytes. */
class VarintWriter {
  private bytes = new Uint8Array(256);
  private length = 0;

  push(value: number): this {
    if (!(value >= 0 && value <= 0xffffffff && Number.isInteger(value))) {
      throw new Error(`cannot pack ${value}`);
    }
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    let v = value;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.bytes[this.length++] = v;
    return this;
  }

  base64(): string {
    return toBase64(this.bytes.subarray(0, this.length));
  }
}

/** Standard base64 with padding (written here: the background has no Buffer and pages need no atob). */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  const left = bytes.length - i;
  if (left > 0) {
    const n = (bytes[i]! << 16) | (left > 1 ? bytes[i + 1]! << 8 : 0);
    chunk += `${ALPHABET[n >> 18]!}${ALPHABET[(n >> 12) & 63]!}${left > 1 ? ALPHABET[(n >> 6) & 63]! : '='}=`;
  }
  parts.push(chunk);
  return parts.join('');
}

/** Bytes of a base64 string; throws on anything but the standard alphabet and padding. */
export function fromBase64(text: string): Uint8Array {
  const n = text.length;
  if (n % 4 !== 0) throw corrupt('base64 length');
  const pad = n === 0 ? 0 : text.charCodeAt(n - 1) !== 0x3d ? 0 : text.charCodeAt(n - 2) !== 0x3d ? 1 : 2;
  const out = new Uint8Array((n / 4) * 3 - pad);
  const whole = pad === 0 ? n : n - 4;
  let o = 0;
  for (let i = 0; i < whole; i += 4) {
    const c0 = text.charCodeAt(i);
    const c1 = text.charCodeAt(i + 1);
    const c2 = text.charCodeAt(i + 2);
    const c3 = text.charCodeAt(i + 3);
    if ((c0 | c1 | c2 | c3) > 127) throw corrupt('base64 character');
    const a = SEXTET[c0]!;
    const b = SEXTET[c1]!;
    const c = SEXTET[c2]!;
    const d = SEXTET[c3]!;
    if ((a | b | c | d) < 0) throw corrupt('base64 character');
    out[o++] = (a << 2) | (b >> 4);
    out[o++] = ((b & 15) << 4) | (c >> 2);
    out[o++] = ((c & 3) << 6) | d;
  }
  if (pad > 0) {
    const codes = [0, 1, 2].map((k) => text.charCodeAt(whole + k));
    const [a, b, c] = codes.map((code, k) => (k === 2 && pad === 2 ? 0 : code < 128 ? SEXTET[code]! : -1));
    if (a! < 0 || b! < 0 || c! < 0) throw corrupt('base64 character');
    out[o++] = (a! << 2) | (b! >> 4);
    if (pad === 1) out[o] = ((b! & 15) << 4) | (c! >> 2);
  }
  return out;
}

/**
 * Decodes base64 LEB128 varints (each below 2^31): exactly `count` of them, or all there are when `count`
 * is -1. Throws when the text holds another number of them or a malformed one.
 */
function readVarints(text: string, count: number, what: string): Int32Array {
  const bytes = fromBase64(text);
  const n = bytes.length;
  let size = count;
  if (size < 0) {
    size = 0;
    for (let i = 0; i < n; i++) if (bytes[i]! < 0x80) size++;
  }
  const out = new Int32Array(size);
  let o = 0;
  let value = 0;
  let shift = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (o === size || (shift === 28 && b > 7)) throw corrupt(what);
      out[o++] = value | (b << shift);
      value = 0;
      shift = 0;
    } else {
      if (shift === 28) throw corrupt(what);
      value |= (b & 0x7f) << shift;
      shift += 7;
    }
  }
  if (o !== size || shift !== 0) throw corrupt(what);
  return out;
}
