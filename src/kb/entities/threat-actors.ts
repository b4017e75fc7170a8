/** Threat actors the articles name: Cicada, which MITRE ATT&CK tracks as menuPass/APT10 (G0045). */
import type { EntityDef } from '../../shared/kb-types';
import { CYBER_CUES, without } from './cues';

/**
 * Cues for the APT group's names that are also ordinary words or other things ("Cicada", "POTASSIUM",
 * "HOGFISH"). Each rule drops its own name so the name cannot vouch for itself.
 */
const APT_CUES = [...CYBER_CUES, 'Stone Panda', 'Red Apollo', 'Cloud Hopper', 'Microsoft', 'Japan linked'];

/** Threat-actor entities. */
export const THREAT_ACTORS: EntityDef[] = [
  {
    id: 'cicada',
    name: 'Cicada (APT10)',
    type: 'threat-actor',
    description:
      'A China-based cyber-espionage group, active since at least 2006, that MITRE ATT&CK tracks as menuPass/APT10 (G0045) and that has shown a marked focus on Japanese organisations. "Cicada" is Symantec’s name for it, from a November 2020 report on a long-running campaign against Japan-linked companies; a US indictment in 2018 tied some members to the Tianjin bureau of China’s Ministry of State Security.',
    aliases: [
      // The insect, the Cicada 3301 puzzle and the Cicada3301 ransomware share the name: capitalised
      // only, with a cyber cue, and never followed by 3301 ("Cicada3301" fails the whole-word rule anyway).
      {
        text: 'Cicada',
        caseSensitive: true,
        cues: APT_CUES,
        rejectAfter: '\\s*3301|\\s+ransomware',
      },
      { text: 'APT10', caseSensitive: true },
      { text: 'APT 10', caseSensitive: true },
      { text: 'menuPass' },
      { text: 'Menupass Team' },
      { text: 'Stone Panda' },
      { text: 'Red Apollo' },
      // Microsoft's element names are ordinary words in capitals (nutrition labels say POTASSIUM).
      { text: 'POTASSIUM', caseSensitive: true, cues: APT_CUES },
      { text: 'BRONZE RIVERSIDE' },
      { text: 'Purple Typhoon' },
      { text: 'Granite Taurus' },
      { text: 'CVNX', caseSensitive: true, cues: APT_CUES },
      { text: 'HOGFISH', caseSensitive: true, cues: APT_CUES },
      { text: 'TA429', caseSensitive: true },
      { text: 'ATK41', caseSensitive: true },
      // Cloud Hopper is the 2016-17 campaign against managed IT providers that PwC and BAE attributed to
      // APT10; MISP lists it as a synonym, so a reader seeing it gets the group's card.
      { text: 'Operation Cloud Hopper' },
      { text: 'Cloud Hopper', cues: without(APT_CUES, 'Cloud Hopper') },
    ],
    related: ['symantec'],
    links: [
      { label: 'MITRE ATT&CK: menuPass (G0045)', url: 'https://attack.mitre.org/groups/G0045/' },
      {
        label:
          'Symantec: Japan-Linked Organizations Targeted in Long-Running and Sophisticated Attack Campaign (Nov 2020)',
        url: 'https://symantec-enterprise-blogs.security.com/blogs/threat-intelligence/cicada-apt10-japan-espionage',
      },
    ],
  },
];
