/**
 * The bench library's entities: threat groups, agencies, companies, programmes, agreements and people,
 * each with its name, an acronym or code, and some with a Japanese or Hindi name, about four aliases
 * each. Every alias is unique ignoring case, so the glossary import has no conflicts to ask about.
 */
import type { GlossaryJsonEntity } from '../../src/shared/kb/glossary-json';
import type { EntityType } from '../../src/shared/kb-types';
import type { Rng } from './rng';
import * as W from './words';

/** An entity with the names the sources and notes mention it by. */
export interface BenchEntity extends GlossaryJsonEntity {
  /** The name a Japanese or Hindi text uses: its name in that language, or its acronym. */
  nameJa: string | undefined;
  nameHi: string | undefined;
  acronym: string | undefined;
}

const acronymOf = (name: string): string =>
  name
    .split(/[\s-]+/)
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();

/** Keeps aliases unique across the whole library (case-folded). */
class AliasBook {
  private readonly taken = new Set<string>();
  /** `text`, or `text` with a number that makes it unique; undefined when even that is taken. */
  claim(text: string): string | undefined {
    for (let n = 0; n < 50; n++) {
      const candidate = n === 0 ? text : `${text} ${n + 1}`;
      const key = candidate.toLowerCase();
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return candidate;
      }
    }
    return undefined;
  }
}

interface Draft {
  type: EntityType;
  name: string;
  others: string[];
  nameJa?: string;
  nameHi?: string;
  acronym?: string;
  description: string;
}

function threatGroup(rng: Rng, i: number): Draft {
  const c = i % W.GROUP_COLOURS.length;
  const a = Math.floor(i / W.GROUP_COLOURS.length) % W.GROUP_ANIMALS.length;
  const code = `APT${100 + i}`;
  return {
    type: 'threat-actor',
    name: `${W.GROUP_COLOURS[c]} ${W.GROUP_ANIMALS[a]}`,
    others: [`UNC${2000 + i}`, `TA${400 + i}`],
    acronym: code,
    nameJa: rng.chance(0.3) ? `${W.GROUP_COLOURS_JA[c]}${W.GROUP_ANIMALS_JA[a]}` : undefined,
    description: `A threat group tracked for ${rng.pick(W.EN.incidents)}s against ${rng.pick(W.EN.sectors)} targets.`,
  };
}

function agency(rng: Rng, i: number): Draft {
  const k = rng.int(W.COUNTRIES.length);
  const f = rng.int(W.FIELDS.length);
  const b = rng.int(W.BODIES.length);
  const name = `${W.COUNTRIES[k]} ${W.FIELDS[f]} ${W.BODIES[b]}`;
  return {
    type: 'government-body',
    name,
    others: [
      `${W.FIELDS[f]} ${W.BODIES[b]} of ${W.COUNTRIES[k]} ${i}`,
      `${acronymOf(name)} ${W.COUNTRIES[k]}`,
    ],
    acronym: acronymOf(name),
    nameJa: rng.chance(0.3) ? `${W.COUNTRIES_JA[k]}${W.FIELDS_JA[f]}${W.BODIES_JA[b]}` : undefined,
    nameHi: rng.chance(0.3) ? `${W.COUNTRIES_HI[k]} ${W.FIELDS_HI[f]} ${W.BODIES_HI[b]}` : undefined,
    description: `The body of ${W.COUNTRIES[k]} responsible for ${W.FIELDS[f]!.toLowerCase()}.`,
  };
}

function company(rng: Rng, i: number): Draft {
  const name = `${rng.pick(W.COMPANY_PARTS)}${rng.pick(W.COMPANY_PARTS).toLowerCase()} ${rng.pick(W.COMPANY_SUFFIXES)}`;
  return {
    type: 'company',
    name,
    others: [`${name.split(' ')[0]} Group ${i}`, `${name} Ltd`],
    acronym: acronymOf(name) + String(i % 97),
    description: `A ${rng.pick(W.EN.sectors)} company.`,
  };
}

function programme(rng: Rng, i: number): Draft {
  const country = rng.pick(W.COUNTRIES);
  const isAgreement = i % 2 === 0;
  const word = isAgreement ? rng.pick(W.AGREEMENT_WORDS) : rng.pick(W.PROGRAMME_WORDS);
  const name = isAgreement
    ? `${country}-${rng.pick(W.COUNTRIES)} Cyber ${word}`
    : `Project ${word} ${country}`;
  return {
    type: isAgreement ? 'agreement' : 'programme',
    name,
    others: [`${word} ${i}`, `${name} Initiative`],
    acronym: acronymOf(name),
    description: `A ${isAgreement ? 'cyber agreement' : 'government programme'} on ${rng.pick(W.EN.policies)}s.`,
  };
}

function person(rng: Rng, i: number): Draft {
  const given = rng.pick(W.GIVEN_NAMES);
  const family = rng.pick(W.FAMILY_NAMES);
  return {
    type: 'person',
    name: `${given} ${String.fromCharCode(65 + rng.int(26))}. ${family}`,
    others: [`${given[0]}. ${family}`, `Director ${family} ${i}`],
    description: `An official quoted on ${rng.pick(W.EN.policies)}s.`,
  };
}

const DRAFTERS = [threatGroup, agency, agency, company, programme, person] as const;

/** A UUID-shaped id from the generator (the glossary wants lower-case letters, digits and hyphens). */
export function uuidFrom(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** `count` entities with unique names and aliases. */
export function generateEntities(rng: Rng, count: number): BenchEntity[] {
  const book = new AliasBook();
  const out: BenchEntity[] = [];
  for (let i = 0; out.length < count; i++) {
    const draft = DRAFTERS[i % DRAFTERS.length]!(rng, Math.floor(i / DRAFTERS.length));
    const name = book.claim(draft.name);
    if (!name) continue;
    const texts = [name];
    const acronym = draft.acronym && draft.acronym.length >= 2 ? book.claim(draft.acronym) : undefined;
    if (acronym) texts.push(acronym);
    for (const other of draft.others) {
      const claimed = book.claim(other);
      if (claimed) texts.push(claimed);
    }
    const nameJa = draft.nameJa ? book.claim(draft.nameJa) : undefined;
    const nameHi = draft.nameHi ? book.claim(draft.nameHi) : undefined;
    if (nameJa) texts.push(nameJa);
    if (nameHi) texts.push(nameHi);
    out.push({
      id: uuidFrom(rng),
      name,
      type: draft.type,
      description: draft.description,
      // Acronyms and codes match in their exact case only, as the glossary docs say they should.
      aliases: texts.map((text) => (text === acronym ? { text, caseSensitive: true } : { text })),
      related: [],
      links: [],
      nameJa,
      nameHi,
      acronym,
    });
  }
  return out;
}

/** The entity as the glossary file has it (without the bench's own fields). */
export function toGlossaryEntity(e: BenchEntity): GlossaryJsonEntity {
  const { nameJa: _ja, nameHi: _hi, acronym: _ac, ...entity } = e;
  return entity;
}
