/** Japanese civilian government bodies the articles name: NISC, the police, the foreign ministry, JETRO and JAXA. */
import type { EntityDef } from '../../shared/kb-types';
import { JAPAN_CUES, OF_ANOTHER_COUNTRY_AFTER, OTHER_COUNTRY_BEFORE, OTHER_COUNTRY_BEFORE_JA } from './cues';

/** Context for the bare acronym NISC: Japan, or a cybersecurity text. */
const NISC_CUES = [
  ...JAPAN_CUES,
  'cyber',
  'cybersecurity',
  'cyber security',
  'cyberattack',
  'cyberattacks',
  'Cabinet',
  'National Police Agency',
  '内閣',
  'サイバー',
];

/**
 * Chinese and Russian foreign-ministry spokespeople: "Foreign Ministry spokesperson Wang Wenbin said Japan…"
 * is Beijing's ministry even though Japan is the nearest country name.
 */
const FOREIGN_SPOKESPEOPLE = [
  'Wang Wenbin',
  'Zhao Lijian',
  'Hua Chunying',
  'Mao Ning',
  'Lin Jian',
  'Guo Jiakun',
  'Zakharova',
];

/** Japanese government bodies outside the defence establishment. */
export const JAPAN_GOVERNMENT: EntityDef[] = [
  {
    id: 'nisc',
    name: 'NISC / National Cybersecurity Office',
    type: 'government-body',
    description:
      'Japan’s government-wide cybersecurity coordinator in the Cabinet Secretariat: called the National Information Security Center from 2005, renamed the National center of Incident readiness and Strategy for Cybersecurity (NISC) in January 2015, and secretariat of the Cybersecurity Strategic Headquarters. On 1 July 2025 it was reorganised as the National Cybersecurity Office (国家サイバー統括室), the hub for Japan’s new “active cyber defence”.',
    aliases: [
      // NISC's own odd capitalisation; the alias is case-insensitive, so the press's capitalised form matches too.
      { text: 'National center of Incident readiness and Strategy for Cybersecurity' },
      { text: 'National Center for Incident Readiness and Strategy for Cybersecurity' },
      { text: 'National Information Security Center', cues: JAPAN_CUES },
      { text: 'NISC', caseSensitive: true, cues: NISC_CUES, vetoCues: ['cooperative'] },
      { text: '内閣サイバーセキュリティセンター' },
      // The 2025 successor. Bare "NCO" is deliberately absent: it usually means non-commissioned officer.
      {
        text: 'National Cybersecurity Office',
        cues: [
          ...JAPAN_CUES,
          'NISC',
          'Cabinet Secretariat',
          'active cyber defense',
          'active cyber defence',
          '内閣',
        ],
      },
      { text: '国家サイバー統括室' },
    ],
    related: ['national-police-agency', 'mod-japan', 'mofa-japan'],
    links: [{ label: 'NISC (English)', url: 'https://www.nisc.go.jp/eng/index.html' }],
  },
  {
    id: 'national-police-agency',
    name: 'National Police Agency (Japan)',
    type: 'government-body',
    description:
      'Japan’s national police authority (警察庁), which oversees the prefectural forces. On 1 April 2022 it set up a Cyber Affairs Bureau and a special cyber investigation unit to take on serious cyber cases; it is a different body from Tokyo’s Metropolitan Police Department (警視庁).',
    aliases: [
      { text: 'Japanese National Police Agency' },
      { text: 'National Police Agency of Japan' },
      // South Korea and Taiwan also have a "National Police Agency".
      { text: 'National Police Agency', cues: [...JAPAN_CUES, 'NISC'], rejectBefore: OTHER_COUNTRY_BEFORE },
      // Japanese media call Korea's agency 韓国警察庁; 警察庁舎 is "police building", not the agency.
      // 警視庁 (Tokyo police) differs by one character and is deliberately not an alias.
      { text: '警察庁', rejectBefore: OTHER_COUNTRY_BEFORE_JA, rejectAfter: '舎' },
      // The agency's cyber bureau (April 2022), the "new bureau" the source article anticipates.
      { text: 'サイバー警察局' },
      { text: 'Cyber Affairs Bureau', cues: [...JAPAN_CUES, 'police', 'National Police Agency', 'NPA'] },
      {
        text: 'NPA',
        caseSensitive: true,
        cues: [...JAPAN_CUES, 'National Police Agency', '警察庁'],
        vetoCues: [
          // Both apostrophes: cues are compared with the raw page text.
          "New People's Army",
          'New People’s Army',
          'Philippines',
          'Philippine',
          'Mindanao',
          'communist rebels',
          'Maoist',
          'National Prosecuting Authority',
        ],
      },
    ],
    related: ['nisc'],
    links: [{ label: 'National Police Agency', url: 'https://www.npa.go.jp/' }],
  },
  {
    id: 'mofa-japan',
    name: 'Ministry of Foreign Affairs (Japan)',
    type: 'government-body',
    description:
      'Japan’s foreign ministry (外務省). It drives the country’s cyber diplomacy, with an ambassador for cyber policy since 2012 and a cyber security policy division since 2016.',
    aliases: [
      { text: 'Japanese Ministry of Foreign Affairs' },
      { text: 'Ministry of Foreign Affairs of Japan' },
      { text: 'Japanese Foreign Ministry' },
      // Every country has one: only near a Japan cue, and not right after another country's name.
      {
        text: 'Ministry of Foreign Affairs',
        cues: JAPAN_CUES,
        vetoCues: FOREIGN_SPOKESPEOPLE,
        rejectBefore: OTHER_COUNTRY_BEFORE,
        rejectAfter: OF_ANOTHER_COUNTRY_AFTER,
      },
      {
        text: 'Foreign Ministry',
        cues: JAPAN_CUES,
        vetoCues: FOREIGN_SPOKESPEOPLE,
        rejectBefore: OTHER_COUNTRY_BEFORE,
      },
      // 中国外務省 / ロシア外務省 are how Japanese media name those countries' ministries.
      { text: '外務省', rejectBefore: OTHER_COUNTRY_BEFORE_JA },
    ],
    related: ['mod-japan', 'un-gge'],
    links: [{ label: 'Ministry of Foreign Affairs of Japan', url: 'https://www.mofa.go.jp/' }],
  },
  {
    id: 'jetro',
    name: 'JETRO',
    type: 'government-body',
    description:
      'Japan External Trade Organization (日本貿易振興機構), a government-related agency that promotes trade and investment between Japan and other countries and publishes trade data and business news.',
    aliases: [
      { text: 'Japan External Trade Organization' },
      { text: 'Japan External Trade Organisation' },
      // Upper case on its own. Title-case "Jetro" is also a given name (Jethro in Spanish and Portuguese)
      // and Jetro Cash & Carry, a US wholesale chain, so it needs a Japan or trade cue.
      {
        text: 'JETRO',
        caseSensitive: true,
        vetoCues: ['Cash & Carry', 'Cash and Carry', 'Restaurant Depot'],
      },
      {
        text: 'Jetro',
        caseSensitive: true,
        cues: ['Japan', 'Japanese', 'Tokyo', 'trade', 'export', 'exports', 'investment', 'investors'],
        vetoCues: ['Cash & Carry', 'Cash and Carry', 'Restaurant Depot'],
      },
      { text: '日本貿易振興機構' },
      { text: 'ジェトロ' },
    ],
    related: [],
    links: [{ label: 'JETRO', url: 'https://www.jetro.go.jp/en/' }],
  },
  {
    id: 'jaxa',
    name: 'JAXA',
    type: 'government-body',
    description:
      'Japan Aerospace Exploration Agency, the national space agency, created on 1 October 2003 by merging ISAS, NAL and NASDA and based in Chōfu, Tokyo. It was among the Japanese aerospace and defence organisations targeted by a cyber campaign that Japanese police linked to China’s military.',
    aliases: [
      { text: 'Japan Aerospace Exploration Agency' },
      // The article's wording; the only possessive alias, because here the possessive is the whole name.
      { text: "Japan's Space Agency" },
      { text: 'Japanese Space Agency' },
      { text: 'JAXA' },
      { text: '宇宙航空研究開発機構' },
      // The full legal name since April 2015, and the katakana reading of "JAXA".
      { text: '国立研究開発法人宇宙航空研究開発機構' },
      { text: 'ジャクサ' },
    ],
    related: ['national-police-agency'],
    links: [{ label: 'JAXA', url: 'https://global.jaxa.jp/' }],
  },
];
