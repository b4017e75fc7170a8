/**
 * Word lists the suggester uses to tell a name from ordinary capitalised words, and to guess an entity's type.
 * They are deliberately small: a suggestion is only ever proposed to the reader, so a missed filter costs one
 * click on "reject", while a long list would be hard to keep right.
 */
import type { EntityType } from '../kb-types';

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Months and days: capitalised in English but never a name on their own ("January", "Monday"). */
export const CALENDAR =
  set(`january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday`);

/**
 * Countries, regions and cities that cyber-policy news in Asia names most; the knowledge base leaves places
 * out, so a run made only of these ("South Korea", "New Delhi") is a place, not a candidate.
 */
export const PLACES = set(`japan china india korea south north taiwan vietnam singapore malaysia indonesia
  thailand philippines australia zealand new pakistan bangladesh sri lanka nepal myanmar cambodia laos mongolia
  russia ukraine iran israel united states kingdom america europe european asia asian pacific indo-pacific east
  west southeast africa britain france germany canada hong kong macau tokyo delhi beijing shanghai seoul taipei
  washington london moscow mumbai bengaluru bangalore osaka hanoi manila jakarta canberra sydney kyiv brussels
  geneva paris berlin us uk eu prc dprk chinese japanese indian korean american russian taiwanese australian`);

/**
 * Words that start sentences or headings with a capital but are not names; a run that begins with one at a
 * sentence start loses it ("However Huawei" → "Huawei"), and a run made only of these is dropped.
 */
export const COMMON = set(`a an the this that these those there then thus however but and or so yet also
  although though while when where whether if as at by for from in into of on onto to with without within
  after before since until during about above across against among around between beyond despite over under
  many much more most some several few all any each every both either neither no not one two three first
  second last next new other another such what which who whom whose why how it its it's he she they we you i
  his her their our your my meanwhile moreover furthermore indeed instead still according related read
  today yesterday tomorrow recently currently earlier later now here please follow share click subscribe
  sign log home menu search news latest top more advertisement photo image video update updated
  am pm utc gmt jst ist est edt pst`);

/** Connectors allowed inside a multi-word name ("Ministry of Defense", "Research and Development"). */
export const CONNECTORS = set('of for and on the de da del la du von van & in');

/** Titles before a person's name: stripped from a run, and a hint that what follows is a person. */
export const TITLES = set(`mr mr. ms ms. mrs mrs. dr dr. prof prof. president prime minister secretary
  chief chairman chairwoman ceo director general senator ambassador governor spokesperson spokesman
  spokeswoman vice deputy foreign defense defence minister's premier king queen emperor`);

/** Terms that look like defined names but are generic ("Memorandum of Understanding (MoU)"). */
export const GENERIC_TERMS = set(`memorandum-of-understanding artificial-intelligence internet-of-things
  information-technology chief-executive-officer chief-executive prime-minister foreign-minister
  defense-minister defence-minister machine-learning supply-chain critical-infrastructure
  distributed-denial-of-service denial-of-service research-and-development press-release privacy-policy
  terms-of-service terms-of-use cookie-policy all-rights-reserved read-more related-articles
  most-read most-popular top-stories breaking-news editor's-picks cyber-policy cyber-security
  cybersecurity-policy national-security information-security cyber-defense cyber-defence cyber-threats
  cyber-attacks cyber-espionage`);

/**
 * Last words of names that are real names but of no kind Gloss keeps: places ("Gaza City"), market indices
 * ("Hang Seng Index"), sports events ("Cricket World Cup"), sales.
 */
export const OTHER_HEADS = set(`index composite average city island islands sea river mountain mountains
  street cup series masters championship championships tournament olympics festival awards award sale sales deals`);

/** Whether a name's last word says it is a place, an index or an event rather than an entity. */
export const otherKind = (name: string): boolean =>
  OTHER_HEADS.has(name.toLowerCase().split(/\s+/).at(-1) ?? '');

/** A key for GENERIC_TERMS: lower case, words joined by hyphens. */
export const genericKey = (name: string): string => name.toLowerCase().trim().split(/\s+/).join('-');

/**
 * Cue words in a name, checked word by word from the last (the head noun of an English name decides:
 * "Cyber Defense Command" is a unit even though it holds "Cyber"). Listed in the kb-types vocabulary.
 */
const NAME_CUES: Array<[EntityType, ReadonlySet<string>]> = [
  [
    'government-body',
    set(`agency ministry office council department bureau commission secretariat cabinet directorate
      authority police administration parliament diet congress senate government`),
  ],
  ['military-unit', set('command forces force army navy unit regiment brigade corps squadron division')],
  [
    'company',
    set(`inc inc. ltd ltd. llc plc corporation corp corp. co co. company technologies telecom telecommunications
      electronics holdings systems networks software labs`),
  ],
  ['threat-actor', set('typhoon panda bear kitten chollima spider tiger blizzard sleet sandstorm tempest')],
  ['agreement', set('agreement treaty pact framework accord memorandum partnership dialogue convention')],
  ['policy', set('strategy act law policy bill guidelines doctrine regulation')],
  ['programme', set('programme program initiative project mission')],
  [
    'organisation',
    set(`university institute foundation association forum centre center organization organisation alliance
      team cert group consortium federation party`),
  ],
];

/**
 * The type a name's own words say: its head noun, searched from the last word ("Cyber Defense Command"),
 * or first from the word before "of"/"for" ("Ministry of Defense").
 * Threat-actor naming words count only last ("Volt Typhoon", not "Tiger Woods").
 */
export function nameType(name: string): EntityType | undefined {
  for (const [type, re] of CJK_CUES) if (re.test(name)) return type;
  const all = name
    .toLowerCase()
    .split(/[\s/]+/)
    .filter(Boolean);
  // In "National Center of Incident Readiness and Strategy for Cybersecurity" the head comes before "of".
  const cut = all.findIndex((w) => w === 'of' || w === 'for');
  const words = [...(cut > 0 ? all.slice(0, cut).reverse() : []), ...all.reverse()];
  for (const [i, word] of words.entries()) {
    for (const [type, cues] of NAME_CUES) {
      if (cues.has(word) && (type !== 'threat-actor' || (i === 0 && cut < 0))) return type;
    }
  }
  return undefined;
}

/** Name endings in Japanese and Chinese that mark a government body or an organisation. */
const CJK_CUES: Array<[EntityType, RegExp]> = [
  ['government-body', /(?:庁|省|局|会議|委員会)$/u],
  ['military-unit', /(?:自衛隊|隊)$/u],
  ['organisation', /(?:機構|センター|研究所|協会)$/u],
];

/** A code name of a tracked hacking group: APT41, TA505, UNC3886, FIN7, Storm-0558, DEV-0537. */
export const ACTOR_CODE = /^(?:APT|TA|UNC|FIN|TEMP|G|DEV|Storm)[-.]?\d{1,4}$/i;

/** Words in the sentence around a name that point to a hacking group. */
const ACTOR_CONTEXT =
  /\b(?:hack(?:er|ers|ing)|threat actors?|APT|espionage|cyber ?attack(?:er|ers|s)?|ransomware|state-sponsored|intrusions?|malware)\b/i;
/** Words in the sentence around a name that point to a company. */
const COMPANY_CONTEXT = /\b(?:company|firm|vendor|maker|manufacturer|start-?up|giant|provider|operator)\b/i;

/**
 * Guesses the type of `name` from its own words, then (for names introduced by a cue or in quotes) from
 * the sentence it stands in. Undefined when nothing points anywhere: a wrong guess is worse than none,
 * since the reader would have to notice and correct it.
 */
export function guessType(name: string, context = '', titled = false): EntityType | undefined {
  if (ACTOR_CODE.test(name) || /\bAPT ?\d+\b/.test(name)) return 'threat-actor';
  const last = name.toLowerCase().split(/\s+/).at(-1) ?? '';
  // "Lazarus Group" and "Hacking Team" name groups of hackers when the sentence says so.
  if (/^(?:group|team|gang|crew)$/.test(last) && ACTOR_CONTEXT.test(context)) return 'threat-actor';
  const typeOf = nameType(name);
  if (typeOf) return typeOf;
  if (titled) return 'person';
  if (ACTOR_CONTEXT.test(context) && /\b(?:group|dubbed|known as|named|tracked|called)\b/i.test(context)) {
    return 'threat-actor';
  }
  if (COMPANY_CONTEXT.test(context)) return 'company';
  return undefined;
}
