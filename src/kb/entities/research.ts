/** Research institutes in the India-Japan AI partnership: AIST, its AI Research Center (AIRC) and IIT Hyderabad. */
import type { EntityDef } from '../../shared/kb-types';

/** Context that places an "AI research center" or the acronym AIRC at Japan's AIST. */
const AIRC_CUES = [
  'AIST',
  'National Institute of Advanced Industrial Science and Technology',
  'Japan',
  'Japanese',
  'Tsukuba',
  'Odaiba',
  '産総研',
  '産業技術総合研究所',
];

/** Research institute entities. */
export const RESEARCH: EntityDef[] = [
  {
    id: 'aist',
    name: 'AIST',
    type: 'organisation',
    description:
      'The National Institute of Advanced Industrial Science and Technology (産総研), one of Japan’s largest public research organisations, working on applied science for industry from its Tokyo and Tsukuba sites. It hosts the Artificial Intelligence Research Center (AIRC).',
    aliases: [
      { text: 'National Institute of Advanced Industrial Science and Technology' },
      // Also the US Association for Iron & Steel Technology.
      { text: 'AIST', caseSensitive: true, vetoCues: ['Iron', 'Steel', 'steelmaking'] },
      { text: '産業技術総合研究所' },
      { text: '国立研究開発法人産業技術総合研究所' },
      { text: '産総研' },
    ],
    related: ['airc', 'nec'],
    links: [{ label: 'AIST', url: 'https://www.aist.go.jp/' }],
  },
  {
    id: 'airc',
    name: 'AIST Artificial Intelligence Research Center (AIRC)',
    type: 'organisation',
    description:
      'AIST’s Artificial Intelligence Research Center (人工知能研究センター), opened on 1 May 2015 with about 80 researchers at the Tokyo Waterfront (Odaiba) and Tsukuba sites. It has declared a comprehensive AI research partnership with IIT Hyderabad and hosts a joint lab with NEC.',
    aliases: [
      // Many universities have an "Artificial Intelligence Research Center": only when AIST or Japan is near.
      { text: 'Artificial Intelligence Research Center', cues: AIRC_CUES },
      { text: 'AIRC', caseSensitive: true, cues: [...AIRC_CUES, 'artificial intelligence', 'AI'] },
      { text: '人工知能研究センター', cues: AIRC_CUES },
    ],
    related: ['aist', 'iit-hyderabad', 'nec'],
    links: [{ label: 'AIRC', url: 'https://www.airc.aist.go.jp/' }],
  },
  {
    id: 'iit-hyderabad',
    name: 'IIT Hyderabad',
    type: 'organisation',
    description:
      'The Indian Institute of Technology Hyderabad, a public engineering and research institute in Telangana founded in 2008. It agreed a comprehensive AI research partnership with AIST’s AIRC.',
    aliases: [
      { text: 'Indian Institute of Technology Hyderabad' },
      { text: 'Indian Institute of Technology, Hyderabad' },
      { text: 'IIT Hyderabad' },
      // The institute's own short forms; "IIT-H" also matches "IIT H" but that occurs nowhere else.
      { text: 'IITH', caseSensitive: true },
      { text: 'IIT-H', caseSensitive: true },
      { text: 'आईआईटी हैदराबाद' },
    ],
    related: ['airc', 'aist'],
    links: [{ label: 'IIT Hyderabad', url: 'https://www.iith.ac.in/' }],
  },
];
