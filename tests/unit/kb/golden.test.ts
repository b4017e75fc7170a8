/**
 * The matcher on both source articles against the golden list of every mention of the required entities,
 * made by reading the articles (tests/fixtures/golden-mentions.json). Any missed or extra mention fails.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileKb } from '../../../src/kb/compile';
import { ENTITIES } from '../../../src/kb/entities/index';
import { SOURCES } from '../../../src/kb/sources/index';

interface GoldenMention {
  entityId: string;
  blockIndex: number;
  start: number;
  end: number;
  text: string;
}

const golden = JSON.parse(
  readFileSync(new URL('../../fixtures/golden-mentions.json', import.meta.url), 'utf8'),
) as Record<string, GoldenMention[] | string>;
const REQUIRED = new Set(
  Object.entries(golden)
    .filter(([k]) => k !== '_note')
    .flatMap(([, list]) => (list as GoldenMention[]).map((m) => m.entityId)),
);
const bundle = compileKb(ENTITIES, SOURCES);
const key = (m: GoldenMention): string => `${m.entityId} @${m.blockIndex}:${m.start}-${m.end} ${m.text}`;

describe('matcher on the source articles', () => {
  for (const source of SOURCES) {
    it(`finds exactly the golden mentions of required entities in ${source.id}`, () => {
      const expected = (golden[source.id] as GoldenMention[]).map(key).sort();
      const actual = bundle.mentions
        .filter((m) => m.sourceId === source.id && REQUIRED.has(m.entityId))
        .map(key)
        .sort();
      expect(actual).toEqual(expected);
    });
  }

  it('gives every required entity at least one passage', () => {
    const withPassages = new Set(bundle.passages.map((p) => p.entityId));
    expect([...REQUIRED].filter((id) => !withPassages.has(id))).toEqual([]);
  });

  it('quotes passages verbatim from their source blocks, each holding its mentions', () => {
    for (const p of bundle.passages) {
      const block = SOURCES.find((s) => s.id === p.sourceId)?.blocks[p.blockIndex];
      expect(block?.text.slice(p.start, p.end)).toBe(p.text);
      expect(p.marks.length).toBeGreaterThan(0);
      for (const [s, e] of p.marks) expect(p.text.slice(s, e).length).toBeGreaterThan(0);
    }
  });

  it('is deterministic: the same input gives the same version', () => {
    expect(compileKb(ENTITIES, SOURCES).version).toBe(bundle.version);
  });
});
