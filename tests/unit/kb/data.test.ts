/** Checks of the knowledge-base data itself: entity ids and aliases, source texts, and the golden mention list. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENTITIES } from '../../../src/kb/entities/index';
import { SOURCES } from '../../../src/kb/sources/index';
import type { AliasRule, SourceMention } from '../../../src/shared/kb-types';
import { needsShared, SHARED_SOURCES } from '../../shared-folder';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** The supplied article texts live beside the repo, not in it; a fresh clone does not have them. */
const supplied = needsShared(SHARED_SOURCES, 'source documents against the supplied texts');

const REQUIRED_IDS = [
  'cicada',
  'line',
  'beca',
  'comcasa',
  'nisc',
  'huawei',
  'zte',
  'nec',
  'mitsubishi-electric',
  'jaxa',
  'quad',
  'un-gge',
  'aist',
  'airc',
  'iit-hyderabad',
  'gsdf',
  'msdf',
  'asdf',
  'sdf',
  'cyber-defense-command',
  'national-police-agency',
  'jetro',
  'kishida',
  'symantec',
  'made-in-china-2025',
  'mofa-japan',
  'mod-japan',
  't22-labs',
  'defense-white-paper',
  'ndpg',
  'foip',
];

/** Generic words that must never be an alias: highlighting them on every page is noise. */
const BANNED_ALIASES = [
  'china',
  'japan',
  'india',
  '5g',
  'ai',
  'cyber',
  'ccp',
  'chinese',
  'japanese',
  '中国',
  '日本',
];

const ids = ENTITIES.map((entity) => entity.id);
const entityById = new Map(ENTITIES.map((entity) => [entity.id, entity]));

/** The alias of `entityId` with exactly this text; fails the test if there is none. */
function alias(entityId: string, text: string): AliasRule {
  const rule = entityById.get(entityId)?.aliases.find((candidate) => candidate.text === text);
  if (!rule) throw new Error(`${entityId} has no alias "${text}"`);
  return rule;
}

/** Whether the rule's rejectBefore rejects a match preceded by `text` (anchored as the matcher does). */
function rejectedBefore(rule: AliasRule, text: string): boolean {
  return rule.rejectBefore !== undefined && new RegExp(`(?:${rule.rejectBefore})$`, 'u').test(text);
}

/** Whether the rule's rejectAfter rejects a match followed by `text` (anchored as the matcher does). */
function rejectedAfter(rule: AliasRule, text: string): boolean {
  return rule.rejectAfter !== undefined && new RegExp(`^(?:${rule.rejectAfter})`, 'u').test(text);
}

describe('entity definitions', () => {
  it('include every required id', () => {
    expect(REQUIRED_IDS.filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('have unique, slug-shaped ids', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('relate only to entities that exist, and never to themselves', () => {
    for (const entity of ENTITIES) {
      for (const related of entity.related) {
        expect(ids, `${entity.id} → ${related}`).toContain(related);
        expect(related).not.toBe(entity.id);
      }
    }
  });

  it('have a name, a short description and at least one alias', () => {
    for (const entity of ENTITIES) {
      expect(entity.name.trim()).not.toBe('');
      expect(entity.description.length, entity.id).toBeGreaterThan(40);
      expect(entity.description.length, entity.id).toBeLessThan(600);
      expect(entity.aliases.length, entity.id).toBeGreaterThan(0);
    }
  });

  it('make no entity of a generic term', () => {
    for (const entity of ENTITIES) {
      for (const rule of entity.aliases) {
        expect(BANNED_ALIASES, `${entity.id}: ${rule.text}`).not.toContain(rule.text.toLowerCase());
      }
    }
  });

  it('have trimmed, non-duplicate aliases with non-empty cue lists', () => {
    for (const entity of ENTITIES) {
      const seen = new Set<string>();
      for (const rule of entity.aliases) {
        expect(rule.text, entity.id).toBe(rule.text.trim());
        const key = rule.caseSensitive ? rule.text : rule.text.toLowerCase();
        expect(seen.has(key), `${entity.id}: duplicate ${rule.text}`).toBe(false);
        seen.add(key);
        if (rule.cues) expect(rule.cues.length, `${entity.id}: ${rule.text}`).toBeGreaterThan(0);
        if (rule.vetoCues) expect(rule.vetoCues.length, `${entity.id}: ${rule.text}`).toBeGreaterThan(0);
      }
    }
  });

  it('write multi-word cues with spaces, since a hyphen in a cue only matches a hyphen', () => {
    for (const entity of ENTITIES) {
      for (const rule of entity.aliases) {
        for (const cue of [...(rule.cues ?? []), ...(rule.vetoCues ?? [])]) {
          expect(cue, `${entity.id}: ${rule.text}`).not.toMatch(/[\p{L}\p{M}]-[\p{L}\p{M}]/u);
        }
      }
    }
  });

  // Compiled with the `u` flag, as the matcher compiles them.
  it('have reject patterns that compile', () => {
    for (const entity of ENTITIES) {
      for (const rule of entity.aliases) {
        if (rule.rejectBefore !== undefined)
          expect(() => new RegExp(`(?:${rule.rejectBefore})$`, 'u')).not.toThrow();
        if (rule.rejectAfter !== undefined)
          expect(() => new RegExp(`^(?:${rule.rejectAfter})`, 'u')).not.toThrow();
      }
    }
  });

  it('link only over https', () => {
    for (const entity of ENTITIES)
      for (const link of entity.links ?? []) expect(link.url).toMatch(/^https:\/\//);
  });
});

describe('trap rules in the data', () => {
  it('keep "LINE" and "Line" away from malware names and named lines', () => {
    expect(rejectedAfter(alias('line', 'LINE'), ' Runner implant')).toBe(true);
    expect(rejectedAfter(alias('line', 'LINE'), ' revealed that')).toBe(false);
    expect(alias('line', 'LINE').shoutingNeedsCue).toBe(true);
    expect(alias('line', 'Line').cues).toContain('messaging');
    expect(rejectedAfter(alias('line', 'Line'), ' Dancer backdoor')).toBe(true);
    expect(rejectedAfter(alias('line', 'Line'), ' of Actual Control')).toBe(true);
    expect(rejectedBefore(alias('line', 'Line'), 'along the McMahon ')).toBe(true);
    expect(rejectedBefore(alias('line', 'Line'), 'the Nine-Dash ')).toBe(true);
    expect(rejectedBefore(alias('line', 'Line'), 'messaging app ')).toBe(false);
    expect(rejectedBefore(alias('line', 'Line'), 'Naver’s ')).toBe(false);
    expect(entityById.get('line')?.aliases.some((rule) => rule.text.includes('ライン'))).toBe(false);
  });

  it('need a cyber cue for "Cicada" and reject Cicada 3301', () => {
    const cicada = alias('cicada', 'Cicada');
    expect(cicada.caseSensitive).toBe(true);
    expect(cicada.cues).toEqual(expect.arrayContaining(['APT10', 'Symantec', 'espionage']));
    expect(rejectedAfter(cicada, ' 3301 puzzle')).toBe(true);
    expect(rejectedAfter(cicada, ',” which was uncovered')).toBe(false);
  });

  it('keep "Quad" away from bikes, cores and Quad Cities, but not from Quad-Plus', () => {
    const quad = alias('quad', 'Quad');
    for (const after of [' bike thief', ' Cities', ' Level Cell', '-core CPU', ' 9 resolver']) {
      expect(rejectedAfter(quad, after), after).toBe(true);
    }
    expect(rejectedAfter(quad, ' nations and')).toBe(false);
    expect(rejectedAfter(quad, '-Plus meeting')).toBe(false);
    expect(rejectedAfter(alias('quad', 'クアッド'), '・コア')).toBe(true);
  });

  it('give NEC, SDF and NPA vetoes for their namesakes', () => {
    expect(alias('nec', 'NEC').vetoCues).toEqual(expect.arrayContaining(['Labour', 'Nijmegen']));
    expect(alias('sdf', 'SDF').vetoCues).toEqual(expect.arrayContaining(['Syria', 'Kurdish', 'Raqqa']));
    expect(alias('national-police-agency', 'NPA').vetoCues).toEqual(
      expect.arrayContaining(["New People's Army", 'Philippines']),
    );
  });

  it('read a ministry as Japan’s only when no other country owns it', () => {
    const mod = alias('mod-japan', 'Ministry of Defence');
    expect(rejectedBefore(mod, 'said India’s ')).toBe(true);
    expect(rejectedBefore(mod, 'the U.S. ')).toBe(true);
    expect(rejectedBefore(mod, 'the Chinese ')).toBe(true);
    expect(rejectedBefore(mod, 'highlighted by Japan’s ')).toBe(false);
    expect(rejectedAfter(mod, ' of the Russian Federation')).toBe(true);
    expect(rejectedAfter(alias('mofa-japan', 'Ministry of Foreign Affairs'), ', and National')).toBe(false);
    expect(rejectedBefore(alias('mofa-japan', '外務省'), '中国')).toBe(true);
    expect(rejectedBefore(alias('mofa-japan', '外務省'), '日本の')).toBe(false);
  });

  it('tell 警察庁 from 警察庁舎, and 警視庁 is not an alias', () => {
    expect(rejectedAfter(alias('national-police-agency', '警察庁'), '舎の建て替え')).toBe(true);
    expect(ENTITIES.some((entity) => entity.aliases.some((rule) => rule.text === '警視庁'))).toBe(false);
  });

  it('require a year after "Defense of Japan"', () => {
    const title = alias('defense-white-paper', 'Defense of Japan');
    expect(rejectedAfter(title, ' 2020 says')).toBe(false);
    expect(rejectedAfter(title, ' and the alliance')).toBe(true);
  });

  it('require the year in "Made in China 2025" and "BECA" in capitals', () => {
    expect(entityById.get('made-in-china-2025')?.aliases.every((rule) => rule.text.includes('2025'))).toBe(
      true,
    );
    expect(alias('beca', 'BECA').caseSensitive).toBe(true);
    expect(alias('beca', 'BECA').shoutingNeedsCue).toBe(true);
  });
});

describe('source documents', () => {
  it('are the two articles, each ending in one bio block', () => {
    expect(SOURCES.map((source) => source.id)).toEqual([
      'india-japan-cyber-cooperation',
      'japan-cybersecurity-posture-china',
    ]);
    for (const source of SOURCES) {
      expect(source.publication).toBe('The Diplomat');
      expect(source.blocks.filter((block) => block.kind === 'bio')).toHaveLength(1);
      expect(source.blocks.at(-1)?.kind).toBe('bio');
    }
  });

  it('contain no page furniture', () => {
    const furniture = ['Recent Features', 'Credit: Flickr', 'Want to read more?', 'Subscribe', 'The Authors'];
    for (const source of SOURCES) {
      for (const block of source.blocks) {
        for (const bit of furniture) expect(block.text, source.id).not.toContain(bit);
        expect(block.text).not.toBe(source.title);
      }
    }
  });
});

describe.skipIf(supplied.isAbsent)(supplied.title, () => {
  it('quote the supplied texts verbatim', () => {
    for (const source of SOURCES) {
      const original = readFileSync(resolve(SHARED_SOURCES, `${source.id}.txt`), 'utf8');
      for (const [index, block] of source.blocks.entries()) {
        expect(original.includes(block.text), `${source.id} block ${index}`).toBe(true);
      }
      for (const meta of [source.title, source.subtitle ?? '']) expect(original).toContain(meta);
    }
  });
});

describe('golden mentions', () => {
  const golden = JSON.parse(
    readFileSync(resolve(REPO_ROOT, 'tests/fixtures/golden-mentions.json'), 'utf8'),
  ) as Record<string, SourceMention[] | string>;

  it('cover exactly the sources, with a note', () => {
    expect(Object.keys(golden).sort()).toEqual(['_note', ...SOURCES.map((source) => source.id)].sort());
  });

  it('match the block text, name required entities and are sorted', () => {
    for (const source of SOURCES) {
      const mentions = golden[source.id] as SourceMention[];
      expect(mentions.length).toBeGreaterThan(0);
      for (const mention of mentions) {
        expect(REQUIRED_IDS).toContain(mention.entityId);
        const block = source.blocks[mention.blockIndex];
        expect(block, `${source.id} block ${mention.blockIndex}`).toBeDefined();
        expect(block?.text.slice(mention.start, mention.end)).toBe(mention.text);
      }
      const order = mentions.map((mention) => [mention.blockIndex, mention.start] as const);
      const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      expect(order).toEqual(sorted);
    }
  });
});
