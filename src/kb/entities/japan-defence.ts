/** Japan's defence establishment: the Ministry of Defense, the Self-Defense Forces, their branches and cyber unit. */
import type { EntityDef } from '../../shared/kb-types';
import {
  JAPAN_CUES,
  JSDF_BRANCH_CUES,
  OF_ANOTHER_COUNTRY_AFTER,
  OTHER_COUNTRY_BEFORE,
  without,
} from './cues';

/** Context for the bare acronym SDF, which also names Syria's Kurdish-led Syrian Democratic Forces. */
const SDF_CUES = [
  ...without(JAPAN_CUES, 'SDF', 'JSDF'),
  'Ministry of Defense',
  'Ministry of Defence',
  'Defense Ministry',
  'Defence Ministry',
  'GSDF',
  'MSDF',
  'ASDF',
  'pacifist',
  'Article 9',
  '防衛省',
];

/** Texts about the Syrian Democratic Forces, or about SDF as a file format or graphics technique. */
const SDF_VETO = [
  'Syria',
  'Syrian',
  'Kurdish',
  'Kurds',
  'Raqqa',
  'YPG',
  'Kobani',
  'signed distance',
  'shader',
  'molecule',
];

/**
 * Other "self-defense forces" with capitals: Colombia's AUC paramilitaries, Kurdish and Crimean militias.
 * Both a veto nearby and a name right before reject the match.
 */
const OTHER_SELF_DEFENSE_VETO = [
  'Colombia',
  'Colombian',
  'AUC',
  'paramilitary',
  'Kurdish',
  'Syria',
  'Crimea',
  'Crimean',
  'Donbas',
];
const OTHER_SELF_DEFENSE_BEFORE = "\\b(?:United|Kurdish|Crimean|Colombian|Popular|People['’]s)\\s+";

/** Japan's defence ministry, its forces and their cyber unit. */
export const JAPAN_DEFENCE: EntityDef[] = [
  {
    id: 'mod-japan',
    name: 'Ministry of Defense (Japan)',
    type: 'government-body',
    description:
      'Japan’s defence ministry (防衛省), which runs the Self-Defense Forces and publishes the annual white paper “Defense of Japan”. Since March 2022 it has had a joint cyber unit, the JSDF Cyber Defense Command, reporting straight to the minister.',
    aliases: [
      { text: 'Japanese Ministry of Defense' },
      { text: 'Japanese Ministry of Defence' },
      { text: 'Ministry of Defense of Japan' },
      { text: 'Ministry of Defence of Japan' },
      { text: 'Japanese Defense Ministry' },
      { text: 'Japanese Defence Ministry' },
      // Every country has one. "Japan's Ministry of Defense" is matched here as "Ministry of Defense" with
      // the possessive as its cue, so the highlight does not swallow the country name.
      ...['Ministry of Defense', 'Ministry of Defence', 'Defense Ministry', 'Defence Ministry'].map(
        (text) => ({
          text,
          cues: JAPAN_CUES,
          rejectBefore: OTHER_COUNTRY_BEFORE,
          rejectAfter: OF_ANOTHER_COUNTRY_AFTER,
        }),
      ),
      { text: '防衛省' },
    ],
    related: ['sdf', 'cyber-defense-command', 'defense-white-paper', 'ndpg'],
    links: [{ label: 'Ministry of Defense (English)', url: 'https://www.mod.go.jp/en/' }],
  },
  {
    id: 'sdf',
    name: 'Japan Self-Defense Forces',
    type: 'military-unit',
    description:
      'Japan’s armed forces (自衛隊), made up of ground, maritime and air branches under the Ministry of Defense. The post-war constitution constrains them, which is why offensive and pre-emptive cyber operations remain contested.',
    aliases: [
      { text: 'Japan Self-Defense Forces' },
      { text: 'Japan Self-Defence Forces' },
      { text: 'Japanese Self-Defense Forces' },
      { text: 'Japanese Self-Defence Forces' },
      // Capitalised only: lowercase "self-defense forces" is a generic phrase.
      {
        text: 'Self-Defense Forces',
        caseSensitive: true,
        vetoCues: OTHER_SELF_DEFENSE_VETO,
        rejectBefore: OTHER_SELF_DEFENSE_BEFORE,
      },
      {
        text: 'Self-Defence Forces',
        caseSensitive: true,
        vetoCues: OTHER_SELF_DEFENSE_VETO,
        rejectBefore: OTHER_SELF_DEFENSE_BEFORE,
      },
      { text: 'JSDF', caseSensitive: true },
      { text: 'SDF', caseSensitive: true, cues: SDF_CUES, vetoCues: SDF_VETO },
      // The branch names (陸上自衛隊 …) are longer and win where they apply.
      { text: '自衛隊' },
    ],
    related: ['mod-japan', 'gsdf', 'msdf', 'asdf', 'cyber-defense-command'],
  },
  {
    id: 'gsdf',
    name: 'Japan Ground Self-Defense Force',
    type: 'military-unit',
    description:
      'The land branch of Japan’s Self-Defense Forces (陸上自衛隊). Since 2021 it has had its own Cyber Protection Unit, separate from the joint Cyber Defense Command.',
    aliases: [
      { text: 'Japan Ground Self-Defense Force' },
      { text: 'Japan Ground Self-Defence Force' },
      { text: 'Ground Self-Defense Force' },
      { text: 'Ground Self-Defence Force' },
      { text: 'JGSDF', caseSensitive: true },
      { text: 'GSDF', caseSensitive: true, cues: without(JSDF_BRANCH_CUES, 'GSDF') },
      { text: '陸上自衛隊' },
    ],
    related: ['sdf', 'cyber-defense-command', 'msdf', 'asdf'],
  },
  {
    id: 'msdf',
    name: 'Japan Maritime Self-Defense Force',
    type: 'military-unit',
    description: 'The naval branch of Japan’s Self-Defense Forces (海上自衛隊).',
    aliases: [
      { text: 'Japan Maritime Self-Defense Force' },
      { text: 'Japan Maritime Self-Defence Force' },
      { text: 'Maritime Self-Defense Force' },
      { text: 'Maritime Self-Defence Force' },
      { text: 'JMSDF', caseSensitive: true },
      { text: 'MSDF', caseSensitive: true, cues: without(JSDF_BRANCH_CUES, 'MSDF') },
      { text: '海上自衛隊' },
    ],
    related: ['sdf', 'cyber-defense-command', 'gsdf', 'asdf'],
  },
  {
    id: 'asdf',
    name: 'Japan Air Self-Defense Force',
    type: 'military-unit',
    description: 'The air branch of Japan’s Self-Defense Forces (航空自衛隊).',
    aliases: [
      { text: 'Japan Air Self-Defense Force' },
      { text: 'Japan Air Self-Defence Force' },
      { text: 'Air Self-Defense Force' },
      { text: 'Air Self-Defence Force' },
      { text: 'JASDF', caseSensitive: true },
      // ASDF is also a keyboard mash, Common Lisp's build tool and the asdf version manager.
      {
        text: 'ASDF',
        caseSensitive: true,
        cues: without(JSDF_BRANCH_CUES, 'ASDF'),
        vetoCues: [
          'Lisp',
          'Common Lisp',
          'Quicklisp',
          'SBCL',
          'system definition',
          'asdf vm',
          'version manager',
        ],
      },
      { text: '航空自衛隊' },
    ],
    related: ['sdf', 'cyber-defense-command', 'gsdf', 'msdf'],
  },
  {
    id: 'cyber-defense-command',
    name: 'JSDF Cyber Defense Command',
    type: 'military-unit',
    description:
      'The Self-Defense Forces’ joint cyber unit (自衛隊サイバー防衛隊), formed on 17 March 2022 out of the former command-and-communications systems unit. It has about 540 members, is based at Ichigaya in Tokyo and answers directly to the Minister of Defense.',
    aliases: [
      { text: 'JSDF Cyber Defense Command' },
      { text: 'JSDF Cyber Defence Command' },
      // Other militaries have cyber commands with similar names: only in a Japanese context.
      ...['Cyber Defense Command', 'Cyber Defence Command'].map((text) => ({
        text,
        cues: [...JAPAN_CUES, 'Ministry of Defense', 'Ministry of Defence', 'Ichigaya', '防衛省'],
        rejectBefore: OTHER_COUNTRY_BEFORE,
      })),
      // Bare サイバー防衛隊 is left out: it was also the name of the 2014 predecessor unit.
      { text: '自衛隊サイバー防衛隊' },
      // The unit's own short form.
      { text: '自サ防隊' },
    ],
    related: ['sdf', 'mod-japan', 'gsdf', 'msdf', 'asdf'],
  },
];
