/** Cue lists and reject patterns shared by several entity files, so the same context rule reads the same everywhere. */

/**
 * A cue list without some entries. An acronym must not vouch for itself: a second "GSDF" nearby is no
 * evidence that either one means Japan's ground force.
 */
export function without(cues: readonly string[], ...drop: string[]): string[] {
  return cues.filter((cue) => !drop.includes(cue));
}

/*
 * Multi-word cues are written with a space, never a hyphen: the matcher lets a space in a cue stand for
 * a space or hyphen in the text ("Self Defense" finds "Self-Defense"), but a hyphen in a cue is literal.
 */

/**
 * Words that place a match in a Japanese context. Used for names that other countries also use
 * ("Ministry of Defense", "National Police Agency") and for short acronyms (SDF, GSDF, NISC, NPA).
 * The kanji cues let the same rule work on Japanese pages, where CJK cues match as substrings.
 */
export const JAPAN_CUES: string[] = [
  'Japan',
  'Japanese',
  'Tokyo',
  'Kishida',
  'Ishiba',
  'Takaichi',
  'SDF',
  'JSDF',
  'Self Defense',
  'Self Defence',
  '日本',
  '自衛隊',
];

/** Context for the three JSDF service acronyms (GSDF, MSDF, ASDF), which collide with other uses. */
export const JSDF_BRANCH_CUES: string[] = [
  ...JAPAN_CUES,
  'GSDF',
  'MSDF',
  'ASDF',
  'Ministry of Defense',
  'Ministry of Defence',
  'Defense Ministry',
  'Defence Ministry',
];

/** Context that marks a cyber / threat-intelligence text, for threat-group names that are ordinary words. */
export const CYBER_CUES: string[] = [
  'APT',
  'APT10',
  'menuPass',
  'Symantec',
  'espionage',
  'cyberespionage',
  'cyber espionage',
  'hackers',
  'hacking',
  'hacked',
  'threat actor',
  'threat group',
  'campaign',
  'cyber',
  'cyberattack',
  'cyberattacks',
  'cybersecurity',
  'malware',
  'attackers',
  'intrusion',
  'intrusions',
];

/**
 * Country names and demonyms that, written right before a ministry or agency name ("India's Ministry of
 * Defence", "the Korean National Police Agency"), say it is not Japan's. The possessive may use ' or ’
 * because the lead's matcher may test the raw text rather than the normalised one.
 */
const OTHER_COUNTRIES = [
  'China',
  'Chinese',
  'PRC',
  'India',
  'Indian',
  'Taiwan',
  'Taiwanese',
  'Russia',
  'Russian',
  'Pakistan',
  'Pakistani',
  'Korea',
  'Korean',
  'US',
  'U\\.S\\.',
  'USA',
  'America',
  'American',
  'United States',
  'UK',
  'U\\.K\\.',
  'Britain',
  'British',
  'Australia',
  'Australian',
  'Israel',
  'Israeli',
  'Ukraine',
  'Ukrainian',
  'Philippines',
  'Philippine',
  'Vietnam',
  'Vietnamese',
  'Indonesia',
  'Indonesian',
  'Singapore',
  'Thailand',
  'Thai',
  'Malaysia',
  'Malaysian',
  'Germany',
  'German',
  'France',
  'French',
  'Canada',
  'Canadian',
  'Iran',
  'Iranian',
  'Turkey',
  'Turkish',
  'Saudi',
  'Bangladesh',
  'Sri Lanka',
  'Nepal',
  'Mongolia',
  'Mongolian',
  'Netherlands',
  'Dutch',
  // Capitals used as metonyms ("Seoul's Defense White Paper", "Beijing's Foreign Ministry").
  'Beijing',
  'Seoul',
  'Pyongyang',
  'Moscow',
  'Kremlin',
  'Washington',
  'Canberra',
  'New Delhi',
  'Delhi',
  'Taipei',
  'Manila',
  'Hanoi',
  'London',
  'Islamabad',
];

/** rejectBefore source: another country's name or possessive immediately before the match. */
export const OTHER_COUNTRY_BEFORE = `\\b(?:${OTHER_COUNTRIES.join('|')})(?:['’‘]s?)?\\s+`;

/**
 * rejectBefore source for Japanese text: another country's name right before 外務省 / 警察庁
 * ("中国外務省" is how Japanese media name China's foreign ministry; "ロシアの外務省" likewise).
 */
export const OTHER_COUNTRY_BEFORE_JA =
  '(?:中国|韓国|北朝鮮|ロシア|米国|米|英国|英|インド|台湾|ウクライナ|イラン|イスラエル|フランス|仏|ドイツ|独|豪州|豪|オーストラリア|カナダ|フィリピン|ベトナム|パキスタン|トルコ|サウジアラビア)(?:の)?\\s*';

/** rejectAfter source: "Ministry of Defence of India", a ministry followed by its country, unless that is Japan. */
export const OF_ANOTHER_COUNTRY_AFTER = '\\s+of\\s+(?:the\\s+)?(?!Japan\\b)[A-Z]';
