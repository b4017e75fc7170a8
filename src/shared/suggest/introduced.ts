/**
 * Finds names a text introduces with a cue ("known as", "dubbed", "code-named", "also called", and threat
 * reports' "tracked as") or puts in
 * quotes after "group", "campaign" or "operation" (the group dubbed "Volt Typhoon", the "Cloud Hopper"
 * campaign). Reporters use these exactly for names a reader is meeting for the first time.
 */
import type { Candidate } from './candidate';
import { looksLikeName } from './definitions';
import { CALENDAR, COMMON, PLACES } from './lexicon';

/** A cue, then an optional "the", then the name in quotes or as a run of capitalised words. */
const CUED =
  /\b(?:known as|dubbed|code-?named|codenamed|also called|nicknamed|tracked as|referred to as)\s+(?:the\s+)?(?:[“"‘']([^”"’'\n]{2,60})[”"’']|((?:[\p{Lu}\d][\p{L}\p{N}.&-]*)(?:\s+(?:[\p{Lu}\d][\p{L}\p{N}.&-]*|of|and|the|de))*))/giu;

/** A quoted name right after (or right before) the word that says what it names. */
const QUOTED_AFTER =
  /\b(?:group|campaign|operation|gang|crew|botnet|malware)\s+[“"‘']([^”"’'\n]{2,60})[”"’']/giu;
const QUOTED_BEFORE =
  /[“"‘']([^”"’'\n]{2,60})[”"’']\s+(?:hacking\s+|hacker\s+)?(?:group|campaign|operation|gang|crew)\b/giu;

/** Whether a phrase found by a cue is a plausible name, not "the U.S." or "a Monday". */
function plausible(name: string): boolean {
  // "tracked as CVE-2023-3519" names a vulnerability, not a group.
  if (!/^[\p{Lu}\d]/u.test(name) || name.length > 60 || /^CVE-\d/i.test(name)) return false;
  const words = name.toLowerCase().split(/\s+/);
  if (words.every((w) => COMMON.has(w) || PLACES.has(w) || CALENDAR.has(w))) return false;
  return looksLikeName(name, 1);
}

/** Trailing connectors and punctuation are not part of a name ("Volt Typhoon and", "Cicada."). */
const tidy = (name: string): string =>
  name
    .trim()
    .replace(/[.,;:]+$/, '')
    .replace(/(?:\s+(?:of|and|the|de))+$/i, '');

/** The introduced and quoted names of one block. */
export function findIntroduced(text: string, blockIndex: number): Candidate[] {
  const found: Candidate[] = [];
  const push = (raw: string, at: number, reason: Candidate['reason']): void => {
    const name = tidy(raw);
    if (!plausible(name)) return;
    const start = text.indexOf(name, at);
    if (start < 0) return;
    found.push({ name, aliases: [], reason, blockIndex, start, end: start + name.length, occurrences: 1 });
  };
  for (const m of text.matchAll(CUED)) {
    // The cue is matched case-insensitively, which would let the name's own pattern accept lower-case
    // words too; the quoted form is taken as it is, the bare form only while its words stay capitalised.
    const raw = m[1] ?? m[2] ?? '';
    const bare = m[1] === undefined ? capitalisedPrefix(raw) : raw;
    push(bare, m.index, 'dubbed');
  }
  for (const re of [QUOTED_AFTER, QUOTED_BEFORE]) {
    for (const m of text.matchAll(re)) push(m[1] ?? '', m.index, 'quoted');
  }
  return found;
}

/** The leading words of `phrase` that are capitalised, with connectors only between them. */
function capitalisedPrefix(phrase: string): string {
  const kept: string[] = [];
  for (const word of phrase.split(/\s+/)) {
    if (/^[\p{Lu}\d]/u.test(word)) kept.push(word);
    else if (/^(?:of|and|the|de)$/.test(word)) kept.push(word);
    else break;
  }
  return kept.join(' ');
}
