/**
 * What a page pays to get a working matcher: today's `compileMatcher(JSON.parse(aliasesJson))` against
 * `unpackMatcher(JSON.parse(packedJson))` (src/shared/matcher/packed.ts), each with the first scan of a
 * page, for the built-in knowledge base and generated ones of 1,000 and 5,000 entities (about four aliases
 * each: names, case-sensitive acronyms, katakana, kanji and Devanagari names, some with cue rules).
 *
 *   npx tsx scripts/bench-matcher.ts
 *
 * Every run is a fresh Node process, as every page load is a fresh JavaScript context: nothing compiled by
 * the JIT yet, no regular expression cached (in one process the second matcher would reuse the regular
 * expressions the first compiled, and pay for the first one's garbage). Runs of a and b alternate which goes
 * first so that load from other processes hits both alike; every figure is the median of 15 runs. Not a
 * test: it checks only that both matchers find the same number of matches. Also reports the automaton's
 * memory (typed arrays) before and after scanning the page, computed from array sizes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { aliasSpecs } from '../src/kb/compile';
import { ENTITIES } from '../src/kb/entities/index';
import {
  automatonFootprint,
  automatonFromTables,
  buildAutomatonTables,
} from '../src/shared/matcher/automaton';
import { aliasPatterns, compileMatcher, type Matcher } from '../src/shared/matcher/matcher';
import { decodeVlq, type PackedMatcher, packMatcher, unpackMatcher } from '../src/shared/matcher/packed';
import type { AliasSpec } from '../src/shared/protocol';
import { seededRandom as random } from './seeded-random';

const RUNS = 15;

const HEADS = [
  'National',
  'Japan',
  'Indian',
  'Asia',
  'Pacific',
  'Korea',
  'Taiwan',
  'Global',
  'Joint',
  'Federal',
];
const NOUNS = [
  'Cyber',
  'Security',
  'Defense',
  'Information',
  'Technology',
  'Research',
  'Policy',
  'Digital',
  'Space',
  'Intelligence',
  'Telecom',
  'Network',
  'Data',
  'Strategy',
  'Energy',
  'Science',
  'Maritime',
  'Trade',
  'Quantum',
  'Semiconductor',
  'Software',
  'Systems',
  'Signals',
  'Response',
  'Resilience',
  'Infrastructure',
];
const TAILS = [
  'Agency',
  'Institute',
  'Center',
  'Council',
  'Bureau',
  'Ministry',
  'Corporation',
  'Group',
  'Forum',
];
const SYLLABLES = ['ka', 'ta', 'mi', 'ro', 'su', 'ke', 'no', 'ha', 'ri', 'to', 'shi', 'ya', 'ma', 'da', 'ni'];
const KATAKANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';
const KANJI = '国家情報安全保障技術研究所防衛省庁会議機構電子通信総合政策本部局院大学産業開発';
const DEVANAGARI = [
  'क',
  'का',
  'कि',
  'र',
  'रा',
  'म',
  'मा',
  'न',
  'ना',
  'स',
  'सी',
  'त',
  'ता',
  'प',
  'प्र',
  'द',
  'भा',
];
const CUES = ['cyber', 'hackers', 'ministry', 'government', 'espionage', 'security', 'malware', 'defence'];

/** `entities` entities of about four aliases each; deterministic for a given size. */
function generatedAliases(entities: number): AliasSpec[] {
  const r = random(entities);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const run = (n: number, make: () => string): string => Array.from({ length: n }, make).join('');
  const out: AliasSpec[] = [];
  for (let e = 0; e < entities; e++) {
    const entityId = `entity-${e}`;
    const person = r() < 0.3;
    const name = person
      ? `${cap(run(2 + Math.floor(r() * 2), () => pick(SYLLABLES)))} ${cap(run(2 + Math.floor(r() * 3), () => pick(SYLLABLES)))}`
      : [
          pick(HEADS),
          ...Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(NOUNS)),
          pick(TAILS),
        ].join(' ');
    out.push({ text: name, entityId });
    if (person) out.push({ text: name.split(' ').reverse().join(' '), entityId });
    else {
      const acronym = name
        .split(' ')
        .map((w) => w[0])
        .join('');
      const rule = r();
      if (rule < 0.1)
        out.push({ text: acronym, caseSensitive: true, cues: [pick(CUES), pick(CUES)], entityId });
      else if (rule < 0.15)
        out.push({ text: acronym, caseSensitive: true, vetoCues: [pick(CUES)], entityId });
      else if (rule < 0.2) {
        out.push({
          text: acronym,
          caseSensitive: true,
          shoutingNeedsCue: true,
          cues: [pick(CUES)],
          entityId,
        });
      } else out.push({ text: `${acronym}${e % 100}`, caseSensitive: true, entityId });
    }
    out.push({ text: run(3 + Math.floor(r() * 6), () => pick([...KATAKANA])), entityId });
    if (r() < 0.5) out.push({ text: run(3 + Math.floor(r() * 4), () => pick([...KANJI])), entityId });
    else out.push({ text: run(2 + Math.floor(r() * 4), () => pick(DEVANAGARI)), entityId });
  }
  return out;
}

const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);

/**
 * A news page of 60 blocks of 70 words: prose in three scripts (with words that start many aliases, so
 * the scan walks into the trie) and, for about one word in 30, a mention of one of 12 entities, as an
 * article mentions a handful of entities many times.
 */
function pageBlocks(aliases: readonly AliasSpec[]): string[] {
  const r = random(7);
  const ids = [...new Set(aliases.map((a) => a.entityId))];
  const chosen = new Set(Array.from({ length: 12 }, () => ids[Math.floor(r() * ids.length)]));
  const mentions = aliases.filter((a) => chosen.has(a.entityId)).map((a) => a.text);
  const filler = ['the', 'report', 'said', 'on', 'that', 'officials', 'of', 'in', 'and', 'National', 'Cyber'];
  filler.push('Security', 'agency', 'ministry', 'hackers', '政府は', '情報', 'サイバー', 'सरकार', 'ने');
  return Array.from({ length: 60 }, () => {
    const words: string[] = [];
    for (let i = 0; i < 70; i++) {
      words.push(
        r() < 0.033 ? mentions[Math.floor(r() * mentions.length)]! : filler[Math.floor(r() * filler.length)]!,
      );
    }
    return words.join(' ');
  });
}

function scanAll(matcher: Matcher, blocks: readonly string[]): number {
  let n = 0;
  blocks.forEach((text, i) => {
    n += matcher.find(text, { before: blocks[i - 1], after: blocks[i + 1] }).length;
  });
  return n;
}

/** Timings of one run in a fresh process, in ms, and the number of matches found. */
type Sample = Record<string, number>;

/**
 * One run, in a fresh Node process as a page is a fresh JavaScript context: nothing compiled by the JIT,
 * no regular expression cached. Reading the files is not timed.
 */
function child(mode: string, dir: string): void {
  const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
  const blocks = JSON.parse(read('page.json')) as string[];
  const out: Sample = {};
  if (mode === 'a') {
    const json = read('aliases.json');
    const t0 = performance.now();
    const aliases = JSON.parse(json) as AliasSpec[];
    const t1 = performance.now();
    const matcher = compileMatcher(aliases);
    const t2 = performance.now();
    out.found = scanAll(matcher, blocks);
    const t3 = performance.now();
    Object.assign(out, { total: t3 - t0, parse: t1 - t0, build: t2 - t1, scan: t3 - t2 });
  } else if (mode === 'b') {
    const json = read('packed.json');
    const t0 = performance.now();
    const packed = JSON.parse(json) as PackedMatcher;
    const t1 = performance.now();
    const matcher = unpackMatcher(packed);
    const t2 = performance.now();
    out.found = scanAll(matcher, blocks);
    const t3 = performance.now();
    Object.assign(out, { total: t3 - t0, parse: t1 - t0, build: t2 - t1, scan: t3 - t2 });
  } else if (mode === 'c') {
    const aliases = JSON.parse(read('aliases.json')) as AliasSpec[];
    const t0 = performance.now();
    const packed = packMatcher(aliases);
    const t1 = performance.now();
    JSON.stringify(packed);
    const t2 = performance.now();
    Object.assign(out, { total: t2 - t0, pack: t1 - t0, stringify: t2 - t1 });
  } else {
    const packed = JSON.parse(read('packed.json')) as PackedMatcher;
    const t0 = performance.now();
    for (const key of ['childCounts', 'childUnits', 'fail', 'patternStates', 'aliasPatterns'] as const) {
      decodeVlq(packed[key]);
    }
    out.total = performance.now() - t0;
  }
  process.stdout.write(JSON.stringify(out));
}

function runChild(mode: string, dir: string): Sample {
  const args = [...process.execArgv, fileURLToPath(import.meta.url), '--child', mode, dir];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`child ${mode} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Sample;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number): string => `${x.toFixed(1)} ms`.padStart(9);
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`.padStart(8);

/**
 * What the automaton holds in typed arrays, before and after scanning the page: its tables (shipped or
 * built), and on top of them the scanner's own arrays (the root's row, the state-to-row hash,
 * the DFA rows made so far), against what a DFA table for every state would take. Also the growth of
 * `process.memoryUsage().arrayBuffers` over making the automaton, then over the scan (after a full GC each;
 * rough, since V8 frees dead buffers' memory in the background: garbage of earlier steps can land inside).
 */
function memory(aliases: readonly AliasSpec[], blocks: readonly string[]): string {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const buffers = (): number => {
    gc();
    return process.memoryUsage().arrayBuffers;
  };
  const tables = buildAutomatonTables(aliasPatterns(aliases).patterns);
  const b0 = buffers();
  const automaton = automatonFromTables(tables);
  const b1 = buffers();
  const before = automatonFootprint(automaton);
  for (const text of blocks) automaton.scan(text, () => {});
  const b2 = buffers();
  const after = automatonFootprint(automaton);
  const fullTable = before.states * before.columns * 4;
  return (
    `\n  (e) automaton memory: tables ${kb(before.tableBytes)}; scanner ${kb(before.ownBytes)} before the scan,` +
    ` ${kb(after.ownBytes)} after (${after.rows} DFA rows of ${after.states} states, ${kb(after.dfaBytes)});` +
    ` a full DFA table would be ${kb(fullTable)}` +
    `\n      arrayBuffers growth (rough): making the automaton ${kb(b1 - b0)}, the scan ${kb(b2 - b1)}`
  );
}

/** Medians over `RUNS` runs of each mode, a and b alternating which goes first. */
function bench(label: string, entities: number, aliases: AliasSpec[]): void {
  const dir = mkdtempSync(join(tmpdir(), 'bench-matcher-'));
  const json = JSON.stringify(aliases);
  const packed = packMatcher(aliases);
  const packedJson = JSON.stringify(packed);
  writeFileSync(join(dir, 'aliases.json'), json);
  writeFileSync(join(dir, 'packed.json'), packedJson);
  const blocks = pageBlocks(aliases);
  writeFileSync(join(dir, 'page.json'), JSON.stringify(blocks));
  const samples: Record<string, Sample[]> = { a: [], b: [], c: [], d: [], ratio: [] };
  try {
    for (let i = 0; i < RUNS; i++) {
      const order = i % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
      const run: Record<string, Sample> = {};
      for (const mode of [...order, 'c', 'd']) run[mode] = runChild(mode, dir);
      if (run.a!.found !== run.b!.found) throw new Error(`${label}: the matchers disagree`);
      for (const mode of ['a', 'b', 'c', 'd']) samples[mode]!.push(run[mode]!);
      samples.ratio!.push({ total: run.a!.total! / run.b!.total! });
    }
  } finally {
    rmSync(dir, { recursive: true });
  }
  const m = (mode: string, key = 'total'): number => median(samples[mode]!.map((s) => s[key]!));
  console.log(
    `\n${label}: ${entities} entities, ${aliases.length} aliases, ${packed.patterns} patterns, ${packed.states} trie states, ${m('a', 'found')} matches on the page` +
      `\n  (a) compileMatcher(JSON.parse(json)) + first scan ${ms(m('a'))}` +
      `   [parse ${ms(m('a', 'parse'))}, compile ${ms(m('a', 'build'))}, scan ${ms(m('a', 'scan'))}]` +
      `\n  (b) unpackMatcher(JSON.parse(packed)) + first scan${ms(m('b'))}` +
      `   [parse ${ms(m('b', 'parse'))}, unpack  ${ms(m('b', 'build'))}, scan ${ms(m('b', 'scan'))}]` +
      `\n      VLQ decoding alone                             ${ms(m('d'))}` +
      `\n  (c) packMatcher + JSON.stringify, once per KB      ${ms(m('c'))}` +
      `   [pack  ${ms(m('c', 'pack'))}, stringify ${ms(m('c', 'stringify'))}]` +
      `\n  (d) payload: aliases JSON ${kb(Buffer.byteLength(json))}, packed JSON ${kb(Buffer.byteLength(packedJson))}` +
      `\n  a/b ${(m('a') / m('b')).toFixed(1)}x; without the scan, which both share: ` +
      `${((m('a', 'parse') + m('a', 'build')) / (m('b', 'parse') + m('b', 'build'))).toFixed(1)}x` +
      ` (median of per-run a/b ratios ${m('ratio').toFixed(1)}x)` +
      memory(aliases, blocks),
  );
}

if (process.argv[2] === '--child') child(process.argv[3]!, process.argv[4]!);
else {
  console.log(
    `medians of ${RUNS} runs, each in a fresh Node process (cold, as on a page load); ` +
      'page: 60 blocks of 70 words, 1 word in 30 a mention of one of 12 entities',
  );
  bench('built-in KB', ENTITIES.length, aliasSpecs(ENTITIES));
  bench('generated, built-in size', ENTITIES.length, generatedAliases(ENTITIES.length));
  for (const size of [1000, 5000]) bench(`generated ${size}`, size, generatedAliases(size));
}
