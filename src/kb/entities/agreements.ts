/** India-US defence agreements named in the India-Japan article: BECA and COMCASA, with English and Hindi forms. */
import type { EntityDef } from '../../shared/kb-types';

/** Context that says an uppercase BECA/COMCASA is the India-US pact (needed in all-caps text). */
const INDIA_US_PACT_CUES = [
  'India',
  'Indian',
  'US',
  'U.S.',
  'United States',
  'agreement',
  'geospatial',
  'geo spatial',
  'COMCASA',
  'BECA',
  'LEMOA',
  'defence',
  'defense',
  '2+2',
  'Pentagon',
  'भारत',
  'अमेरिका',
  'समझौता',
];

/** Spanish texts where "BECA" is a scholarship even when written in capitals outside a heading. */
const SPANISH_SCHOLARSHIP_VETO = ['becas', 'convocatoria', 'estudiantes', 'universidad', 'beneficiarios'];

/** Agreement entities. */
export const AGREEMENTS: EntityDef[] = [
  {
    id: 'beca',
    name: 'BECA (India-US geospatial agreement)',
    type: 'agreement',
    description:
      'The Basic Exchange and Cooperation Agreement lets India and the United States share geospatial intelligence such as maps, nautical and aeronautical charts and geophysical data between their defence establishments. It was signed in New Delhi on 27 October 2020, at the third India-US 2+2 ministerial dialogue, and is one of their “foundational” defence pacts alongside LEMOA and COMCASA.',
    aliases: [
      { text: 'Basic Exchange and Cooperation Agreement for Geo-spatial Cooperation' },
      { text: 'Basic Exchange and Cooperation Agreement for Geospatial Cooperation' },
      { text: 'Basic Exchange and Cooperation Agreement' },
      // Uppercase only: "beca" is Spanish for scholarship, and Spanish headings write it in capitals.
      {
        text: 'BECA',
        caseSensitive: true,
        shoutingNeedsCue: true,
        cues: INDIA_US_PACT_CUES.filter((cue) => cue !== 'BECA'),
        vetoCues: SPANISH_SCHOLARSHIP_VETO,
      },
      // Hindi. The Devanagari boundary rule keeps बेका out of बेकार ("useless") and बेकाबू.
      { text: 'बेका' },
      { text: 'बीईसीए' },
      { text: 'बेसिक एक्सचेंज एंड कोऑपरेशन एग्रीमेंट' },
      { text: 'बेसिक एक्सचेंज ऐंड कोऑपरेशन एग्रीमेंट' },
      { text: 'बेसिक एक्सचेंज एंड कॉपरेशन एग्रीमेंट' },
      { text: 'बुनियादी विनिमय और सहयोग समझौता' },
      { text: 'बुनियादी आदान-प्रदान और सहयोग समझौता' },
      { text: 'आधारभूत विनिमय और सहयोग समझौता' },
      // The variant बीका is also Rao Bika, founder of Bikaner: only near pact vocabulary.
      { text: 'बीका', cues: ['अमेरिका', 'समझौता', 'रक्षा', 'भू स्थानिक'], rejectBefore: 'राव\\s*' },
    ],
    related: ['comcasa'],
  },
  {
    id: 'comcasa',
    name: 'COMCASA (India-US communications agreement)',
    type: 'agreement',
    description:
      'The Communications Compatibility and Security Agreement, signed on 6 September 2018 at the first India-US 2+2 dialogue in New Delhi, allows the United States to supply India with encrypted communications-security equipment for US-origin platforms such as the C-17, P-8I and Apache. It adapts the standard US CISMOA text to India and runs for ten years.',
    aliases: [
      { text: 'Communications Compatibility and Security Agreement' },
      { text: 'Communication Compatibility and Security Agreement' },
      { text: 'Communications, Compatibility, Security Agreement' },
      // The India-Japan article's own (inexact) wording of the name.
      { text: 'Communication Capability and Security Agreement' },
      // No other common meaning, so press spellings such as "Comcasa" may match too.
      { text: 'COMCASA' },
      { text: 'कॉमकासा' },
      { text: 'सीओएमसीएएसए' },
      { text: 'कॉमसीएएसए' },
      { text: 'संचार संगतता और सुरक्षा समझौता' },
      { text: 'संचार, संगतता, सुरक्षा समझौता' },
      { text: 'संचार संगत एवं सुरक्षा समझौता' },
      { text: 'संचार अनुरूपता एवं रक्षा संधि' },
      { text: 'कम्युनिकेशन कॉम्पैटिबिलिटी एंड सेक्युरिटी एग्रीमेंट' },
    ],
    related: ['beca'],
  },
];
