/**
 * Each trap of knowledge-base.md on the real page that holds it: the look-alike must be in the page's
 * visible text (so the test means something) and Gloss must not read it as the entity. Traps that no page
 * in the corpus shows (THE BOTTOM LINE, upper-case ONLINE, LINE-1, ホットライン) are covered in
 * matcher-rules.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliasSpecs } from '../../../../src/kb/compile';
import { ENTITIES } from '../../../../src/kb/entities/index';
import { compileMatcher } from '../../../../src/shared/matcher/matcher';
import { needsShared, SHARED_PAGES } from '../../../shared-folder';
import { pageBlocks, scanPage } from './corpus-scan';

const corpus = needsShared(SHARED_PAGES, 'traps on the real pages that hold them');
const matcher = compileMatcher(aliasSpecs(ENTITIES));

/** [trap, page, look-alike text in the page, entity it must not become, true mentions of it on that page]. */
const TRAPS: Array<[string, string, string, string, string[]]> = [
  ['all-caps running text', 'rss2020__2020-07-07_theguardian.md', 'THERE IS A LINE', 'line', []],
  ['OFFLINE contains LINE', 'trafilatura__heartlandnewsfeed.com-Christian.html', 'OFFLINE', 'line', []],
  ['Line Mode Browser', 'trafilatura__gizmeo.eu.insekten.html', 'Line Mode Browser', 'line', []],
  // ホットライン in newspaper4k__japanese_article.html sits only in meta tags and hidden markup, not in
  // visible text; オンライン and ガイドライン are visible in this feed.
  ['katakana オンライン', 'rss2023__2023-09-28_gigazine.md', 'オンライン', 'line', []],
  ['katakana ガイドライン', 'rss2023__2023-09-28_gigazine.md', 'ガイドライン', 'line', []],
  ['cicadas the insect', 'fundus__us_Wired_2024_04_28.html', 'cicadas', 'cicada', []],
  ['quad bike', 'rss2020__2020-07-07_theguardian.md', 'Quad bike', 'quad', []],
  ['quad-core', 'readability__simplyfound-1.html', 'quad-core', 'quad', []],
  ['Quad Cities', 'trafilatura__heartlandnewsfeed.com-Christian.html', 'Quad Cities', 'quad', []],
  ['Quad Level Cell', 'postlight__www.publickey1.jp.html', 'Quad Level Cell', 'quad', []],
  ["Labour's NEC", 'rss2023__2023-05-17_theguardian.md', 'Labour NEC', 'nec', []],
  ['Spanish beca', 'trafilatura__larepublica.net-hackers.html', 'beca', 'beca', []],
  ['T.S. Made in China', 'readability__bbc-1.html', 'Made in China', 'made-in-china-2025', []],
  [
    '警視庁 is not 警察庁',
    'fundus__jp_SankeiShimbun_2025_01_21.html',
    '警視庁',
    'national-police-agency',
    ['警察庁'],
  ],
];

describe.skipIf(corpus.isAbsent)(corpus.title, () => {
  it.each(TRAPS)('%s (%s)', (_trap, page, lookalike, entityId, trueMentions) => {
    const text = pageBlocks(join(SHARED_PAGES, page)).join('\n');
    expect(text).toContain(lookalike);
    const found = scanPage(join(SHARED_PAGES, page), matcher)
      .filter((m) => m.entityId === entityId)
      .map((m) => m.text);
    expect(found).toEqual(trueMentions);
  });
});
