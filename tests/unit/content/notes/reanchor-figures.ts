/**
 * The re-anchoring figures of docs/notes.md and shared/notes/anchoring/anchor.ts: notes on real saved pages
 * (../shared/pages), then the page text edited the way sites edit it, counting how often each note is
 * found again in the right place, how often a removed passage is wrongly attached elsewhere, and how long
 * anchoring takes. Not a test (the thresholds are judgement calls, read from these numbers); run it by hand:
 *
 *     npx tsx tests/unit/content/notes/reanchor-figures.ts
 *
 * Passages are cut from the sentences of eight pages (four English, four Japanese) at 20 to 250
 * characters, then anchored in the page text unchanged, with 500 characters inserted at the top, and after:
 *  a. the passage was deleted with 40 characters around it (any match is a false one);
 *  b. one word and one punctuation mark of it changed;
 *  c. as (b), and the word beside it on either side changed too;
 *  d. as (b), and all its surrounding text (200 characters either side) replaced;
 *  e. the nearest visible character on either side of it changed and a verbatim copy of it (in other surroundings)
 *     inserted earlier on the page; anchored with its stored offsets (e1) and, as an imported quote and
 *     context without offsets, without them (e2). Found means the original, not the copy.
 * Everything is deterministic: the same pages give the same figures. Each case anchors one note in a
 * text of its own, so every call pays for what is done once per page text (finding the characters outside
 * the BMP for code-point offsets); the closing lines time the way the content script works instead: 50
 * notes of 30 to 600 characters on the largest page, all anchored in one text per case.
 */
import { join } from 'node:path';
import { TextMap } from '../../../../src/content/notes/text-map';
import { anchorInText } from '../../../../src/shared/notes/anchoring/anchor';
import { describeText } from '../../../../src/shared/notes/anchoring/describe';
import type { NoteAnchor } from '../../../../src/shared/notes/note-types';
import { isPresent, SHARED_PAGES } from '../../../shared-folder';
import { loadSavedPage } from '../../shared/matcher/corpus-scan';

const PAGES = [
  'readability__wikipedia-2.html',
  'readability__bbc-1.html',
  'fundus__us_Wired_2024_04_28.html',
  'fundus__us_Reuters_2024_03_07.html',
  'fundus__jp_AsahiShimbun_2025_01_13.html',
  'newspaper4k__japanese_article.html',
  'postlight__sect.iij.ad.jp.html',
  'postlight__www.publickey1.jp.html',
];

const LENGTHS = [20, 30, 45, 70, 120, 250];
/** Passages per page and length, spread evenly over the page's sentences. */
const PER_LENGTH = 16;

interface Passage {
  page: string;
  text: string;
  start: number;
  end: number;
  length: number;
}

/** The page text as the content script maps it. */
async function pageText(name: string): Promise<string> {
  const window = loadSavedPage(join(SHARED_PAGES, name));
  try {
    return new TextMap(window.document.body as unknown as Node, (el) => el.localName === 'gloss-ui').text;
  } finally {
    await window.happyDOM.close();
  }
}

const CJK = /[\u3040-\u30ff\u4e00-\u9fff]/;
const isCjk = (s: string): boolean => CJK.test(s);

/** Sentence starts in prose: after sentence punctuation, at a letter, followed by a long enough run. */
function passagesOf(page: string, text: string): Passage[] {
  const starts: number[] = [];
  for (const m of text.matchAll(/(?:^|[.!?。！？]\s*|\n\s*)([A-Z\u3040-\u30ff\u4e00-\u9fff])/g)) {
    starts.push(m.index + m[0].length - m[1]!.length);
  }
  const found: Passage[] = [];
  for (const length of LENGTHS) {
    const fits = starts.filter((s) => {
      const run = text.slice(s, s + length + 12);
      // Prose: no line breaks, tabs or runs of spaces inside, and letters rather than digits and symbols.
      if (run.length < length + 12 || /[\n\t]|\s{3}/.test(run)) return false;
      const letters = run.match(/[\p{L}]/gu)?.length ?? 0;
      return letters > run.length * 0.7;
    });
    const step = Math.max(1, Math.floor(fits.length / PER_LENGTH));
    for (
      let i = 0;
      i < fits.length && found.filter((p) => p.length === length).length < PER_LENGTH;
      i += step
    ) {
      const start = fits[i]!;
      let end = start + length;
      if (!isCjk(text.slice(start, end))) {
        // End at a word's end in space-separated text.
        while (end < start + length + 12 && /\p{L}/u.test(text[end] ?? '')) end += 1;
      }
      const quote = text.slice(start, end);
      if (text.indexOf(quote) !== start || text.lastIndexOf(quote) !== start) continue;
      found.push({ page, text, start, end, length });
    }
  }
  return found;
}

/** Changes the middle word (two characters in Japanese) and one punctuation mark of `s`. */
function editPassage(s: string): string {
  let out: string;
  if (isCjk(s)) {
    const mid = Math.floor(s.length / 2);
    out = `${s.slice(0, mid)}変更${s.slice(mid + 2)}`;
  } else {
    const words = [...s.matchAll(/\p{L}{3,}/gu)];
    const word = words[Math.floor(words.length / 2)];
    out = word ? `${s.slice(0, word.index)}other${s.slice(word.index + word[0].length)}` : `x${s.slice(1)}`;
  }
  const punct = out.search(/[,.;:、。]/);
  if (punct >= 0) return `${out.slice(0, punct)}${isCjk(out) ? '・' : ';'}${out.slice(punct + 1)}`;
  const space = out.indexOf(' ');
  return space >= 0 ? `${out.slice(0, space)},${out.slice(space)}` : `${out.slice(0, 1)}、${out.slice(1)}`;
}

/** The word (or two CJK characters) of `text` nearest `at` on one side, replaced. */
function editBeside(text: string, at: number, side: 'before' | 'after'): string {
  if (side === 'before') {
    const head = text.slice(0, at);
    const m = /(\p{L}+)(\P{L}*)$/u.exec(head);
    if (!m) return text;
    const from = m.index;
    const word = m[1]!;
    const sub = isCjk(word) ? '変更'.slice(0, Math.min(2, word.length)) : 'other';
    const keep = isCjk(word) ? word.slice(0, Math.max(0, word.length - 2)) : '';
    return `${text.slice(0, from)}${keep}${sub}${m[2]}${text.slice(at)}`;
  }
  const tail = text.slice(at);
  const m = /^(\P{L}*)(\p{L}+)/u.exec(tail);
  if (!m) return text;
  const word = m[2]!;
  const sub = isCjk(word) ? '変更'.slice(0, Math.min(2, word.length)) : 'other';
  const keep = isCjk(word) ? word.slice(Math.min(2, word.length)) : '';
  return `${text.slice(0, at)}${m[1]}${sub}${keep}${text.slice(at + m[0].length)}`;
}

/** Another visible character in place of `c`. */
function otherChar(c: string): string {
  if (isCjk(c)) return c === 'の' ? 'が' : 'の';
  return c === 'x' ? 'y' : 'x';
}

interface Tally {
  total: number;
  right: number;
  wrong: number;
  ms: number;
}

const tallies = new Map<string, Tally>();
function count(scenario: string, length: number, outcome: 'right' | 'wrong' | 'none', ms: number): void {
  for (const key of [`${scenario} ${length}`, `${scenario} all`]) {
    const t = tallies.get(key) ?? { total: 0, right: 0, wrong: 0, ms: 0 };
    t.total += 1;
    if (outcome === 'right') t.right += 1;
    if (outcome === 'wrong') t.wrong += 1;
    t.ms += ms;
    tallies.set(key, t);
  }
}

function timed(text: string, anchor: NoteAnchor): { match: ReturnType<typeof anchorInText>; ms: number } {
  const t0 = performance.now();
  const match = anchorInText(text, anchor);
  return { match, ms: performance.now() - t0 };
}

/** Whether `match` covers at least half of `start..end` and reaches little beyond it. */
function fits(match: { start: number; end: number } | null, start: number, end: number): boolean {
  if (!match) return false;
  const overlap = Math.min(match.end, end) - Math.max(match.start, start);
  return overlap >= (end - start) / 2 && match.end - match.start <= 1.5 * (end - start) + 2;
}

function run(p: Passage): void {
  const { text, start, end, length } = p;
  const anchor = describeText(text, start, end);
  const quote = text.slice(start, end);

  // The page unchanged, and with 500 characters inserted at the top (the everyday cases, for the time).
  {
    const { match, ms } = timed(text, anchor);
    count(
      'unchanged',
      length,
      match?.start === start && match.end === end ? 'right' : match ? 'wrong' : 'none',
      ms,
    );
    const inserted = 'Update: '.padEnd(500, 'x');
    const moved = timed(inserted + text, anchor);
    const s = start + inserted.length;
    count(
      'inserted above',
      length,
      moved.match?.start === s ? 'right' : moved.match ? 'wrong' : 'none',
      moved.ms,
    );
  }
  // a. Deleted with 40 characters around.
  {
    const page = text.slice(0, Math.max(0, start - 40)) + text.slice(end + 40);
    const { match, ms } = timed(page, anchor);
    count('a deleted', length, match ? 'wrong' : 'none', ms);
  }
  // b. One word and one punctuation mark changed.
  const edited = editPassage(quote);
  {
    const page = text.slice(0, start) + edited + text.slice(end);
    const { match, ms } = timed(page, anchor);
    count(
      'b edited',
      length,
      fits(match, start, start + edited.length) ? 'right' : match ? 'wrong' : 'none',
      ms,
    );
  }
  // c. As b, and the word beside it on either side.
  {
    const after = editBeside(text.slice(end), 0, 'after');
    const before = editBeside(text.slice(0, start), start, 'before');
    const page = before + edited + after;
    const s = before.length;
    const { match, ms } = timed(page, anchor);
    count(
      'c edited+beside',
      length,
      fits(match, s, s + edited.length) ? 'right' : match ? 'wrong' : 'none',
      ms,
    );
  }
  // d. As b, with 200 characters either side replaced by text from elsewhere on the page.
  {
    const from = Math.max(0, start - 200);
    const to = Math.min(text.length, end + 200);
    const filler = (n: number, at: number) => text.slice(at, at + n).padEnd(n, ' ');
    const elsewhere = (start + Math.floor(text.length / 2)) % Math.max(1, text.length - 500);
    const page =
      text.slice(0, from) +
      filler(start - from, elsewhere) +
      edited +
      filler(to - end, elsewhere + 250) +
      text.slice(to);
    const { match, ms } = timed(page, anchor);
    count(
      'd edited+surroundings',
      length,
      fits(match, start, start + edited.length) ? 'right' : match ? 'wrong' : 'none',
      ms,
    );
  }
  // e. The nearest visible character on either side changed, and a verbatim copy inserted earlier.
  {
    let before = start - 1;
    while (before > 0 && /\s/.test(text[before]!)) before -= 1;
    let after = end;
    while (after < text.length - 1 && /\s/.test(text[after]!)) after += 1;
    const changed =
      text.slice(0, before) +
      otherChar(text[before]!) +
      text.slice(before + 1, after) +
      otherChar(text[after] ?? ' ') +
      text.slice(after + 1);
    // The copy goes in at a sentence end well before the passage (or at the very start).
    const at = Math.max(0, text.lastIndexOf('. ', Math.max(0, start - 400)) + 2);
    const copy = `Elsewhere: ${quote} (see below). `;
    const page = changed.slice(0, at) + copy + changed.slice(at);
    const s = start + copy.length;
    for (const [scenario, a] of [
      ['e1 copy, offsets', anchor],
      ['e2 copy, no offsets', { quote: anchor.quote }],
    ] as const) {
      const { match, ms } = timed(page, a);
      count(scenario, length, match?.start === s ? 'right' : match ? 'wrong' : 'none', ms);
    }
  }
}

/** 50 notes on the largest page, anchored all in one text: unchanged, moved, edited in place, deleted. */
function timePage(text: string): void {
  const notes: Array<{ anchor: NoteAnchor; start: number; end: number }> = [];
  const sentences = [...text.matchAll(/[A-Z][^.\n]{28,600}\./g)].filter((m) => m.index > 1000);
  const step = Math.floor(sentences.length / 50);
  for (let i = 0; notes.length < 50 && i < sentences.length; i += step) {
    const m = sentences[i]!;
    if (text.indexOf(m[0]) !== m.index) continue;
    notes.push({
      anchor: describeText(text, m.index, m.index + m[0].length),
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  const edit = (t: string, n: { start: number; end: number }, replace: (quote: string) => string) =>
    t.slice(0, n.start) + replace(t.slice(n.start, n.end)) + t.slice(n.end);
  const cases: Array<[string, string]> = [
    ['unchanged', text],
    ['500 characters inserted at the top', 'Update: '.padEnd(500, 'x') + text],
    ['every passage edited in place', [...notes].reverse().reduce((t, n) => edit(t, n, editPassage), text)],
    ['every passage deleted', [...notes].reverse().reduce((t, n) => edit(t, n, () => ''), text)],
  ];
  for (const [name, page] of cases) {
    let best = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 5; round += 1) {
      const t0 = performance.now();
      for (const n of notes) anchorInText(page, n.anchor);
      best = Math.min(best, performance.now() - t0);
    }
    console.log(`  ${name}: ${best.toFixed(1)} ms`);
  }
}

async function main(): Promise<void> {
  if (!isPresent(SHARED_PAGES)) {
    console.log(`${SHARED_PAGES} is absent: nothing to measure.`);
    return;
  }
  const passages: Passage[] = [];
  for (const page of PAGES) {
    const found = passagesOf(page, await pageText(page));
    console.log(`${page}: ${found.length} passages`);
    passages.push(...found);
  }
  console.log(`${passages.length} passages on ${PAGES.length} pages\n`);
  for (const p of passages) run(p);

  const scenarios = [...new Set([...tallies.keys()].map((k) => k.slice(0, k.lastIndexOf(' '))))];
  const pct = (n: number, d: number) => `${Math.round((100 * n) / Math.max(1, d))}%`.padStart(5);
  console.log(
    `${'scenario'.padEnd(24)}${LENGTHS.map((l) => String(l).padStart(7)).join('')}     all    wrong     ms`,
  );
  for (const s of scenarios) {
    const all = tallies.get(`${s} all`)!;
    const isDeleted = s.startsWith('a ');
    const cells = LENGTHS.map((l) => {
      const t = tallies.get(`${s} ${l}`);
      return (t ? pct(isDeleted ? t.wrong : t.right, t.total) : '    -').padStart(7);
    });
    console.log(
      `${s.padEnd(24)}${cells.join('')}  ${pct(isDeleted ? all.wrong : all.right, all.total)}  ${pct(all.wrong, all.total)}  ${all.ms.toFixed(0).padStart(5)}`,
    );
  }
  const totalMs = [...tallies.entries()]
    .filter(([k]) => k.endsWith(' all'))
    .reduce((n, [, t]) => n + t.ms, 0);
  console.log(
    `\nFigures: share found in the right place (for a: share wrongly matched); wrong: matched elsewhere. Anchoring time in all: ${totalMs.toFixed(0)} ms`,
  );
  console.log(`\n50 notes on ${PAGES[0]}, all anchored in one text (best of 5):`);
  timePage(passages.find((p) => p.page === PAGES[0])!.text);
}

await main();
