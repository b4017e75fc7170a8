/**
 * Finds names a text defines with an abbreviation in brackets: "Cybersecurity and Infrastructure Security
 * Agency (CISA)", "CISA (Cybersecurity and Infrastructure Security Agency)", and a code name with its nickname,
 * "APT41 (Double Dragon)". Writers spell a name out in full exactly when they introduce it, so these are the
 * most reliable suggestions.
 */
import type { Candidate } from './candidate';
import { ACTOR_CODE, CONNECTORS, GENERIC_TERMS, genericKey, otherKind, PLACES, TITLES } from './lexicon';

/** Abbreviation-like: 2–10 characters, mostly capitals and digits ("CISA", "JPCERT/CC", "MoU", "APT41"). */
export function isAbbreviation(token: string): boolean {
  if (token.length < 2 || token.length > 10) return false;
  if (!/^[A-Za-z0-9][A-Za-z0-9&/.-]*[A-Za-z0-9]$/.test(token) || !/[A-Z]/.test(token)) return false;
  const alnum = token.replace(/[^A-Za-z0-9]/g, '');
  const strong = alnum.replace(/[^A-Z0-9]/g, '').length;
  return strong >= 2 && strong * 2 >= alnum.length;
}

/**
 * Where the long form of `short` starts in `long`, or -1 (the Schwartz–Hearst match: each letter of the
 * abbreviation, from the last, is found further left in the long form, and its first letter must start a
 * word). This accepts "JPCERT/CC" for "Japan Computer Emergency Response Team Coordination Center", where
 * strict initials would not.
 */
export function longFormStart(short: string, long: string): number {
  const letters = short.toLowerCase().replace(/[^a-z0-9]/g, '');
  const text = long.toLowerCase();
  let l = text.length - 1;
  for (let s = letters.length - 1; s >= 0; s--) {
    const c = letters[s];
    while (l >= 0 && (text[l] !== c || (s === 0 && l > 0 && /[a-z0-9]/.test(text[l - 1] ?? '')))) l--;
    if (l < 0) return -1;
    l--;
  }
  return l + 1;
}

/** A run of words that reads as a proper name: starts with a capital, and most of its words are capitalised. */
export function looksLikeName(phrase: string, minWords = 2): boolean {
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length < minWords || !/^[\p{Lu}\d]/u.test(words[0] ?? '')) return false;
  const significant = words.filter((w) => !CONNECTORS.has(w.toLowerCase()));
  const capitalised = significant.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  return (
    capitalised * 4 >= significant.length * 3 && !GENERIC_TERMS.has(genericKey(phrase)) && !otherKind(phrase)
  );
}

/** "Prime Minister of Japan (PM)": a title and a place fit an abbreviation but name an office, not an entity. */
function onlyTitlesAndPlaces(phrase: string): boolean {
  return phrase
    .toLowerCase()
    .split(/\s+/)
    .every((w) => TITLES.has(w) || PLACES.has(w) || CONNECTORS.has(w));
}

/** Text that ends a clause: a long form never reaches back over it. */
const CLAUSE_BREAK = /.*(?:[,;:!?()"“”]|\.\s|\s[—–]\s)/s;

/** The definitions in one block. */
export function findDefinitions(text: string, blockIndex: number): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(/\(([^()]{2,80})\)/g)) {
    const open = m.index;
    const close = open + m[0].length;
    const inner = m[1]!.trim();
    const before = text.slice(Math.max(0, open - 300), open);
    /** A definition found here: `name` with `alias`, the evidence from `start` to the closing bracket. */
    const definition = (name: string, alias: string, start: number): Candidate => ({
      name,
      aliases: [alias],
      reason: 'definition',
      blockIndex,
      start,
      end: close,
      occurrences: 1,
    });
    if (isAbbreviation(inner)) {
      // "Long Name (ABBR)": look back over at most min(n + 6, 2n + 2) words (n = abbreviation letters), within
      // the clause; a little more than Schwartz and Hearst's min(n + 5, 2n), for "of" and "and" in names.
      const n = inner.replace(/[^A-Za-z0-9]/g, '').length;
      const clause = before.replace(CLAUSE_BREAK, '');
      const words = [...clause.matchAll(/\S+/g)];
      const nearby = words.slice(-Math.min(n + 6, n * 2 + 2));
      if (nearby.length === 0) continue;
      const longText = clause.slice(nearby[0]!.index).trimEnd();
      const at = longFormStart(inner, longText);
      if (at < 0) continue;
      // "National Institute of Advanced Industrial Science and Technology (AIST)": writers leave the head of
      // an "X of Y" name out of the abbreviation, so capitalised words joined by "of"/"for" come along.
      const head = /(?:[\p{Lu}][\p{L}-]*\s+){1,3}(?:of|for)\s+$/u.exec(longText.slice(0, at))?.[0] ?? '';
      const long = (head + longText.slice(at)).replace(/^(?:the|The)\s+/, '').replace(/['’]s$/, '');
      if (!looksLikeName(long) || onlyTitlesAndPlaces(long)) continue;
      const start = open - (before.length - before.lastIndexOf(long));
      found.push(definition(long, inner, start));
      continue;
    }
    // "ABBR (Long Name)" and "APT41 (Double Dragon)": the token right before the bracket is the short form.
    const token = /([A-Za-z0-9][A-Za-z0-9&/.-]{0,9})\s*$/.exec(before)?.[1];
    if (!token || !isAbbreviation(token) || !looksLikeName(inner, 1)) continue;
    const start = open - (before.length - before.lastIndexOf(token));
    if (longFormStart(token, inner) === 0 && inner.split(/\s+/).length >= 2) {
      found.push(definition(inner, token, start));
    } else if (ACTOR_CODE.test(token) || /\d/.test(token)) {
      // A code name and a nickname share no letters; a digit in the code name says it is one.
      const candidate = definition(token, inner, start);
      found.push(ACTOR_CODE.test(token) ? { ...candidate, type: 'threat-actor' } : candidate);
    }
  }
  return found;
}
