/**
 * The matcher: every alias of every entity compiled into one automaton, plus per-alias rules. Used by the
 * content script on page text and by the KB build on the source articles, so cards and pages agree.
 *
 *   text ──scan once──▶ candidate hits ──case, whole word, context, not in a URL──▶ accepted
 *        ──leftmost-longest──▶ matches
 */
import type { AliasSpec } from '../protocol';
import { type Automaton, buildAutomaton } from './automaton';
import { type AliasEdges, aliasEdges, isInsideUrl, isWholeWord } from './boundaries';
import { type CompiledContext, compileContext, type Neighbours, passesContext } from './context-rules';

export type { Neighbours };

import { foldString } from './fold';

/** One accepted mention in a text block. */
export interface Match {
  entityId: string;
  /** Offsets in the scanned text. */
  start: number;
  end: number;
  /** Index of the alias (into the list given to `compileMatcher`) that matched. */
  alias: number;
}

/** A compiled matcher. */
export interface Matcher {
  /**
   * All mentions in `text`, sorted, non-overlapping, the longest alias winning at each place. `near` gives
   * the neighbouring blocks' text, where context cues are also looked for (a headline's cues are often in
   * the paragraph under it).
   */
  find(text: string, near?: Neighbours): Match[];
  readonly aliases: readonly AliasSpec[];
}

/**
 * An alias with what its checks need, made on the alias's first candidate: most aliases see none on a
 * given page, and the Unicode-aware patterns behind the edge and cue checks are the costly part of
 * compiling (the matcher is compiled in every frame at start-up).
 */
interface CompiledAlias {
  spec: AliasSpec;
  index: number;
  cased: string;
  edges: AliasEdges;
  context: CompiledContext;
}

function prepare(spec: AliasSpec, index: number): CompiledAlias {
  return {
    spec,
    index,
    cased: spec.caseSensitive ? foldString(spec.text, true) : '',
    edges: aliasEdges(spec.text),
    context: compileContext(spec),
  };
}

/**
 * The distinct folded aliases (the automaton's patterns, in order of first appearance) and, for each
 * alias, the index of its pattern. Throws if an alias folds to nothing.
 */
export function aliasPatterns(aliases: readonly AliasSpec[]): { patterns: string[]; patternOf: Int32Array } {
  const patternIndex = new Map<string, number>();
  const patterns: string[] = [];
  const patternOf = new Int32Array(aliases.length);
  aliases.forEach((spec, index) => {
    const folded = foldString(spec.text);
    if (folded.length === 0) throw new Error(`empty alias for ${spec.entityId}`);
    let p = patternIndex.get(folded);
    if (p === undefined) {
      p = patterns.length;
      patternIndex.set(folded, p);
      patterns.push(folded);
    }
    patternOf[index] = p;
  });
  return { patterns, patternOf };
}

/**
 * Compiles aliases into a matcher. Throws if an alias is empty; a rule's invalid pattern throws when it is
 * first needed (the KB build and its tests compile every rule up front, see `checkAliasRules`).
 */
export function compileMatcher(aliases: readonly AliasSpec[]): Matcher {
  const { patterns, patternOf } = aliasPatterns(aliases);
  const source: AliasSource = { spec: (index) => aliases[index]!, all: () => aliases };
  return matcherOver(source, patternOf, patterns.length, buildAutomaton(patterns));
}

/** The aliases of a matcher, possibly made one by one as they are needed (see `unpackMatcher`). */
export interface AliasSource {
  spec(index: number): AliasSpec;
  all(): readonly AliasSpec[];
}

/**
 * The matcher over an automaton of `patternCount` patterns, where alias i is pattern `patternOf[i]` (as
 * `aliasPatterns` gives them). Shared by `compileMatcher` and `unpackMatcher`.
 */
export function matcherOver(
  aliases: AliasSource,
  patternOf: Int32Array,
  patternCount: number,
  automaton: Automaton,
): Matcher {
  // Each pattern's aliases, in alias order: members[first[p]] .. members[first[p + 1] - 1].
  const first = new Int32Array(patternCount + 1);
  for (let i = 0; i < patternOf.length; i++) first[patternOf[i]! + 1]!++;
  for (let p = 0; p < patternCount; p++) first[p + 1] = first[p + 1]! + first[p]!;
  const fill = first.slice(0, patternCount);
  const members = new Int32Array(patternOf.length);
  for (let i = 0; i < patternOf.length; i++) members[fill[patternOf[i]!]!++] = i;
  const compiled: (CompiledAlias | undefined)[] = [];

  return {
    get aliases() {
      return aliases.all();
    },
    find(text, near = {}) {
      const hits: Match[] = [];
      automaton.scan(text, (p, start, end) => {
        for (let k = first[p]!, last = first[p + 1]!; k < last; k++) {
          const index = members[k]!;
          let alias = compiled[index];
          if (alias === undefined) alias = compiled[index] = prepare(aliases.spec(index), index);
          if (alias.cased !== '' && foldString(text.slice(start, end), true) !== alias.cased) continue;
          if (!isWholeWord(text, start, end, alias.edges)) continue;
          if (!passesContext(alias.context, text, start, end, near)) continue;
          if (isInsideUrl(text, start, end)) continue;
          hits.push({ entityId: alias.spec.entityId, start, end, alias: alias.index });
          break; // the first accepted alias for this exact span is enough
        }
      });
      return leftmostLongest(hits);
    },
  };
}

/** Keeps the leftmost, then longest, of overlapping hits. */
function leftmostLongest(hits: Match[]): Match[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Match[] = [];
  let reach = -1;
  for (const hit of hits) {
    if (hit.start < reach) continue;
    out.push(hit);
    reach = hit.end;
  }
  return out;
}

/** Compiles every alias rule's patterns now, so a bad rule fails the KB build instead of a page. */
export function checkAliasRules(aliases: readonly AliasSpec[]): void {
  for (const spec of aliases) compileContext(spec);
}
