/**
 * Proposes entities a source names but the knowledge base does not know yet (issue 13, "suggested
 * entities"). Pure: it reads text blocks and the names already known, and returns ranked candidates; it
 * never adds anything, since only the reader decides what becomes an entity.
 *
 * Four patterns, strongest first: a definition with an abbreviation in brackets, a name introduced by a cue
 * ("dubbed", "known as"), a quoted name after "group"/"campaign"/"operation", and a capitalised (or Japanese
 * organisation) name repeated in the source. A definition and its repeats are merged into one suggestion.
 */
import type { EntityType } from '../kb-types';
import type { Candidate, SuggestionReason, TextBlock } from './candidate';
import { findDefinitions } from './definitions';
import { findIntroduced } from './introduced';
import { guessType } from './lexicon';
import { findRepeated, findRepeatedCjk } from './repeated';
import { nameKey, sentenceAround } from './text';

export type { SuggestionReason, TextBlock } from './candidate';

/** Where a suggestion came from: the sentence of the block that defines or first mentions it. */
export interface SuggestionEvidence {
  blockIndex: number;
  /** Offsets of `text` in the block's text. */
  start: number;
  end: number;
  text: string;
}

export interface EntitySuggestion {
  name: string;
  /** Other spellings seen in the source (an abbreviation, a nickname). */
  aliases: string[];
  /** A guess from cue words; undefined when nothing points to a type. */
  type: EntityType | undefined;
  evidence: SuggestionEvidence;
  /** Higher is better; definitions always score above the other reasons. */
  score: number;
  reason: SuggestionReason;
  /** Mentions of the name or its aliases in the source. */
  occurrences: number;
}

export interface SuggestOptions {
  /** Names and aliases already known (built-in and the reader's entities); compared case-insensitively. */
  known?: Iterable<string>;
  /** Names of suggestions the reader rejected; never proposed again. */
  rejected?: Iterable<string>;
  /** At most this many suggestions (all by default). */
  limit?: number;
}

/** Base score per reason: the reason orders the list, occurrences order within a reason. */
const BASE: Record<SuggestionReason, number> = { definition: 100, dubbed: 80, quoted: 70, repeated: 20 };
const ORDER: SuggestionReason[] = ['definition', 'dubbed', 'quoted', 'repeated'];

interface Draft extends Candidate {
  keys: Set<string>;
}

/** Ranked suggestions for a source's blocks, minus everything known or rejected. */
export function suggestEntities(
  blocks: readonly TextBlock[],
  options: SuggestOptions = {},
): EntitySuggestion[] {
  const known = new Set([...(options.known ?? [])].map(nameKey).filter(Boolean));
  const rejected = new Set([...(options.rejected ?? [])].map(nameKey).filter(Boolean));
  const candidates: Candidate[] = [];
  blocks.forEach((block, i) => {
    candidates.push(...findDefinitions(block.text, i), ...findIntroduced(block.text, i));
  });
  candidates.push(...findRepeated(blocks), ...findRepeatedCjk(blocks));
  candidates.sort((a, b) => ORDER.indexOf(a.reason) - ORDER.indexOf(b.reason));

  const drafts = merge(candidates);
  const out: EntitySuggestion[] = [];
  for (const d of drafts) {
    if ([...d.keys].some((k) => known.has(k) || rejected.has(k))) continue;
    // A repeated phrase inside or around a known name ("Self-Defense Forces" when "Japan Self-Defense Forces"
    // is known, "Huawei Technologies Japan" when "Huawei" is) is a fragment or a variant, not a new entity.
    if (d.reason === 'repeated' && overlapsKnown(nameKey(d.name), known)) continue;
    const text = blocks[d.blockIndex]!.text;
    const sentence = sentenceAround(text, d.start, d.end);
    const evidence = {
      blockIndex: d.blockIndex,
      ...sentence,
      text: text.slice(sentence.start, sentence.end),
    };
    const occurrences = d.reason === 'repeated' ? d.occurrences : countMentions(blocks, d);
    const type = d.type ?? guessType(d.name, d.reason === 'repeated' ? '' : evidence.text);
    const spread = d.reason === 'repeated' ? 2 : 1;
    const score = BASE[d.reason] + Math.min(occurrences, 20) * spread + (type ? 5 : 0);
    out.push({ name: d.name, aliases: d.aliases, type, evidence, score, reason: d.reason, occurrences });
  }
  out.sort((a, b) => b.score - a.score || b.occurrences - a.occurrences || a.name.localeCompare(b.name));
  return options.limit === undefined ? out : out.slice(0, options.limit);
}

/** One draft per entity: a candidate sharing any spelling with an earlier (stronger) one joins it. */
function merge(candidates: readonly Candidate[]): Draft[] {
  const drafts: Draft[] = [];
  const byKey = new Map<string, Draft>();
  for (const c of candidates) {
    const keys = [c.name, ...c.aliases].map(nameKey);
    const into = keys.map((k) => byKey.get(k)).find((d) => d !== undefined);
    if (!into) {
      const draft: Draft = { ...c, aliases: [...c.aliases], keys: new Set(keys) };
      drafts.push(draft);
      for (const k of keys) byKey.set(k, draft);
      continue;
    }
    // Repeats of a name found by a stronger pattern add their count; two definitions of one name add 1.
    into.occurrences += c.reason === 'repeated' ? c.occurrences : 1;
    into.type ??= c.type;
    for (const spelling of [c.name, ...c.aliases]) {
      const k = nameKey(spelling);
      if (into.keys.has(k)) continue;
      into.keys.add(k);
      into.aliases.push(spelling);
      byKey.set(k, into);
    }
  }
  return drafts;
}

/** Whether `key` holds a known name as whole words, or is held by one. Short known names are skipped. */
function overlapsKnown(key: string, known: ReadonlySet<string>): boolean {
  const padded = ` ${key} `;
  for (const k of known) {
    if (k.length < 3) continue;
    if (padded.includes(` ${k} `) || ` ${k} `.includes(padded)) return true;
  }
  return false;
}

/** Mentions of a defined name or its abbreviation across the source (whole words; abbreviations by case). */
function countMentions(blocks: readonly TextBlock[], d: Draft): number {
  const quote = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const long = new RegExp(`(?<![\\p{L}\\p{N}])${quote(d.name)}(?![\\p{L}\\p{N}])`, 'giu');
  const shorts = d.aliases.map((a) => new RegExp(`(?<![\\p{L}\\p{N}])${quote(a)}(?![\\p{L}\\p{N}])`, 'gu'));
  let count = 0;
  for (const block of blocks) {
    count += block.text.match(long)?.length ?? 0;
    for (const re of shorts) count += block.text.match(re)?.length ?? 0;
  }
  return Math.max(count, 1);
}
