/**
 * The matcher: every alias of every entity compiled into one automaton, plus per-alias rules. Used by the
 * content script on page text and by the KB build on the source articles, so cards and pages agree.
 *
 *   text ──scan once──▶ candidate hits ──case, whole word, context, not in a URL──▶ accepted
 *        ──leftmost-longest──▶ matches
 */
import type { AliasSpec } from '../protocol';
import { buildAutomaton } from './automaton';
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
 * An alias with what its checks need, each part computed on the alias's first candidate: most aliases
 * see none on a given page, and the Unicode-aware patterns behind the edge and cue checks are the costly
 * part of compiling (the matcher is compiled in every frame at start-up).
 */
interface CompiledAlias {
  spec: AliasSpec;
  index: number;
  isReady: boolean;
  cased?: string;
  edges?: AliasEdges;
  context?: CompiledContext;
}

function ready(alias: CompiledAlias): Required<CompiledAlias> {
  if (!alias.isReady) {
    alias.cased = alias.spec.caseSensitive ? foldString(alias.spec.text, true) : '';
    alias.edges = aliasEdges(alias.spec.text);
    alias.context = compileContext(alias.spec);
    alias.isReady = true;
  }
  return alias as Required<CompiledAlias>;
}

/**
 * Compiles aliases into a matcher. Throws if an alias is empty; a rule's invalid pattern throws when it is
 * first needed (the KB build and its tests compile every rule up front, see `checkAliasRules`).
 */
export function compileMatcher(aliases: readonly AliasSpec[]): Matcher {
  const patternIndex = new Map<string, number>();
  const patterns: string[] = [];
  const byPattern: CompiledAlias[][] = [];
  aliases.forEach((spec, index) => {
    const folded = foldString(spec.text);
    if (folded.length === 0) throw new Error(`empty alias for ${spec.entityId}`);
    let p = patternIndex.get(folded);
    if (p === undefined) {
      p = patterns.length;
      patternIndex.set(folded, p);
      patterns.push(folded);
      byPattern.push([]);
    }
    byPattern[p]!.push({ spec, index, isReady: false });
  });
  const automaton = buildAutomaton(patterns);

  return {
    aliases,
    find(text, near = {}) {
      const hits: Match[] = [];
      automaton.scan(text, (p, start, end) => {
        for (const candidate of byPattern[p]!) {
          const alias = ready(candidate);
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
