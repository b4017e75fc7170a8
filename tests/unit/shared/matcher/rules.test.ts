import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../../src/shared/matcher/matcher';
import type { AliasSpec } from '../../../../src/shared/protocol';

const found = (aliases: AliasSpec[], text: string): string[] =>
  compileMatcher(aliases)
    .find(text)
    .map((m) => `${m.entityId}:${text.slice(m.start, m.end)}`);

describe('matcher mechanics', () => {
  it('prefers the longest alias at a position and then continues after it', () => {
    const aliases: AliasSpec[] = [
      { entityId: 'beca', text: 'Basic Exchange and Cooperation Agreement' },
      { entityId: 'beca', text: 'BECA', caseSensitive: true },
      { entityId: 'agreement', text: 'Cooperation Agreement' },
    ];
    expect(
      found(aliases, 'the Basic Exchange and Cooperation Agreement (BECA) and a Cooperation Agreement'),
    ).toEqual([
      'beca:Basic Exchange and Cooperation Agreement',
      'beca:BECA',
      'agreement:Cooperation Agreement',
    ]);
  });

  it('treats whitespace runs, line breaks, hyphens and curly apostrophes as their plain forms', () => {
    const aliases: AliasSpec[] = [
      { entityId: 'gsdf', text: 'Ground Self-Defense Force' },
      { entityId: 'jaxa', text: "Japan's Space Agency" },
    ];
    expect(found(aliases, 'Ground  Self\nDefense Force and Japan’s Space Agency')).toEqual([
      'gsdf:Ground  Self\nDefense Force',
      'jaxa:Japan’s Space Agency',
    ]);
  });

  it('ignores soft hyphens and zero-width characters inside a name and folds full-width letters', () => {
    const aliases: AliasSpec[] = [
      { entityId: 'huawei', text: 'Huawei' },
      { entityId: 'line', text: 'LINE', caseSensitive: true },
    ];
    expect(found(aliases, 'Hua\u00adwei and Hua\u200bwei and ＬＩＮＥ')).toEqual([
      'huawei:Hua\u00adwei',
      'huawei:Hua\u200bwei',
      'line:ＬＩＮＥ',
    ]);
  });

  it('keeps case-sensitive aliases to their exact case', () => {
    const aliases: AliasSpec[] = [{ entityId: 'zte', text: 'ZTE', caseSensitive: true }];
    expect(found(aliases, 'ZTE, zte and Zte')).toEqual(['zte:ZTE']);
  });

  it('applies whole-word rules per script', () => {
    const aliases: AliasSpec[] = [
      { entityId: 'line', text: 'LINE', caseSensitive: true },
      { entityId: 'beca', text: 'बेका' },
      { entityId: 'quad', text: 'クアッド' },
      { entityId: 'sdf', text: '自衛隊' },
      { entityId: 'gsdf', text: '陸上自衛隊' },
    ];
    expect(found(aliases, 'ONLINE OFFLINE LINE_MAX LINE-1 line.me LINE')).toEqual(['line:LINE']);
    expect(found(aliases, 'メールLINEで贈れる')).toEqual(['line:LINE']);
    expect(found(aliases, 'यह बेकार है; बेका पर हस्ताक्षर')).toEqual(['beca:बेका']);
    expect(found(aliases, 'クアッドコアのCPU、クアッド首脳会合')).toEqual(['quad:クアッド']);
    expect(found(aliases, '陸上自衛隊と自衛隊')).toEqual(['gsdf:陸上自衛隊', 'sdf:自衛隊']);
  });

  it('requires cues when given, and rejects on veto cues and reject patterns', () => {
    const aliases: AliasSpec[] = [
      {
        entityId: 'cicada',
        text: 'Cicada',
        caseSensitive: true,
        cues: ['APT', 'Symantec'],
        rejectAfter: '\\s*3301',
      },
      {
        entityId: 'nec',
        text: 'NEC',
        caseSensitive: true,
        cues: ['Japanese', 'cable'],
        vetoCues: ['Labour'],
      },
    ];
    expect(found(aliases, 'Cicada nymphs emerge after 17 years.')).toEqual([]);
    expect(found(aliases, 'The APT group Cicada, named by Symantec.')).toEqual(['cicada:Cicada']);
    expect(found(aliases, 'Symantec and the Cicada 3301 puzzle')).toEqual([]);
    expect(found(aliases, 'The Japanese company NEC laid the cable.')).toEqual(['nec:NEC']);
    expect(found(aliases, "Labour's NEC met; the Japanese delegation watched.")).toEqual([]);
  });

  it('reads cues in the neighbouring blocks, up to the cue window', () => {
    const m = compileMatcher([{ entityId: 'line', text: 'Line', caseSensitive: true, cues: ['messaging'] }]);
    const headline = 'Line operator says data leaked';
    expect(m.find(headline)).toEqual([]);
    expect(m.find(headline, { after: 'The messaging app said on Monday…' })).toHaveLength(1);
    expect(m.find(headline, { after: `${'x'.repeat(300)} messaging` })).toEqual([]);
    expect(m.find(headline, { before: 'The messaging app said on Monday…' })).toHaveLength(1);
  });

  it('does not read a cue across the match itself', () => {
    const aliases: AliasSpec[] = [
      { entityId: 'x', text: 'Quad', caseSensitive: true, cues: ['Quad summit'] },
    ];
    expect(found(aliases, 'Quad summit')).toEqual([]);
  });

  it('asks for a cue in all-caps running text only when shoutingNeedsCue is set', () => {
    const aliases: AliasSpec[] = [
      {
        entityId: 'line',
        text: 'LINE',
        caseSensitive: true,
        shoutingNeedsCue: true,
        cues: ['app', 'messaging'],
      },
    ];
    expect(found(aliases, 'THE BOTTOM LINE')).toEqual([]);
    expect(found(aliases, 'BOTTOM LINE: the market is calm')).toEqual([]);
    expect(found(aliases, 'Meet us at the FRONT LINE today')).toEqual([]);
    expect(found(aliases, 'NHK reported that LINE users')).toEqual(['line:LINE']);
    expect(found(aliases, 'THERE IS A LINE & that line')).toEqual([]);
    expect(found(aliases, 'Users of LINE said')).toEqual(['line:LINE']);
    expect(found(aliases, 'NEW: LINE APP LEAK hits messaging users')).toEqual(['line:LINE']);
  });

  it('does not match inside URLs or e-mail addresses shown as text', () => {
    const aliases: AliasSpec[] = [{ entityId: 'huawei', text: 'Huawei' }];
    expect(
      found(
        aliases,
        'See https://example.com/banning-huawei-gear, www.huawei.com/x, press@huawei.com and Huawei.',
      ),
    ).toEqual(['huawei:Huawei']);
  });

  it('reports offsets into the original text', () => {
    const text = '  x\u00ad  Huawei!';
    const [m] = compileMatcher([{ entityId: 'huawei', text: 'Huawei' }]).find(text);
    expect(m).toMatchObject({ start: 6, end: 12 });
  });
});

describe('knowledge-base names in other scripts', () => {
  it('finds Japanese names glued to the text around them, the longest first', async () => {
    const { ENTITIES } = await import('../../../../src/kb/entities/index');
    const { aliasSpecs } = await import('../../../../src/kb/compile');
    const aliases = aliasSpecs(ENTITIES);
    expect(
      found(
        aliases,
        '国立研究開発法人宇宙航空研究開発機構と警察庁のサイバー警察局、内閣サイバーセキュリティセンターが陸上自衛隊と協力。岸田文雄首相は日米豪印の首脳会合へ。',
      ),
    ).toEqual([
      'jaxa:国立研究開発法人宇宙航空研究開発機構',
      'national-police-agency:警察庁',
      'national-police-agency:サイバー警察局',
      'nisc:内閣サイバーセキュリティセンター',
      'gsdf:陸上自衛隊',
      'kishida:岸田文雄',
      'quad:日米豪印',
    ]);
    expect(found(aliases, '警視庁が捜査')).toEqual([]);
  });

  it('finds Hindi names only as whole words', async () => {
    const { ENTITIES } = await import('../../../../src/kb/entities/index');
    const { aliasSpecs } = await import('../../../../src/kb/compile');
    const aliases = aliasSpecs(ENTITIES);
    expect(found(aliases, 'भारत और अमेरिका ने बेका पर हस्ताक्षर किए, कॉमकासा पहले हुआ। हुआवेई पर रोक।')).toEqual([
      'beca:बेका',
      'comcasa:कॉमकासा',
      'huawei:हुआवेई',
    ]);
    expect(found(aliases, 'यह बेकार है और बेकाबू भी')).toEqual([]);
  });
});

describe('knowledge-base rules on look-alikes', () => {
  it('never reads katakana ライン inside other words as LINE', async () => {
    const { ENTITIES } = await import('../../../../src/kb/entities/index');
    const { aliasSpecs } = await import('../../../../src/kb/compile');
    const aliases = aliasSpecs(ENTITIES);
    expect(found(aliases, '米朝ホットライン開設、オンライン会議のガイドライン、ラインを越える')).toEqual([]);
    expect(found(aliases, 'LINEで送る')).toEqual(['line:LINE']);
  });

  it('reads Jetro as the trade body only with a Japan or trade cue', async () => {
    const { ENTITIES } = await import('../../../../src/kb/entities/index');
    const { aliasSpecs } = await import('../../../../src/kb/compile');
    const aliases = aliasSpecs(ENTITIES);
    expect(found(aliases, 'Jetro y su familia llegaron al pueblo.')).toEqual([]);
    expect(found(aliases, 'Jetro, Japan’s trade promotion body, said exports rose.')).toEqual([
      'jetro:Jetro',
    ]);
    expect(found(aliases, 'Data from JETRO show')).toEqual(['jetro:JETRO']);
  });
});
