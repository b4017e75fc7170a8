/** Policies, programmes and strategy documents the articles cite: Japan's defence papers, FOIP, Made in China 2025. */
import type { EntityDef } from '../../shared/kb-types';
import { JAPAN_CUES, OTHER_COUNTRY_BEFORE } from './cues';

/** Policy and programme entities. */
export const POLICIES: EntityDef[] = [
  {
    id: 'made-in-china-2025',
    name: 'Made in China 2025',
    type: 'programme',
    description:
      'Beijing’s industrial strategy, announced in 2015, to move Chinese manufacturing up the value chain and cut its dependence on foreign technology in sectors such as semiconductors and robotics.',
    aliases: [
      // The year is required: "Made in China" alone is a label on half the goods in the world.
      { text: 'Made in China 2025' },
      { text: '中国製造2025' },
      { text: '中国制造2025' },
      { text: '中國製造2025' },
    ],
    related: [],
  },
  {
    id: 'defense-white-paper',
    name: 'Defense of Japan (defence white paper)',
    type: 'policy',
    description:
      'The annual white paper (防衛白書) in which Japan’s Ministry of Defense sets out how it sees the security environment and its defence policy. The 2020 edition warned that the Chinese and Russian militaries were building offensive cyber capabilities.',
    aliases: [
      // Korea, Australia and China publish defence white papers too: only near Japan, and not right
      // after another country's name.
      ...['Defense White Paper', 'Defence White Paper'].map((text) => ({
        text,
        cues: [...JAPAN_CUES, 'Ministry of Defense', 'Ministry of Defence', '防衛省'],
        rejectBefore: OTHER_COUNTRY_BEFORE,
      })),
      // The official English title; "the defense of Japan" is everyday prose, so a year (or the
      // official subtitle) must follow: the rejectAfter rejects when neither does.
      {
        text: 'Defense of Japan',
        caseSensitive: true,
        rejectAfter: '(?!\\s*(?:\\d{4}|\\(Annual White Paper\\)))',
      },
      { text: '防衛白書' },
    ],
    related: ['mod-japan', 'ndpg'],
  },
  {
    id: 'ndpg',
    name: 'National Defense Program Guidelines',
    type: 'policy',
    description:
      'Japan’s long-term defence policy documents, revised roughly once a decade. The December 2018 edition, “for FY2019 and beyond”, named cyberspace, space and the electromagnetic spectrum as new domains; in December 2022 the guidelines were replaced by the National Defense Strategy.',
    aliases: [
      // Singular and plural are both needed: the whole-word rule keeps "Guideline" out of "Guidelines".
      { text: 'National Defense Program Guidelines' },
      { text: 'National Defense Program Guideline' },
      { text: 'National Defence Program Guidelines' },
      { text: 'National Defence Program Guideline' },
      { text: 'NDPG', caseSensitive: true },
      { text: '防衛計画の大綱' },
      { text: '防衛大綱' },
    ],
    related: ['mod-japan', 'sdf', 'defense-white-paper'],
  },
  {
    id: 'foip',
    name: 'Free and Open Indo-Pacific',
    type: 'policy',
    description:
      'Japan’s vision of a rules-based, well-connected Indo-Pacific, first set out by Prime Minister Abe Shinzo in 2016 and since adopted in various forms by the United States and the other Quad partners.',
    aliases: [
      { text: 'Free and Open Indo-Pacific' },
      // FOIP is also Canadian shorthand for freedom-of-information and privacy laws.
      {
        text: 'FOIP',
        caseSensitive: true,
        cues: [
          'Indo Pacific',
          'Japan',
          'Japanese',
          'Quad',
          'Abe',
          'Kishida',
          'ASEAN',
          'maritime',
          'インド太平洋',
        ],
        vetoCues: [
          'Freedom of Information',
          'privacy',
          'Alberta',
          'Saskatchewan',
          'Manitoba',
          'access request',
        ],
      },
      { text: '自由で開かれたインド太平洋' },
    ],
    related: ['quad', 'mofa-japan'],
  },
];
