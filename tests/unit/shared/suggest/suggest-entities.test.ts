/**
 * The entity suggester (issue 13): each pattern on short realistic sentences, exclusion of known and
 * rejected names, merging, ranking, type guesses, the false positives it must not produce, the built-in
 * articles, and empty and huge input.
 */
import { describe, expect, it } from 'vitest';
import { ENTITIES } from '../../../../src/kb/entities/index';
import { SOURCES } from '../../../../src/kb/sources/index';
import { guessType } from '../../../../src/shared/suggest/lexicon';
import {
  type EntitySuggestion,
  suggestEntities,
  type TextBlock,
} from '../../../../src/shared/suggest/suggest-entities';

const para = (...texts: string[]): TextBlock[] => texts.map((text) => ({ kind: 'paragraph', text }));
const names = (list: EntitySuggestion[]): string[] => list.map((s) => s.name);
const one = (list: EntitySuggestion[], name: string): EntitySuggestion => {
  const found = list.find((s) => s.name === name);
  expect(found, `${name} in ${JSON.stringify(names(list))}`).toBeDefined();
  return found!;
};
const BUILTIN_KNOWN = ENTITIES.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)]);

describe('definitions', () => {
  it('takes "Long Name (ABBR)" with the sentence as evidence', () => {
    const text =
      'The warning came late. The Cybersecurity and Infrastructure Security Agency (CISA) published a joint advisory on Tuesday. Others followed.';
    const [s, ...rest] = suggestEntities(para(text));
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      name: 'Cybersecurity and Infrastructure Security Agency',
      aliases: ['CISA'],
      type: 'government-body',
      reason: 'definition',
      evidence: {
        blockIndex: 0,
        text: 'The Cybersecurity and Infrastructure Security Agency (CISA) published a joint advisory on Tuesday.',
      },
    });
    expect(text.slice(s!.evidence.start, s!.evidence.end)).toBe(s!.evidence.text);
  });

  it('takes "ABBR (Long Name)", letters inside words included (JPCERT/CC)', () => {
    const [s] = suggestEntities(
      para('JPCERT/CC (Japan Computer Emergency Response Team Coordination Center) urged users to patch.'),
    );
    expect(s).toMatchObject({
      name: 'Japan Computer Emergency Response Team Coordination Center',
      aliases: ['JPCERT/CC'],
      type: 'organisation',
      reason: 'definition',
    });
  });

  it('takes a code name with its nickname: "APT41 (Double Dragon)"', () => {
    const [s] = suggestEntities(para('Prosecutors charged five members of APT41 (Double Dragon) in 2020.'));
    expect(s).toMatchObject({
      name: 'APT41',
      aliases: ['Double Dragon'],
      type: 'threat-actor',
      reason: 'definition',
    });
  });

  it('brings the head of an "X of Y" name along, and leaves lower-case and generic long forms out', () => {
    const list = suggestEntities(
      para(
        'Researchers at the National Institute of Advanced Industrial Science and Technology (AIST) joined.',
        'Both sides signed a Memorandum of Understanding (MoU) on information and communications technology (ICT).',
      ),
    );
    expect(names(list)).toEqual(['National Institute of Advanced Industrial Science and Technology']);
  });

  it('needs the abbreviation to fit the long form', () => {
    expect(
      suggestEntities(para('He met the Prime Minister of Japan (PM) and Foreign Office staff (FBI).')),
    ).toEqual([]);
  });
});

describe('introduced names', () => {
  it('takes a name after "dubbed", in quotes', () => {
    const [s] = suggestEntities(
      para(
        'Microsoft said a Chinese state-sponsored group dubbed "Volt Typhoon" had targeted bases in Guam.',
      ),
    );
    expect(s).toMatchObject({ name: 'Volt Typhoon', aliases: [], type: 'threat-actor', reason: 'dubbed' });
  });

  it.each([
    ['Attackers known as Mustang Panda used infected USB drives.', 'Mustang Panda'],
    [
      'The espionage campaign, code-named Operation Cloud Hopper, hit service providers.',
      'Operation Cloud Hopper',
    ],
    ['The hackers, codenamed Earth Lusca by researchers, went quiet.', 'Earth Lusca'],
    ['The team, also called Tick Group, returned in 2023.', 'Tick Group'],
    ['Mandiant linked a China-nexus actor, currently tracked as UNC4841, to the attacks.', 'UNC4841'],
  ])('takes the name in %j', (text, name) => {
    expect(suggestEntities(para(text)).map((s) => [s.name, s.reason])).toEqual([[name, 'dubbed']]);
  });

  it('takes a quoted name after or before "group", "campaign", "operation"', () => {
    const list = suggestEntities(
      para(
        'Investigators linked the campaign "Operation Dream Job" to North Korea.',
        'Taiwanese officials blamed the "Flax Typhoon" group for the intrusions.',
      ),
    );
    expect(list.map((s) => [s.name, s.reason])).toEqual([
      ['Flax Typhoon', 'quoted'],
      ['Operation Dream Job', 'quoted'],
    ]);
    expect(one(list, 'Flax Typhoon').type).toBe('threat-actor');
  });

  it('does not take lower-case words, a place or a vulnerability after a cue', () => {
    expect(suggestEntities(para('What is known as the cloud is dubbed Japan by some.'))).toEqual([]);
    expect(suggestEntities(para('The flaw, tracked as CVE-2023-3519, was patched in July.'))).toEqual([]);
  });
});

describe('repeated names', () => {
  it('takes a capitalised name seen twice, without a leading "The"', () => {
    const list = suggestEntities(
      para(
        'The Japan External Trade Organization warned exporters about ransomware.',
        'Officials at the Japan External Trade Organization said two firms paid.',
      ),
    );
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      name: 'Japan External Trade Organization',
      type: 'organisation',
      reason: 'repeated',
      occurrences: 2,
      evidence: {
        blockIndex: 0,
        text: 'The Japan External Trade Organization warned exporters about ransomware.',
      },
    });
  });

  it('needs two mentions', () => {
    expect(suggestEntities(para('The Japan External Trade Organization warned exporters.'))).toEqual([]);
  });

  it('drops sentence-initial common words and titles, and guesses a person after a title', () => {
    const list = suggestEntities(
      para(
        'However Tokyo Electric said the leak was contained. Defense Minister Kihara Minoru spoke first.',
        'Officials at Tokyo Electric disagreed; however, Defense Minister Kihara Minoru did not.',
      ),
    );
    expect(list.map((s) => [s.name, s.type])).toEqual([
      ['Kihara Minoru', 'person'],
      ['Tokyo Electric', undefined],
    ]);
  });

  it('makes nothing of words capitalised only because they start sentences', () => {
    const text =
      'Critical Systems were hit again. Critical Systems failed. The critical systems of the grid held.';
    expect(
      suggestEntities(para(text, 'Security Teams worked all night. Security teams were tired.')),
    ).toEqual([]);
  });

  it('skips months, days, countries and cities', () => {
    const text =
      'In January South Korea and North Korea held talks in New Delhi. On Monday South Korea said Hong Kong and New Delhi would host the next round in January.';
    expect(suggestEntities(para(text, text))).toEqual([]);
  });

  it('skips two names joined by "and", and title-case page furniture', () => {
    const list = suggestEntities([
      ...para('Huawei and ZTE lost the bid, and Huawei and ZTE appealed.'),
      ...para(
        'Purchase Licensing Rights',
        'Purchase Licensing Rights',
        'Download the App',
        'Download the App',
      ),
    ]);
    expect(list).toEqual([]);
  });

  it('skips places, market indices and events, and what is left of them', () => {
    const text =
      'Shares fell on the Hang Seng Index (HSI) as fighting in Gaza City went on. Fans of the Cricket World Cup cheered in Gaza City as the Cricket World Cup went on.';
    expect(suggestEntities(para(text))).toEqual([]);
  });

  it('takes a repeated Japanese organisation name ending in 庁, 省, 局, 機構, センター or 会議', () => {
    const list = suggestEntities(
      para(
        '警察庁は、中国の「ミラーフェイス」による攻撃を公表した。内閣サイバーセキュリティセンターも注意を呼びかけた。',
        '警察庁によると、内閣サイバーセキュリティセンターが対応した。同庁は詳細を明かさなかった。',
      ),
    );
    expect(list.map((s) => [s.name, s.type, s.occurrences])).toEqual([
      ['内閣サイバーセキュリティセンター', 'organisation', 2],
      ['警察庁', 'government-body', 2],
    ]);
  });
});

describe('known and rejected names', () => {
  const blocks = para(
    'The Cybersecurity and Infrastructure Security Agency (CISA) and a group dubbed "Volt Typhoon" were named.',
    'The Japan External Trade Organization and the Japan External Trade Organization office agreed.',
  );

  it('leaves out names whose name or alias is known, case-insensitively', () => {
    expect(names(suggestEntities(blocks))).toEqual([
      'Cybersecurity and Infrastructure Security Agency',
      'Volt Typhoon',
      'Japan External Trade Organization',
    ]);
    expect(names(suggestEntities(blocks, { known: ['cisa', 'VOLT TYPHOON'] }))).toEqual([
      'Japan External Trade Organization',
    ]);
  });

  it('leaves out rejected suggestions', () => {
    expect(names(suggestEntities(blocks, { rejected: ['Japan External Trade Organization'] }))).toEqual([
      'Cybersecurity and Infrastructure Security Agency',
      'Volt Typhoon',
    ]);
  });

  it('leaves out a repeated fragment of a known name', () => {
    const text =
      'Japan Self-Defense Forces trained. The Self-Defense Forces and Japan Self-Defense Forces met.';
    expect(suggestEntities(para(text), { known: ['Japan Self-Defense Forces'] })).toEqual([]);
  });
});

describe('merging and ranking', () => {
  it('merges a definition with its repeats and abbreviations into one suggestion', () => {
    const list = suggestEntities(
      para(
        "Hackers infiltrated Japan's National Center of Incident Readiness and Strategy for Cybersecurity (NISC) for months.",
        'The National Center of Incident Readiness and Strategy for Cybersecurity found the breach in June.',
        'NISC said no data leaked. Later the National Center of Incident Readiness and Strategy for Cybersecurity agreed.',
      ),
    );
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      name: 'National Center of Incident Readiness and Strategy for Cybersecurity',
      aliases: ['NISC'],
      reason: 'definition',
      occurrences: 5,
      evidence: { blockIndex: 0 },
    });
  });

  it('merges a dubbed name with its repeats', () => {
    const list = suggestEntities(
      para(
        'A group dubbed Salt Typhoon broke into telecom networks.',
        'Salt Typhoon stayed for months. Officials said Salt Typhoon had left.',
      ),
    );
    expect(list.map((s) => [s.name, s.reason, s.occurrences])).toEqual([['Salt Typhoon', 'dubbed', 3]]);
  });

  it('ranks definitions first, then introduced names, then repeats by count', () => {
    const busy = 'Officials from Tokyo Electric met again. ';
    const list = suggestEntities(
      para(
        `${busy.repeat(6)}The Digital Agency (DA) joined.`,
        'Officials at Japan Post Holdings met. Japan Post Holdings agreed.',
        'A crew known as Black Basta demanded money.',
      ),
    );
    expect(list.map((s) => [s.name, s.reason])).toEqual([
      ['Digital Agency', 'definition'],
      ['Black Basta', 'dubbed'],
      ['Tokyo Electric', 'repeated'],
      ['Japan Post Holdings', 'repeated'],
    ]);
    const scores = list.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(
      suggestEntities(para(`${busy.repeat(6)}The Digital Agency (DA) joined.`), { limit: 1 }),
    ).toHaveLength(1);
  });
});

describe('type guesses', () => {
  it.each([
    ['Digital Agency', 'government-body'],
    ['Ministry of Internal Affairs and Communications', 'government-body'],
    ['Cabinet Office', 'government-body'],
    ['National Security Council', 'government-body'],
    ['警察庁', 'government-body'],
    ['総務省', 'government-body'],
    ['Salt Typhoon', 'threat-actor'],
    ['Mustang Panda', 'threat-actor'],
    ['Fancy Bear', 'threat-actor'],
    ['APT10', 'threat-actor'],
    ['Fujitsu Ltd', 'company'],
    ['Toshiba Corporation', 'company'],
    ['Sony Group Inc', 'company'],
    ['Digital Partnership Agreement', 'agreement'],
    ['Tallinn Treaty', 'agreement'],
    ['Cyber Security Framework', 'agreement'],
    ['Active Cyber Defense Act', 'policy'],
    ['Cyber Defense Command', 'military-unit'],
    ['情報処理推進機構', 'organisation'],
    ['Tiger Woods', undefined],
    ['Tokyo Electric', undefined],
  ] as const)('%s → %s', (name, type) => {
    expect(guessType(name)).toBe(type);
  });

  it('reads a hacking group from the sentence around a group name', () => {
    expect(guessType('Lazarus Group', 'North Korean hackers of the Lazarus Group stole crypto.')).toBe(
      'threat-actor',
    );
    expect(guessType('Lazarus Group', 'The Lazarus Group charity raised funds.')).toBe('organisation');
  });
});

describe('the built-in articles', () => {
  const [india, japan] = SOURCES;

  it('suggest what the knowledge base does not hold yet', () => {
    const list = suggestEntities(japan!.blocks, { known: BUILTIN_KNOWN });
    expect(one(list, 'Chinese Communist Party')).toMatchObject({ aliases: ['CCP'], reason: 'definition' });
  });

  it('would have proposed at least 10 of the entities built from them (judged real by hand)', () => {
    const found = [...suggestEntities(india!.blocks), ...suggestEntities(japan!.blocks)].map((s) => [
      s.name,
      ...s.aliases,
    ]);
    const real = [
      'BECA',
      'COMCASA',
      'AIST',
      'AIRC',
      'MSDF',
      'GSDF',
      'ASDF',
      'GGE',
      'National Police Agency',
      'Ministry of Foreign Affairs',
      'Ministry of Defense',
      'Chinese Communist Party',
    ];
    const hits = real.filter((name) => found.some((spellings) => spellings.includes(name)));
    expect(hits).toEqual(real);
    expect(hits.length).toBeGreaterThanOrEqual(10);
  });
});

describe('edge input', () => {
  it('returns nothing for no blocks, empty blocks and blank text', () => {
    expect(suggestEntities([])).toEqual([]);
    expect(suggestEntities(para('', '   ', '()', '( )', '""'))).toEqual([]);
  });

  it('copes with 200k characters in one block and in many', () => {
    const paragraph =
      'The Cybersecurity and Infrastructure Security Agency (CISA) and the Japan External Trade Organization met in Tokyo. A group dubbed "Volt Typhoon" was discussed, and 警察庁 said so. ';
    const huge = paragraph.repeat(Math.ceil(200_000 / paragraph.length));
    const kanji = '漢'.repeat(200_000);
    for (const [label, blocks] of [
      ['one block', para(huge)],
      ['many blocks', para(...huge.match(/[^.]+\./g)!)],
      ['kanji without a suffix', para(kanji)],
    ] as const) {
      const started = performance.now();
      const list = suggestEntities(blocks);
      console.log(
        `suggestEntities on 200k characters (${label}): ${(performance.now() - started).toFixed(0)} ms`,
      );
      if (label !== 'kanji without a suffix') {
        expect(names(list)).toEqual([
          'Cybersecurity and Infrastructure Security Agency',
          'Volt Typhoon',
          'Japan External Trade Organization',
          '警察庁',
        ]);
      } else expect(list).toEqual([]);
    }
  });
});
