/** People the articles discuss: Japan's prime minister at the time of the second article, Kishida Fumio. */
import type { EntityDef } from '../../shared/kb-types';

/**
 * Other well-known Kishidas (his son Fumitake, his wife Yuko, the playwright Kunio, the painter Ryusei,
 * the actress Kyoko, the musician Shigeru): their given name next to a bare "Kishida" rejects it.
 */
const OTHER_KISHIDAS = 'Fumitake|Yuko|Kunio|Ryusei|Kyoko|Shigeru';

/** Person entities. */
export const PEOPLE: EntityDef[] = [
  {
    id: 'kishida',
    name: 'Kishida Fumio',
    type: 'person',
    description:
      'Japan’s 100th prime minister (岸田文雄), in office from 4 October 2021 until his cabinet resigned on 1 October 2024, when Ishiba Shigeru took over. On his first day he created a cabinet post for economic security, aimed partly at threats from China.',
    aliases: [
      { text: 'Kishida Fumio' },
      { text: 'Fumio Kishida' },
      // "Prime Minister Kishida" is deliberately not an alias: in "Prime Minister Kishida Fumio" it would
      // win at "Prime" and leave "Fumio" out of the mention. Bare "Kishida" covers it.
      {
        text: 'Kishida',
        caseSensitive: true,
        rejectBefore: `\\b(?:${OTHER_KISHIDAS})\\s+`,
        rejectAfter: `\\s+(?:${OTHER_KISHIDAS})\\b`,
      },
      { text: '岸田文雄' },
      { text: '岸田首相' },
      { text: '岸田総理' },
      { text: 'फुमियो किशिदा' },
      { text: 'किशिदा' },
    ],
    related: ['quad'],
  },
];
