/** Companies the articles discuss: LINE, Chinese 5G vendors, Japanese technology firms and security vendors. */
import type { EntityDef } from '../../shared/kb-types';

/** Context that says "LINE"/"Line" is the messaging app or its operator, not a line of text or a queue. */
const LINE_APP_CUES = [
  'app',
  'apps',
  'messaging',
  'messenger',
  'chat',
  'chats',
  'Naver',
  'LY Corp',
  'LY Corporation',
  'Line Corp',
  'Yahoo',
  'stickers',
  'Line Pay',
  'smartphone',
  'Idezawa',
  'Z Holdings',
  'SoftBank',
  'アプリ',
  'メッセージ',
  'ヤフー',
];

/**
 * Title-case "Line" right after another capitalised word is a named line (the McMahon Line, the
 * Nine-Dash Line, the Yamanote Line), not the app; the listed words are the ones that do introduce the app.
 */
const LINE_NAMED_LINE_BEFORE =
  '\\b(?!(?:The|Naver|Yahoo|Korea|Japan|App|Apps|Messaging|Messenger|Chat|Use|Using|Via|On|And|Or|With|Download|Install|About|Like|From|Including|Called|Named)\\b)[A-Z][A-Za-z]*\\s+';

/** Context that says "NEC" is the Japanese technology company. */
const NEC_CUES = [
  'Japan',
  'Japanese',
  'Tokyo',
  'technology',
  'tech',
  'electronics',
  'computer',
  'computers',
  'semiconductor',
  '5G',
  'network',
  'networks',
  'telecom',
  'telecommunications',
  'submarine',
  'cable',
  'cables',
  'Fujitsu',
  'Hitachi',
  'Toshiba',
  'supercomputer',
  'biometric',
  'biometrics',
  'facial recognition',
  'AI',
  'servers',
  '日本',
];

/** Company entities. */
export const COMPANIES: EntityDef[] = [
  {
    id: 'line',
    name: 'LINE (LY Corporation)',
    type: 'company',
    description:
      'LINE is the messaging app most Japanese smartphone users rely on; it was launched in Japan in 2011 by the local arm of Korea’s Naver and run by LINE Corporation, which on 1 October 2023 merged with Z Holdings and Yahoo Japan to form LY Corporation (LINEヤフー). In March 2021 Japanese media revealed that engineers at a Chinese affiliate had been able to reach Japanese users’ personal data since 2018, and the company then cut off access from China.',
    aliases: [
      // Uppercase and standalone only: the whole-word rule keeps out ONLINE, LINE_MAX and LINE-1; in
      // shouting text ("THE BOTTOM LINE") an app cue is required. Line Runner / Line Dancer are malware.
      {
        text: 'LINE',
        caseSensitive: true,
        shoutingNeedsCue: true,
        cues: LINE_APP_CUES,
        rejectAfter: '\\s+(?:[Rr]unner|[Dd]ancer|RUNNER|DANCER|OF|ITEMS?)\\b',
      },
      // English news often writes "Line"; only with an app cue, and not the Line of Actual Control,
      // Line Mode Browser, "Line 2" of a railway, or a named line such as the McMahon Line.
      {
        text: 'Line',
        caseSensitive: true,
        cues: LINE_APP_CUES,
        rejectBefore: LINE_NAMED_LINE_BEFORE,
        rejectAfter: '\\s+(?:Runner|Dancer|Mode|of)\\b|\\s*\\d',
      },
      // Case-sensitive so that "a command-line messaging app" is not read as the app's name.
      { text: 'Line messaging app', caseSensitive: true },
      { text: 'LINE messaging app', caseSensitive: true },
      { text: 'LINE Corporation' },
      { text: 'LINE Corp' },
      { text: 'LY Corporation' },
      { text: 'LY Corp' },
      { text: 'Line Yahoo' },
      { text: 'LINE株式会社' },
      { text: 'LINEヤフー株式会社' },
      { text: 'LINEヤフー' },
      // Katakana ライン is deliberately absent: it sits inside オンライン, ホットライン and ガイドライン.
    ],
    related: [],
    links: [{ label: 'LY Corporation', url: 'https://www.lycorp.co.jp/' }],
  },
  {
    id: 'huawei',
    name: 'Huawei',
    type: 'company',
    description:
      'Chinese maker of telecommunications equipment and smartphones, and a leading supplier of 5G networks. Several governments have shut it out of their 5G roll-outs on security grounds; Japan kept it, and ZTE, out of government procurement from December 2018 without naming either firm.',
    aliases: [
      { text: 'Huawei Technologies' },
      { text: 'Huawei' },
      { text: 'ファーウェイ' },
      { text: '華為技術' },
      { text: '华为' },
      { text: 'हुआवेई' },
    ],
    related: ['zte'],
    links: [{ label: 'Huawei', url: 'https://www.huawei.com/' }],
  },
  {
    id: 'zte',
    name: 'ZTE',
    type: 'company',
    description:
      'Chinese telecommunications equipment maker (中興通訊) and, with Huawei, one of the big Chinese 5G vendors. Japan quietly excluded both companies from government procurement in December 2018 over security concerns.',
    aliases: [
      { text: 'ZTE Corporation' },
      // Case-sensitive: "zte" turns up in file names and URL fragments.
      { text: 'ZTE', caseSensitive: true },
      // Blogs and link titles write it in lower case ("das erste firefox-phone von zte"); only next to
      // phone or telecom words, since "zte" also turns up as a file-name or code fragment.
      {
        text: 'zte',
        caseSensitive: true,
        cues: [
          'phone',
          'smartphone',
          'handset',
          'handy',
          'firefox',
          'android',
          'telecom',
          'huawei',
          '5G',
          'China',
          'Chinese',
          'Hersteller',
        ],
      },
      { text: '中興通訊' },
      { text: '中兴通讯' },
    ],
    related: ['huawei'],
  },
  {
    id: 'nec',
    name: 'NEC',
    type: 'company',
    description:
      'Japanese IT and electronics group (日本電気) whose business includes building submarine cable systems, such as the one linking Chennai with India’s Andaman and Nicobar Islands. Since 2016 it has run a joint AI research lab with AIST inside the AIRC.',
    aliases: [
      { text: 'NEC Corporation' },
      { text: 'NEC Corp' },
      // "NEC" is also Labour's National Executive Committee, NEC Nijmegen, the White House National
      // Economic Council, Birmingham's exhibition centre and a Philippine province code.
      {
        text: 'NEC',
        caseSensitive: true,
        cues: NEC_CUES,
        vetoCues: [
          'Labour',
          'Labor',
          'ANC',
          'party',
          'executive committee',
          'Nijmegen',
          'Eredivisie',
          'football',
          'National Economic Council',
          'Economic Council',
          'Birmingham',
          'Exhibition Centre',
          'Negros',
          'Northeast Conference',
          'Electrical Code',
        ],
      },
      { text: '日本電気株式会社' },
    ],
    related: ['aist', 'airc'],
    links: [{ label: 'NEC', url: 'https://www.nec.com/' }],
  },
  {
    id: 'mitsubishi-electric',
    name: 'Mitsubishi Electric',
    type: 'company',
    description:
      'Japanese electrical and electronics manufacturer (三菱電機) and a supplier to Japan’s defence ministry. In January 2020 it disclosed a cyberattack in which data, including defence-equipment requirements the government had given to bidders, leaked.',
    aliases: [
      { text: 'Mitsubishi Electric Corporation' },
      { text: 'Mitsubishi Electric' },
      { text: '三菱電機' },
    ],
    related: ['mod-japan'],
    links: [{ label: 'Mitsubishi Electric', url: 'https://www.mitsubishielectric.com/' }],
  },
  {
    id: 'symantec',
    name: 'Symantec',
    type: 'company',
    description:
      'US cybersecurity vendor whose threat-intelligence researchers name hacking groups after insects. Its November 2020 report on “Cicada” described a long campaign against Japan-linked organisations and is the source ATT&CK cites for that name of APT10.',
    aliases: [{ text: 'Symantec' }],
    related: ['cicada'],
  },
  {
    id: 't22-labs',
    name: 'T22 LABS',
    type: 'company',
    description:
      'Tokyo-based defence-technology company that applies artificial intelligence to cyber defence. Its CEO, Thomas Glucksmann, wrote The Diplomat’s late-2021 analysis of Japan’s cybersecurity posture toward China.',
    aliases: [
      // Case-sensitive: both spellings are the company's; "t22 labs" in lowercase is more likely a path.
      { text: 'T22 LABS', caseSensitive: true },
      { text: 'T22 Labs', caseSensitive: true },
    ],
    related: [],
  },
];
