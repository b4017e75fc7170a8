/**
 * Finds capitalised multi-word names that a source repeats ("Cyber Defense Command" twice), and Japanese
 * organisation names ending in 庁, 省, 局, 機構, センター, 会議 or 研究所 that it repeats. One mention of a phrase in
 * capitals says little; two say the writer is talking about a thing with a name.
 */
import type { Candidate, TextBlock } from './candidate';
import {
  CALENDAR,
  COMMON,
  CONNECTORS,
  GENERIC_TERMS,
  genericKey,
  nameType,
  otherKind,
  PLACES,
  TITLES,
} from './lexicon';
import { isSentenceStart, nameKey } from './text';

/** A word: letters and digits, with inner hyphens, dots, apostrophes and ampersands ("Self-Defense", "U.S."). */
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}&.'’-]*[\p{L}\p{N}])?\.?/gu;
/** Longest run considered: names are short, and this bounds the sub-runs counted per run. */
const MAX_RUN = 12;

interface Token {
  text: string;
  start: number;
  end: number;
}

interface Tally {
  name: string;
  /** Times seen anywhere, inside longer runs included. */
  total: number;
  /** Times seen as a whole run (after trimming), outside headings. */
  alone: number;
  titled: boolean;
  first: { blockIndex: number; start: number; end: number };
}

/** Capitalised, in a script with capitals ("5G" counts as a name's word; "000以上の" and 東京 do not). */
const capitalised = (w: string): boolean =>
  (/^\p{Lu}/u.test(w) || /^\d+[A-Za-z]/.test(w)) &&
  !/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u.test(w);

/**
 * Running text, as opposed to a menu, a byline, a headline or a product heading: page furniture is in title
 * case ("Purchase Licensing Rights", "Download the App") and repeats on every page, so a name must be seen at
 * least once in prose. Prose has enough words, a quarter of them at least in lower case (or is Japanese/Chinese with a full stop).
 */
export function isProse(block: TextBlock): boolean {
  if (block.kind === 'heading') return false;
  if (/[。！？]/.test(block.text) && /[\p{sc=Han}\p{sc=Hiragana}]{10}/u.test(block.text)) return true;
  const words = block.text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  if (words.length < 6) return false;
  const lowerCase = words.filter((w) => /^\p{Ll}/u.test(w)).length;
  return lowerCase * 4 >= words.length;
}
const lower = (w: string): string => w.toLowerCase().replace(/['’]s$/, '');

/** The capitalised runs of one block: consecutive capitalised words, connectors allowed inside. */
function runsOf(text: string): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  let lastEnd = -1;
  const close = (): void => {
    while (run.length > 0 && !capitalised(run[run.length - 1]!.text)) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    // A possessive ends the name ("Japan's Cyber Command" holds two runs), and so does a full stop that
    // ends a sentence rather than an initial ("U.S." keeps its dot).
    const possessive = /['’]s$/.test(word);
    if (possessive) word = word.slice(0, -2);
    if (word.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(word)) word = word.slice(0, -1);
    const token = { text: word, start: m.index, end: m.index + word.length };
    const adjacent = lastEnd >= 0 && /^[ \u00a0]+$/.test(text.slice(lastEnd, m.index));
    if (!adjacent) close();
    if (capitalised(word) || (run.length > 0 && CONNECTORS.has(word.toLowerCase()))) run.push(token);
    else close();
    lastEnd = token.end;
    if (possessive || word.length < m[0].length - (possessive ? 2 : 0) || run.length >= MAX_RUN) {
      close();
      lastEnd = -1;
    }
  }
  close();
  return runs;
}

/** Drops the words a name never starts or ends with: "The", titles, months, sentence-initial common words. */
function trim(
  run: Token[],
  text: string,
  lowerWords: ReadonlySet<string>,
): { run: Token[]; titled: boolean } {
  let titled = false;
  let words = run;
  const first = words[0];
  if (first && isSentenceStart(text, first.start)) {
    const w = lower(first.text);
    // "Many Chinese firms": a sentence starts with a word the text also writes in lower case.
    if (COMMON.has(w) || (lowerWords.has(w) && !TITLES.has(w))) words = words.slice(1);
  }
  for (;;) {
    const w = lower(words[0]?.text ?? '');
    if (TITLES.has(w)) titled = true;
    if (words.length > 0 && (COMMON.has(w) || TITLES.has(w) || CALENDAR.has(w) || CONNECTORS.has(w))) {
      words = words.slice(1);
    } else break;
  }
  while (
    words.length > 0 &&
    (CALENDAR.has(lower(words.at(-1)!.text)) || CONNECTORS.has(lower(words.at(-1)!.text)))
  )
    words = words.slice(0, -1);
  return { run: words, titled };
}

/** Whether a trimmed run reads as a name: two capitalised words, not all places or dates, not shouting. */
function nameLike(words: Token[]): boolean {
  const significant = words.filter((t) => !CONNECTORS.has(t.text.toLowerCase()));
  if (significant.length < 2) return false;
  // "Huawei and ZTE", "Tiger Woods and Rory McIlroy": two names joined. A name with "and" in it
  // ("Basic Exchange and Cooperation Agreement") ends in a word that says what it is.
  const name = words.map((t) => t.text).join(' ');
  // The part before "and" must not end a name itself ("Japan Post Holdings and the Digital Agency").
  const and = words.findIndex((t) => t.text.toLowerCase() === 'and');
  if (and >= 0) {
    const headNoun = words[and - 1]?.text ?? '';
    if (!nameType(name) || nameType(headNoun) || words[and + 1]?.text.toLowerCase() === 'the') return false;
  }
  if (
    significant.every(
      (t) => PLACES.has(lower(t.text)) || CALENDAR.has(lower(t.text)) || COMMON.has(lower(t.text)),
    )
  )
    return false;
  // "THE BOTTOM LINE": headlines in capitals are emphasis, not names.
  if (
    significant.every((t) => t.text.length >= 3 && t.text === t.text.toUpperCase() && /\p{L}/u.test(t.text))
  )
    return false;
  return true;
}

/** Whether a name-like run names something Gloss keeps (not "Supply Chain", "Gaza City", "World Cup"). */
const keptKind = (name: string): boolean => !GENERIC_TERMS.has(genericKey(name)) && !otherKind(name);

/** Capitalised names repeated at least `minCount` times across the blocks. */
export function findRepeated(blocks: readonly TextBlock[], minCount = 2): Candidate[] {
  const lowerWords = new Set<string>();
  for (const block of blocks)
    for (const m of block.text.matchAll(/\b[a-z][a-z'’-]+\b/g)) lowerWords.add(m[0]);
  const tallies = new Map<string, Tally>();
  blocks.forEach((block, blockIndex) => {
    const prose = isProse(block);
    for (const raw of runsOf(block.text)) {
      const { run, titled } = trim(raw, block.text, lowerWords);
      if (run.length === 0) continue;
      // Every sub-run counts too, so "Cyber Defense Command" gains from "JSDF Cyber Defense Command".
      // A sub-run counts as seen on its own when no longer name-like sub-run of the same run holds it
      // ("Japan Post" and "JETRO" in "Japan Post and JETRO"); one never seen on its own ("National
      // Security" inside two longer names) is dropped below.
      const spans: Array<[number, number]> = [];
      for (let i = 0; i < run.length; i++) {
        for (let j = i + 2; j <= run.length; j++) {
          const words = run.slice(i, j);
          if (
            CONNECTORS.has(words[0]!.text.toLowerCase()) ||
            CONNECTORS.has(words.at(-1)!.text.toLowerCase())
          )
            continue;
          if (nameLike(words)) spans.push([i, j]);
        }
      }
      for (const [i, j] of spans) {
        const start = run[i]!.start;
        const end = run[j - 1]!.end;
        const name = block.text.slice(start, end);
        // "Cricket World Cup" is no entity, but it still holds "Cricket World", which is not one on its own.
        if (!keptKind(name)) continue;
        const key = nameKey(name);
        const maximal = !spans.some(([a, b]) => a <= i && b >= j && b - a > j - i);
        const whole = maximal && prose;
        const tally = tallies.get(key);
        if (tally) {
          tally.total++;
          if (whole) tally.alone++;
          tally.titled ||= titled && i === 0;
        } else {
          tallies.set(key, {
            name,
            total: 1,
            alone: whole ? 1 : 0,
            titled: titled && i === 0,
            first: { blockIndex, start, end },
          });
        }
      }
    }
  });
  const found: Candidate[] = [];
  for (const t of tallies.values()) {
    if (t.total < minCount || t.alone < 1) continue;
    found.push({
      name: t.name,
      aliases: [],
      reason: 'repeated',
      ...t.first,
      occurrences: t.total,
      ...(t.titled ? { type: 'person' as const } : {}),
    });
  }
  return found;
}

/**
 * Japanese organisation names: up to 20 kanji and katakana ending in one of the organisation suffixes (the
 * bound keeps a long run of kanji without a suffix linear).
 */
const CJK_NAME = /[\p{sc=Han}\p{sc=Katakana}ー・]{1,20}?(?:庁|省|局|機構|センター|会議|研究所)/gu;
/** "同庁" (the said agency), "本省", "各省": a prefix that refers back rather than names. */
const CJK_ANAPHOR = /^[同本当各両全]/u;

/** Japanese organisation names repeated at least `minCount` times. */
export function findRepeatedCjk(blocks: readonly TextBlock[], minCount = 2): Candidate[] {
  const tallies = new Map<string, Tally>();
  blocks.forEach((block, blockIndex) => {
    for (const m of block.text.matchAll(CJK_NAME)) {
      const name = m[0];
      if (name.length < 3 || CJK_ANAPHOR.test(name)) continue;
      const tally = tallies.get(name);
      if (tally) tally.total++;
      else
        tallies.set(name, {
          name,
          total: 1,
          alone: 1,
          titled: false,
          first: { blockIndex, start: m.index, end: m.index + name.length },
        });
    }
  });
  return [...tallies.values()]
    .filter((t) => t.total >= minCount)
    .map((t) => ({ name: t.name, aliases: [], reason: 'repeated', ...t.first, occurrences: t.total }));
}
