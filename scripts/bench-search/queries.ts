/**
 * The bench's 50 typical queries, taken from the generated library so each has something to find:
 * names, acronyms, typos, prefixes, two-word phrases, Japanese, Hindi, tags and words deep in a source.
 */
import type { BenchLibrary } from './library';
import { makeRng } from './rng';
import { DEEP_WORDS } from './words';

/** What kind of query it is, for the report. */
export type QueryKind =
  | 'name'
  | 'acronym'
  | 'typo'
  | 'prefix'
  | 'two-word'
  | 'japanese'
  | 'hindi'
  | 'tag'
  | 'deep-word';

export interface BenchQuery {
  kind: QueryKind;
  text: string;
}

/** The word with one letter dropped from its middle, as a hurried reader types it. */
function typo(word: string): string {
  const at = Math.floor(word.length / 2);
  return word.slice(0, at) + word.slice(at + 1);
}

/** 50 queries for the full library (a small one may lack a few names); drawn with the library's seed. */
export function benchQueries(library: BenchLibrary): BenchQuery[] {
  const rng = makeRng(library.seed + 1);
  const { entities } = library;
  const named = (n: number, keep: (e: (typeof entities)[number]) => boolean) =>
    Array.from({ length: n * 20 }, () => rng.pick(entities))
      .filter(keep)
      .filter((e, i, all) => all.indexOf(e) === i)
      .slice(0, n);
  const out: BenchQuery[] = [];
  const add = (kind: QueryKind, texts: readonly string[]) => {
    for (const text of texts) out.push({ kind, text });
  };
  add(
    'name',
    named(10, (e) => !/\d/.test(e.name)).map((e) => e.name),
  );
  add(
    'acronym',
    named(8, (e) => !!e.acronym && !/\s/.test(e.acronym)).map((e) => e.acronym!),
  );
  add(
    'typo',
    named(4, (e) => e.type === 'threat-actor' || e.type === 'government-body').map((e) => {
      const words = e.name.split(' ');
      const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
      return words.map((w) => (w === longest ? typo(w) : w)).join(' ');
    }),
  );
  add('prefix', ['ransomw', 'Typh', 'semicond', 'espion']);
  add('two-word', [
    'ransomware attack',
    'supply-chain compromise',
    'incident reporting',
    'Crimson Typhoon',
    'water operators',
    'data breach',
  ]);
  add('japanese', [
    ...named(3, (e) => !!e.nameJa).map((e) => e.nameJa!),
    'ランサムウェア攻撃',
    '重要インフラ',
    '能動的サイバー防御',
  ]);
  add('hindi', [
    ...named(3, (e) => !!e.nameHi).map((e) => e.nameHi!),
    'रैनसमवेयर हमला',
    'साइबर सुरक्षा',
    'दूरसंचार',
  ]);
  add('tag', ['attribution', 'supply-chain', '要確認']);
  add('deep-word', DEEP_WORDS);
  return out;
}
