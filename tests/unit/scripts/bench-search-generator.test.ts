/**
 * The search bench's generated library (scripts/bench-search/): the same seed gives the same library, the
 * sizes and language mix are those issue 14 names, and the files it is imported from pass the real
 * parsers within their limits.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { glossaryFiles, noteFiles } from '../../../scripts/bench-search/files';
import { type BenchLibrary, generateLibrary } from '../../../scripts/bench-search/library';
import { benchQueries } from '../../../scripts/bench-search/queries';
import { countWords } from '../../../scripts/bench-search/sources';
import { DEEP_WORDS } from '../../../scripts/bench-search/words';
import { MAX_GLOSSARY_BYTES } from '../../../src/shared/kb/glossary-csv';
import { parseGlossaryJson } from '../../../src/shared/kb/glossary-json';
import { MAX_FILE_BYTES } from '../../../src/shared/notes/web-annotation/import-limits';
import { parseAnnotations } from '../../../src/shared/notes/web-annotation/import-parse';
import { utf8ByteLength } from '../../../src/shared/utf8';

const small = { entities: 300, sources: 30, notes: 600 };
const fingerprint = (lib: BenchLibrary): string =>
  JSON.stringify([lib.entities.map((e) => e.aliases), lib.sources.map((s) => s.blocks), lib.notes]);

describe('generateLibrary', () => {
  let full: BenchLibrary;
  beforeAll(() => {
    full = generateLibrary(14);
  }, 60_000);

  it('gives the same library for the same seed and another for another seed', () => {
    expect(fingerprint(generateLibrary(7, small))).toBe(fingerprint(generateLibrary(7, small)));
    expect(fingerprint(generateLibrary(8, small))).not.toBe(fingerprint(generateLibrary(7, small)));
  });

  it('makes 5,000 entities with about 20,000 unique aliases, some Japanese and Hindi', () => {
    expect(full.entities).toHaveLength(5_000);
    const aliases = full.entities.flatMap((e) => e.aliases.map((a) => a.text.toLowerCase()));
    expect(aliases.length).toBeGreaterThanOrEqual(19_000);
    expect(aliases.length).toBeLessThanOrEqual(22_000);
    expect(new Set(aliases).size).toBe(aliases.length);
    expect(new Set(full.entities.map((e) => e.type)).size).toBeGreaterThanOrEqual(6);
    expect(aliases.filter((a) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(a)).length).toBeGreaterThan(300);
    expect(aliases.filter((a) => /[\u0900-\u097f]/.test(a)).length).toBeGreaterThan(300);
  });

  it('makes 500 sources of about 2,000 words, a third each in English, Japanese and Hindi', () => {
    expect(full.sources).toHaveLength(500);
    for (const lang of ['en', 'ja', 'hi'] as const)
      expect(full.sources.filter((s) => s.lang === lang).length).toBeGreaterThanOrEqual(166);
    for (const s of full.sources) {
      const text = s.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
      const words = text.reduce((n, t) => n + countWords(t, s.lang), 0);
      expect(words).toBeGreaterThanOrEqual(2_000);
      expect(words).toBeLessThan(2_100);
    }
    const ja = full.sources.find((s) => s.lang === 'ja')!;
    expect(ja.blocks[0]!.text).toMatch(/[\u3040-\u30ff]/);
    const hi = full.sources.find((s) => s.lang === 'hi')!;
    expect(hi.blocks[0]!.text).toMatch(/[\u0900-\u097f]/);
  });

  it('plants each deep word once, past 80% of an English source', () => {
    for (const word of DEEP_WORDS) {
      const holders = full.sources.filter((s) => s.blocks.some((b) => b.text.includes(word)));
      expect(holders).toHaveLength(1);
      const text = holders[0]!.blocks.map((b) => b.text).join(' ');
      expect(holders[0]!.lang).toBe('en');
      expect(text.indexOf(word) / text.length).toBeGreaterThan(0.75);
    }
  });

  it('makes 10,000 notes: passage notes quoting their source, page notes, tags, Japanese and Hindi', () => {
    expect(full.notes).toHaveLength(10_000);
    const passages = full.notes.filter((n) => n.anchor);
    expect(passages.length).toBeGreaterThan(6_000);
    expect(passages.length).toBeLessThan(7_000);
    const byUrl = new Map(full.sources.map((s) => [s.url, s]));
    for (const n of passages.slice(0, 200)) {
      const source = byUrl.get(n.url)!;
      const { exact, prefix, suffix } = n.anchor!.quote;
      expect(source.blocks.some((b) => b.text.includes(prefix + exact + suffix))).toBe(true);
    }
    expect(full.notes.filter((n) => n.tags.length > 0).length).toBeGreaterThan(4_000);
    expect(full.notes.filter((n) => n.lang === 'ja').length).toBeGreaterThan(1_500);
    expect(full.notes.filter((n) => n.lang === 'hi').length).toBeGreaterThan(1_500);
  });

  it('writes import files that the real parsers take whole, within their limits', async () => {
    const glossary = glossaryFiles(full);
    let entities = 0;
    let sources = 0;
    for (const [i, file] of glossary.entries()) {
      expect(utf8ByteLength(file)).toBeLessThanOrEqual(MAX_GLOSSARY_BYTES);
      const parsed = parseGlossaryJson(file);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
      expect(parsed.conflicts).toEqual([]);
      // The first file is a whole export's kind: every entity and some sources.
      if (i === 0)
        expect([parsed.glossary.entities.length, parsed.glossary.sources.length > 0]).toEqual([5_000, true]);
      entities += parsed.glossary.entities.length;
      sources += parsed.glossary.sources.length;
    }
    expect([entities, sources]).toEqual([5_000, 500]);
    const notes = noteFiles(full);
    let imported = 0;
    for (const file of notes) {
      expect(utf8ByteLength(file)).toBeLessThanOrEqual(MAX_FILE_BYTES);
      const result = await parseAnnotations(file);
      expect(result.skipped).toEqual([]);
      expect(result.changed).toEqual([]);
      imported += result.notes.length;
    }
    expect(imported).toBe(10_000);
  }, 60_000);

  it('has 50 queries of every kind the issue names', () => {
    const queries = benchQueries(full);
    expect(queries).toHaveLength(50);
    expect(new Set(queries.map((q) => q.kind))).toEqual(
      new Set(['name', 'acronym', 'typo', 'prefix', 'two-word', 'japanese', 'hindi', 'tag', 'deep-word']),
    );
    expect(benchQueries(generateLibrary(14))).toEqual(queries);
  }, 60_000);
});
