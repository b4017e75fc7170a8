/**
 * The packed matcher (compiled once in the background, shipped to pages as JSON) must find exactly what
 * `compileMatcher` finds: same entities, offsets and alias indices, on the built-in knowledge base over the
 * project's pages, the source articles, the real-page corpus and the rule traps, and on a generated
 * knowledge base of 20,000 aliases in four scripts with cue rules.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom as random } from '../../../../scripts/seeded-random';
import { aliasSpecs } from '../../../../src/kb/compile';
import { ENTITIES } from '../../../../src/kb/entities/index';
import { SOURCES } from '../../../../src/kb/sources/index';
import {
  automatonFromTables,
  buildAutomaton,
  buildAutomatonTables,
} from '../../../../src/shared/matcher/automaton';
import { foldString } from '../../../../src/shared/matcher/fold';
import { compileMatcher, type Matcher } from '../../../../src/shared/matcher/matcher';
import {
  decodeVlq,
  encodeVlq,
  PACKED_MATCHER_FORMAT,
  type PackedMatcher,
  packMatcher,
  unpackMatcher,
} from '../../../../src/shared/matcher/packed';
import type { AliasSpec } from '../../../../src/shared/protocol';
import { needsShared, SHARED_PAGES } from '../../../shared-folder';
import { pageBlocks } from './corpus-scan';

/** What a page receives: the packed form after a trip through JSON, as Chrome's messaging does. */
const shipped = (aliases: readonly AliasSpec[]): Matcher =>
  unpackMatcher(JSON.parse(JSON.stringify(packMatcher(aliases))) as PackedMatcher);

/** Runs both matchers over blocks (each with its neighbours) and returns how many matches they agreed on. */
function expectSameMatches(compiled: Matcher, unpacked: Matcher, blocks: readonly string[]): number {
  let count = 0;
  blocks.forEach((text, i) => {
    const near = { before: blocks[i - 1], after: blocks[i + 1] };
    const expected = compiled.find(text, near);
    expect(unpacked.find(text, near), text.slice(0, 80)).toEqual(expected);
    count += expected.length;
  });
  return count;
}

/** Whether `value` holds only what JSON carries unchanged: strings, finite numbers, booleans, arrays, plain objects. */
function isJsonSafe(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonSafe);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value).every(isJsonSafe);
  }
  return false;
}

/** The trap texts of rules.test.ts and traps.test.ts, and a few more edge cases. */
const TRAP_TEXTS = [
  'the Basic Exchange and Cooperation Agreement (BECA) and a Cooperation Agreement',
  'Ground  Self\nDefense Force and Japan’s Space Agency',
  'Hua\u00adwei and Hua\u200bwei and ＬＩＮＥ',
  'ZTE, zte and Zte',
  'ONLINE OFFLINE LINE_MAX LINE-1 line.me LINE',
  'メールLINEで贈れる',
  'यह बेकार है; बेका पर हस्ताक्षर',
  'クアッドコアのCPU、クアッド首脳会合',
  '陸上自衛隊と自衛隊',
  'Cicada nymphs emerge after 17 years.',
  'The APT group Cicada, named by Symantec.',
  'Symantec and the Cicada 3301 puzzle',
  'The Japanese company NEC laid the cable.',
  "Labour's NEC met; the Japanese delegation watched.",
  'Quad summit',
  'THE BOTTOM LINE',
  'BOTTOM LINE: the market is calm',
  'Meet us at the FRONT LINE today',
  'NHK reported that LINE users',
  'THERE IS A LINE & that line',
  'NEW: LINE APP LEAK hits messaging users',
  'see https://example.com/banning-huawei-and-zte-5g and mail huawei@example.com or www.huawei.com',
  '警視庁が捜査',
  'भारत और अमेरिका ने बेका पर हस्ताक्षर किए, कॉमकासा पहले हुआ। हुआवेई पर रोक।',
  'यह बेकार है और बेकाबू भी',
  '米朝ホットライン開設、オンライン会議のガイドライン、ラインを越える',
  'LINEで送る',
  'Jetro y su familia llegaron al pueblo.',
  'Jetro, Japan’s trade promotion body, said exports rose.',
  'Data from JETRO show',
  'Quad bike, quad-core, Quad Cities, Quad Level Cell, Made in China',
  '',
  ' ',
  '\u00ad\u200b',
];

const FIXTURES = join(import.meta.dirname, '../../../fixtures/pages');
const corpus = needsShared(SHARED_PAGES, 'packed matcher over the real-page corpus');

describe('packed matcher, built-in knowledge base', () => {
  const aliases = aliasSpecs(ENTITIES);
  const compiled = compileMatcher(aliases);
  const unpacked = shipped(aliases);

  it('is JSON-safe: plain data only, unchanged by a trip through JSON', () => {
    const packed = packMatcher(aliases);
    expect(isJsonSafe(packed)).toBe(true);
    expect(JSON.parse(JSON.stringify(packed))).toStrictEqual(packed);
    expect(packed.format).toBe(PACKED_MATCHER_FORMAT);
  });

  it('carries the alias specs', () => {
    expect(unpacked.aliases).toEqual(aliases);
  });

  it('finds the same matches on the trap texts', () => {
    expect(expectSameMatches(compiled, unpacked, TRAP_TEXTS)).toBeGreaterThan(20);
  });

  it("finds the same matches on the project's pages and the source articles", () => {
    const blocks = [
      ...pageBlocks(join(FIXTURES, 'news-article.html')),
      ...pageBlocks(join(FIXTURES, 'news-article-ja.html')),
    ];
    expect(expectSameMatches(compiled, unpacked, blocks)).toBeGreaterThan(25);
    let inSources = 0;
    for (const source of SOURCES) {
      inSources += expectSameMatches(
        compiled,
        unpacked,
        source.blocks.map((b) => b.text),
      );
    }
    expect(inSources).toBeGreaterThan(50);
  });
});

describe.skipIf(corpus.isAbsent)(corpus.title, () => {
  const aliases = aliasSpecs(ENTITIES);
  const compiled = compileMatcher(aliases);
  const unpacked = shipped(aliases);
  const pages = corpus.isAbsent
    ? []
    : readdirSync(SHARED_PAGES).filter((f) => /\.(html|md)$/.test(f) && f !== 'SOURCES.md');

  it.each(pages)('finds the same matches on %s', (page) => {
    expectSameMatches(compiled, unpacked, pageBlocks(join(SHARED_PAGES, page)));
  });
});

const WORDS = ['National', 'Cyber', 'Security', 'Defense', 'Research', 'Digital', 'Space', 'Data', 'Trade'];
const TAILS = ['Agency', 'Institute', 'Center', 'Council', 'Ministry', 'Group'];
const KATAKANA = [...'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモラリルレロン'];
const KANJI = [...'国家情報安全保障技術研究所防衛省庁会議機構電子通信'];
const DEVANAGARI = ['क', 'का', 'कि', 'र', 'रा', 'म', 'न', 'स', 'सी', 'त', 'प्र', 'भा'];
const CUES = ['cyber', 'hackers', 'ministry', 'espionage', 'malware'];

/** 5,000 entities of four aliases each: a Latin name, an acronym (some with cue rules), katakana, kanji or Hindi. */
function generatedAliases(r: () => number): AliasSpec[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const run = (min: number, spread: number, make: () => string): string =>
    Array.from({ length: min + Math.floor(r() * spread) }, make).join('');
  const out: AliasSpec[] = [];
  for (let e = 0; e < 5000; e++) {
    const entityId = `e${e}`;
    const words = [
      pick(WORDS),
      ...Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(WORDS)),
      pick(TAILS),
    ];
    out.push({ text: words.join(r() < 0.1 ? '-' : ' '), entityId });
    const acronym = words.map((w) => w[0]).join('') + (r() < 0.5 ? '' : String(e % 50));
    const rule = r();
    if (rule < 0.1) out.push({ text: acronym, caseSensitive: true, cues: [pick(CUES)], entityId });
    else if (rule < 0.15) out.push({ text: acronym, caseSensitive: true, vetoCues: [pick(CUES)], entityId });
    else if (rule < 0.2) {
      out.push({ text: acronym, caseSensitive: true, shoutingNeedsCue: true, cues: [pick(CUES)], entityId });
    } else if (rule < 0.22)
      out.push({ text: acronym, rejectAfter: '\\s*\\d', rejectBefore: 'the\\s$', entityId });
    else out.push({ text: acronym, caseSensitive: true, entityId });
    out.push({ text: run(3, 5, () => pick(KATAKANA)), entityId });
    out.push(
      r() < 0.5
        ? { text: run(3, 3, () => pick(KANJI)), entityId }
        : { text: run(2, 3, () => pick(DEVANAGARI)), entityId },
    );
  }
  return out;
}

/** Texts that mention aliases as written, in other cases, glued to neighbours, in URLs, near cues, shouted. */
function generatedTexts(aliases: readonly AliasSpec[], r: () => number, count: number): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const filler = [
    'the',
    'said',
    'on',
    'officials',
    'in',
    'and',
    'THE',
    'REPORT',
    '政府は',
    'सरकार',
    'and the',
  ];
  const variant = (text: string): string => {
    const v = r();
    if (v < 0.4) return text;
    if (v < 0.5) return text.toUpperCase();
    if (v < 0.6) return text.toLowerCase();
    if (v < 0.65) return `x${text}`;
    if (v < 0.7) return `${text}s`;
    if (v < 0.75) return `${pick(KATAKANA)}${text}${pick(KATAKANA)}`;
    if (v < 0.8) return `${text}${pick(DEVANAGARI)}`;
    if (v < 0.85) return `https://example.com/${text}/page`;
    if (v < 0.9) return text.replace(/ /g, '\u00a0').replace(/a/g, 'a\u00ad');
    if (v < 0.95) return `${text}-1`;
    return `${text} ${pick(CUES)}`;
  };
  return Array.from({ length: count }, () => {
    const parts: string[] = [];
    for (let i = 0; i < 40; i++) parts.push(r() < 0.3 ? variant(pick(aliases).text) : pick(filler));
    if (r() < 0.5) parts.push(pick(CUES));
    return parts.join(r() < 0.8 ? ' ' : '');
  });
}

describe('packed matcher, generated knowledge base of 20,000 aliases', () => {
  const r = random(20_000);
  const aliases = generatedAliases(r);
  const packed = packMatcher(aliases);
  const compiled = compileMatcher(aliases);
  const unpacked = unpackMatcher(JSON.parse(JSON.stringify(packed)) as PackedMatcher);

  it('is JSON-safe and carries the alias specs', () => {
    expect(aliases).toHaveLength(20_000);
    expect(isJsonSafe(packed)).toBe(true);
    expect(JSON.parse(JSON.stringify(packed))).toStrictEqual(packed);
    expect(unpacked.aliases).toEqual(aliases);
    expect(packed.patterns).toBeLessThan(aliases.length); // some acronyms are shared, as in real KBs
  });

  it('finds the same matches on generated texts in four scripts', () => {
    const texts = generatedTexts(aliases, r, 600);
    expect(expectSameMatches(compiled, unpacked, texts)).toBeGreaterThan(2000);
  });

  it('finds the same matches on the project pages and the trap texts', () => {
    const blocks = [...TRAP_TEXTS, ...pageBlocks(join(FIXTURES, 'news-article.html'))];
    expectSameMatches(compiled, unpacked, blocks);
  });
});

describe('packed matcher edge cases', () => {
  it('packs no aliases, and rejects an empty alias as compileMatcher does', () => {
    expect(shipped([]).find('anything')).toEqual([]);
    expect(() => packMatcher([{ entityId: 'x', text: ' \u00ad ' }])).toThrow(/empty alias for x/);
  });

  it('keeps duplicate aliases, shared patterns and explicit rule values', () => {
    const aliases: AliasSpec[] = [
      { entityId: 'a', text: 'LINE', caseSensitive: true },
      { entityId: 'b', text: 'Line', caseSensitive: false, cues: ['rail'] },
      { entityId: 'a', text: 'line' },
      { entityId: 'c', text: 'L I N E' },
      { entityId: 'a', text: 'LINE', caseSensitive: true },
    ];
    const unpacked = shipped(aliases);
    expect(unpacked.aliases).toEqual(aliases);
    const text = 'LINE, Line rail, line, L I N E and L-I-N-E';
    expect(unpacked.find(text)).toEqual(compileMatcher(aliases).find(text));
  });

  it('scans the same with an automaton rebuilt from its tables as with buildAutomaton', () => {
    const patterns = [...new Set(aliasSpecs(ENTITIES).map((a) => foldString(a.text)))];
    const hits = (
      scan: (text: string, onHit: (p: number, s: number, e: number) => void) => void,
    ): string[] => {
      const out: string[] = [];
      for (const text of TRAP_TEXTS) scan(text, (p, s, e) => out.push(`${p}:${s}-${e}`));
      return out;
    };
    const built = buildAutomaton(patterns);
    const rebuilt = automatonFromTables(buildAutomatonTables(patterns));
    const expected = hits((t, f) => built.scan(t, f));
    expect(expected.length).toBeGreaterThan(20);
    expect(hits((t, f) => rebuilt.scan(t, f))).toEqual(expected);
  });

  it('refuses another format and corrupt tables', () => {
    const packed = packMatcher(aliasSpecs(ENTITIES));
    expect(() => unpackMatcher({ ...packed, format: 'other' } as unknown as PackedMatcher)).toThrow(/format/);
    expect(() => unpackMatcher({ ...packed, fail: packed.childCounts })).toThrow(/corrupt/);
    expect(() => unpackMatcher({ ...packed, childUnits: 'A' })).toThrow(/corrupt/);
    expect(() => unpackMatcher({ ...packed, texts: packed.texts.slice(1) })).toThrow(/corrupt/);
    expect(() => unpackMatcher({ ...packed, states: packed.states + 1 })).toThrow(/corrupt/);
  });

  it('encodes integer lists as base64 VLQ and decodes them back, refusing malformed text', () => {
    const values = [0, 1, 31, 32, 1023, 1024, 32_767, 32_768, 65_535, 2 ** 30, 2 ** 31 - 1];
    const text = encodeVlq(values);
    expect(text).toMatch(/^[A-Za-z0-9+/]*$/);
    expect(encodeVlq([0, 31, 32])).toBe('AfgB');
    expect([...decodeVlq(text)]).toEqual(values);
    expect([...decodeVlq('')]).toEqual([]);
    expect(() => encodeVlq([2 ** 31])).toThrow();
    expect(() => encodeVlq([-1])).toThrow();
    expect(() => decodeVlq('g')).toThrow(/corrupt/); // a continuation with nothing after it
    expect(() => decodeVlq('A=')).toThrow(/corrupt/);
    expect(() => decodeVlq('gggggggC')).toThrow(/corrupt/); // above 2^31 - 1
  });
});
