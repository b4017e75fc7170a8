/**
 * The reader's knowledge base the documentation screenshots show, on top of the built-in one: three entities
 * of their own (the first, with two aliases, cue words on one, is the one the entity form is shown on),
 * one built-in entity edited (a Japanese spelling the kept Japanese article uses) and one hidden.
 */
import type { EntityInput } from '../../src/shared/library/library-types';

/** The entities the reader made, in the order they are created; the name is always an alias, as the form sends it. */
export const SAMPLE_ENTITIES: EntityInput[] = [
  {
    name: 'Japan-India Cyber Dialogue',
    type: 'programme',
    description:
      'The yearly talks between Japan and India on cyberspace: incident reporting, contractors and supply chains, norms at the United Nations.',
    aliases: [
      { text: 'Japan-India Cyber Dialogue' },
      { text: 'cyber dialogue', cues: ['Japan', 'India', 'Tokyo', 'New Delhi'] },
    ],
    related: ['nisc'],
    links: [],
  },
  {
    name: 'CERT-In',
    type: 'government-body',
    description:
      'Indian Computer Emergency Response Team, the national agency that handles cyber incidents and sets the deadline for reporting them.',
    aliases: [{ text: 'CERT-In', caseSensitive: true }, { text: 'Indian Computer Emergency Response Team' }],
    related: [],
    links: [{ label: 'CERT-In', url: 'https://www.cert-in.org.in/' }],
  },
  {
    name: 'Mira Castellanos',
    type: 'person',
    description: 'Asia technology correspondent of The Harbour Courier.',
    aliases: [{ text: 'Mira Castellanos' }],
    related: [],
    links: [],
  },
];

/** The built-in entity the reader hides (a company they do not follow). */
export const HIDDEN_BUILTIN = 't22-labs';

/** The built-in entity the reader edits, and what they change in it. */
export const EDITED_BUILTIN = 'symantec';
export const editBuiltin = (entity: EntityInput): EntityInput => ({
  ...entity,
  description: `${entity.description} Now part of Broadcom.`,
  aliases: [...entity.aliases, { text: 'シマンテック' }],
});
