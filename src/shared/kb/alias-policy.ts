/**
 * The one rule for aliases a reader writes (CSV import now, the entity editor later): which are refused,
 * which match case-sensitively, and which are narrowed because they are ordinary words. Built-in entities
 * do not go through it; their rules are written by hand in src/kb/entities/.
 */
import type { AliasRule } from '../kb-types';
import { COMMON_WORDS } from './common-words';

/** Shorter aliases are refused: one letter or digit matches almost everywhere and names nothing. */
export const MIN_ALIAS_LENGTH = 2;
/** Longer aliases are refused: no name is this long, and the matcher's automaton grows with alias length. */
export const MAX_ALIAS_LENGTH = 200;

/**
 * What the policy made of one alias.
 * - `refused`: the alias cannot be used; `reason` says why, in words a reader can act on.
 * - `accepted`: `rule` is what the matcher gets; `commonWord` is set when the alias was made case-sensitive
 *   only because it is a common word (the caller tells the reader so).
 */
export type AliasVerdict =
  | { kind: 'refused'; reason: string }
  | { kind: 'accepted'; rule: AliasRule; commonWord: boolean };

/** Characters, counted as the reader sees them (a surrogate pair or a kanji is one). */
function length(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * An acronym or code: at least one capital letter and no lower-case letter ("KEV", "CISA", "APT41",
 * "JPCERT/CC", "UNC3886"). Those match case-sensitively so that "kev" or "cisa" in a URL slug or another
 * language does not count. Scripts without case (kanji, Devanagari) are never acronyms.
 */
export function isAcronym(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/**
 * A single word from `COMMON_WORDS` written in lower case ("line") or Title case ("Line"). Mixed case
 * ("iPhone") and capitals ("LINE") are not: they are already distinctive.
 */
export function isCommonWord(text: string): boolean {
  if (!/^\p{L}+$/u.test(text)) return false;
  const lower = text.toLowerCase();
  const title = lower.charAt(0).toUpperCase() + lower.slice(1);
  return (text === lower || text === title) && COMMON_WORDS.has(lower);
}

/**
 * Applies the policy to one alias, with the cues the reader gave for it (possibly none).
 *
 * - Under `MIN_ALIAS_LENGTH` or over `MAX_ALIAS_LENGTH` characters: refused.
 * - An acronym: case-sensitive.
 * - A common word with cues: accepted as written (the cues already keep it out of ordinary prose).
 * - A common word without cues: made case-sensitive and flagged, so "Line" no longer matches "line" and the
 *   reader learns why. (A lower-case common word stays as broad as it was; the notice says to add cues.)
 * - Anything else: case-insensitive.
 *
 * `cues` are copied onto the rule as given; the caller cleans them.
 */
export function applyAliasPolicy(text: string, cues: readonly string[] = []): AliasVerdict {
  const size = length(text);
  if (size < MIN_ALIAS_LENGTH)
    return { kind: 'refused', reason: `alias '${text}' is shorter than ${MIN_ALIAS_LENGTH} characters` };
  if (size > MAX_ALIAS_LENGTH)
    return {
      kind: 'refused',
      reason: `alias '${text.slice(0, 40)}…' is longer than ${MAX_ALIAS_LENGTH} characters`,
    };
  const rule: AliasRule = { text };
  if (cues.length > 0) rule.cues = [...cues];
  if (isAcronym(text)) {
    rule.caseSensitive = true;
    return { kind: 'accepted', rule, commonWord: false };
  }
  if (cues.length === 0 && isCommonWord(text)) {
    rule.caseSensitive = true;
    return { kind: 'accepted', rule, commonWord: true };
  }
  return { kind: 'accepted', rule, commonWord: false };
}

/** The sentence the reader sees when `applyAliasPolicy` made a common word case-sensitive. */
export function commonWordNotice(text: string, line?: number): string {
  const where = line === undefined ? '' : `Line ${line}: `;
  const lower =
    text === text.toLowerCase() ? `; it still matches every lower-case '${text}', add cues to narrow it` : '';
  return `${where}treated '${text}' as case-sensitive because it is a common word${lower}`;
}
