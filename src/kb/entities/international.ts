/** International groupings the articles discuss: the Quad and the UN Group of Governmental Experts on cyber. */
import type { EntityDef } from '../../shared/kb-types';

/** Context that says "Quad" is the Indo-Pacific grouping, not a quad bike, quad-core chip or college quad. */
const QUAD_CUES = [
  'India',
  'Indian',
  'Australia',
  'Australian',
  'Japan',
  'Japanese',
  'United States',
  'Indo Pacific',
  'summit',
  'leaders',
  'Modi',
  'Biden',
  'Trump',
  'Kishida',
  'Ishiba',
  'Albanese',
  'Morrison',
  'Quadrilateral',
  'grouping',
  'dialogue',
  'partners',
  'nations',
  'インド太平洋',
  'भारत',
];

/** Other UN expert groups (autonomous weapons, fissile material) that are also "Groups of Governmental Experts". */
const OTHER_GGE_VETO = [
  'lethal autonomous',
  'autonomous weapon',
  'autonomous weapons',
  'Certain Conventional Weapons',
  'CCW',
  'fissile',
  'FMCT',
  'disarmament verification',
];

/** International organisations and groupings. */
export const INTERNATIONAL: EntityDef[] = [
  {
    id: 'quad',
    name: 'The Quad',
    type: 'organisation',
    description:
      'The Quadrilateral Security Dialogue (日米豪印), an informal grouping of Australia, India, Japan and the United States that coordinates on a free and open Indo-Pacific. In September 2021 its leaders committed to closer cooperation on cybersecurity.',
    aliases: [
      { text: 'Quadrilateral Security Dialogue' },
      // Capitalised and near Indo-Pacific vocabulary. Not Quad Cities, Quad Level Cell (QLC), quad bikes,
      // quad-core or quadcopters; "Quad-Plus" (partners invited to Quad meetings) is still the grouping.
      {
        text: 'Quad',
        caseSensitive: true,
        cues: QUAD_CUES,
        rejectAfter:
          '\\s+(?:[Bb]ikes?|Cities|City|Level|[Cc]ores?|[Cc]opters?|Lock)\\b|\\s*\\d|[-‐‑–—](?![Pp]lus\\b)',
      },
      // The katakana boundary rule already keeps out クアッドコア; the middle-dot spellings need this.
      { text: 'クアッド', rejectAfter: '[・･]?(?:コア|バイク|カメラ|レンズ|コプター|ロック)' },
      { text: 'クワッド', rejectAfter: '[・･]?(?:コア|バイク|カメラ|レンズ|コプター|ロック)' },
      { text: '日米豪印' },
      { text: 'क्वाड', rejectAfter: '\\s*(?:बाइक|कॉप्टर)' },
    ],
    related: ['foip', 'kishida'],
  },
  {
    id: 'un-gge',
    name: 'UN Group of Governmental Experts on cyber (GGE)',
    type: 'organisation',
    description:
      'A series of UN expert groups, set up by the General Assembly from 2004 onwards, that agreed norms of responsible state behaviour in cyberspace. Japan was among the members of the group that met from 2019 to 2021.',
    aliases: [
      { text: 'United Nations Group of Governmental Experts' },
      // "U.N." is part of the name as the article writes it, so a mention includes it.
      { text: 'UN Group of Governmental Experts' },
      { text: 'U.N. Group of Governmental Experts' },
      { text: 'Group of Governmental Experts', vetoCues: OTHER_GGE_VETO },
      // The article's word order.
      { text: 'UN Governmental Group of Experts' },
      { text: 'U.N. Governmental Group of Experts' },
      { text: 'Governmental Group of Experts', vetoCues: OTHER_GGE_VETO },
      { text: 'UN GGE', caseSensitive: true },
      { text: 'U.N. GGE', caseSensitive: true },
      // A bare GGE is also a random letter run in base64 and URLs: standalone, uppercase, near UN/cyber words.
      {
        text: 'GGE',
        caseSensitive: true,
        cues: [
          'UN',
          'U.N.',
          'United Nations',
          'cyber',
          'cybersecurity',
          'cyberspace',
          'OEWG',
          'norms',
          'ICT',
          '国連',
        ],
        vetoCues: OTHER_GGE_VETO,
      },
      { text: '国連政府専門家会合' },
    ],
    related: ['mofa-japan'],
  },
];
