// @vitest-environment happy-dom
/**
 * "Add this page as a source", read locally: the project's own news pages and a small page with JSON-LD give
 * their article's text and metadata without the page's furniture, the text is capped between blocks, the
 * page's DOM is never changed, and (when ../shared/pages is present) no real saved page makes it throw.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extractArticle } from '../../../../src/content/sources/extract-article';
import { needsShared, SHARED_PAGES } from '../../../shared-folder';
import {
  allText,
  closePages,
  expectInOrder,
  extractUnchanged,
  fixture,
  headings,
  PAGES,
  pageOf,
  sourceOf,
  texts,
} from './source-pages';

afterEach(closePages);

describe('extractArticle on the project’s news pages', () => {
  it('reads the English news article, its metadata, and none of the page around it', () => {
    const source = sourceOf(extractUnchanged(fixture('news-article.html')));
    expect(source).toMatchObject({
      url: 'https://news.invalid/2024/story',
      title: 'Tokyo and New Delhi draw their cyber partnership closer as suppliers become the target',
      author: 'Mira Castellanos',
      siteName: 'The Harbour Courier',
      publishedAt: '2024-03-14T06:00:00.000+09:00',
      lang: 'en-GB',
      isTruncated: false,
    });
    expect(source.canonical).toBeUndefined();
    expectInOrder(source, [
      'When officials from Japan and India met in Tokyo last month',
      'Japan’s National center of Incident readiness',
      'The concern is not abstract.',
      '“The contractor is the new perimeter.',
      'The next round of talks is due in New Delhi in the autumn.',
    ]);
    const text = allText(source);
    for (const furniture of [
      'cookie',
      'Puzzles',
      'Comments (3)',
      'ravi_k',
      'Most read',
      'Cicadas return',
      'Sign up',
    ]) {
      expect(text).not.toContain(furniture);
    }
    expect(source.textLength).toBe(texts(source).join('').length);
    expect(source.blocks.every((block) => block.text === block.text.replace(/\s+/g, ' ').trim())).toBe(true);
    expect(text).not.toMatch(/[<>]/);
  });

  it('reads the Japanese article with its subheadings in order, without the breadcrumb or rankings', () => {
    const source = sourceOf(extractUnchanged(fixture('news-article-ja.html')));
    expect(source).toMatchObject({
      title: '取引先経由の侵入相次ぐ　政府、委託先の報告期限短縮を検討',
      siteName: 'みなと経済新聞',
      publishedAt: '2024-03-15T10:30:00.000+09:00',
      lang: 'ja',
    });
    expect(headings(source)).toEqual(
      expect.arrayContaining(['個人のアプリにも注意', '首相「官民の情報共有を強める」']),
    );
    expectInOrder(source, [
      '政府機関への不正アクセスが',
      '個人のアプリにも注意',
      '警察庁は',
      '首相「官民の情報共有を強める」',
      '岸田文雄首相は',
    ]);
    const text = allText(source);
    for (const furniture of [
      'パンくず',
      'トップ',
      'アクセスランキング',
      'クアッドバイク',
      '関連記事',
      'ログイン',
    ]) {
      expect(text).not.toContain(furniture);
    }
  });

  it('reads article.html with its byline as the author and its headings', () => {
    const source = sourceOf(extractUnchanged(fixture('article.html')));
    expect(source.title).toMatch(/^Tokyo weighs its network risks/);
    expect(source.author).toBe('A. N. Example, staff writer');
    expect(source.lang).toBe('en');
    expect(allText(source)).toContain('Private carriers are another matter.');
    expect(allText(source)).not.toContain('From our readers');
  });
});

describe('extractArticle on a page with JSON-LD', () => {
  const page = (): Document => fixture('sources/jsonld-article.html');

  it('takes the date and authors from a @graph, skips the malformed block, resolves the canonical', () => {
    const source = sourceOf(extractUnchanged(page()));
    expect(source).toMatchObject({
      title: 'Port operators rehearse a week without their booking systems',
      author: 'Wen Li Tan, Arjun Pillai',
      siteName: 'The Strait Ledger',
      publishedAt: '2025-06-02T08:30:00.000+08:00',
      lang: 'en-SG',
      canonical: 'https://news.invalid/2025/06/port-operators-rehearse',
    });
  });

  it('gives headings, list items, table rows and quotes as blocks, in order', () => {
    const source = sourceOf(extractArticle(page()));
    expect(source.blocks).toEqual(
      expect.arrayContaining([
        { kind: 'heading', text: 'What the drill tested' },
        { kind: 'paragraph', text: 'Moving containers with no digital gate passes for a whole shift.' },
        { kind: 'paragraph', text: 'Monday | 61%' },
        { kind: 'paragraph', text: '“Paper is slow, but paper cannot be encrypted by someone else.”' },
        { kind: 'heading', text: 'What comes next' },
      ]),
    );
    expectInOrder(source, [
      'Terminal operators',
      'What the drill tested',
      'Moving containers',
      'Day | Ships on time',
      'What comes next',
      'Organisers plan',
    ]);
    expect(allText(source)).not.toMatch(/First! Great read|Shipping|©/);
  });

  it('caps the text between blocks and says so', () => {
    const whole = sourceOf(extractArticle(page()));
    const capped = sourceOf(extractUnchanged(page(), 600));
    expect(whole.isTruncated).toBe(false);
    expect(capped.isTruncated).toBe(true);
    expect(capped.textLength).toBeLessThanOrEqual(600);
    expect(capped.blocks).toEqual(whole.blocks.slice(0, capped.blocks.length));
    const next = whole.blocks[capped.blocks.length];
    expect(capped.textLength + (next?.text.length ?? 0)).toBeGreaterThan(600);
  });

  it('cuts inside the first block only when that block alone is over the cap', () => {
    const capped = sourceOf(extractArticle(page(), { maxChars: 40 }));
    expect(capped.blocks).toHaveLength(1);
    expect(capped.blocks[0]?.text).toBe('Terminal operators spent five days last');
    expect(capped.isTruncated).toBe(true);
  });

  it('ignores dates that are not dates', () => {
    const html = readFileSync(join(PAGES, 'sources/jsonld-article.html'), 'utf8')
      .replace('2025-06-02T08:30:00+08:00', 'last Tuesday')
      .replace('<h1>', '<p><time datetime="2025-05-30">30 May</time></p><h1>');
    expect(sourceOf(extractArticle(pageOf(html))).publishedAt).toBe('2025-05-30T00:00:00.000Z');
  });
});

describe("extractArticle on a news site's markup", () => {
  /** Paragraphs as a news site writes them: divs, a link with an icon and screen-reader text, meta itemprop. */
  const LINKED = (body: string, meta = ''): string =>
    `<!doctype html><html lang="en"><head><title>Tank crew killed reporter</title>${meta}</head><body><article>${body}</article></body></html>`;
  const paragraph = (i: number): string =>
    `<div data-testid="paragraph-${i}">Paragraph ${i} says enough about the incident to be read as part of an article body, sentence after sentence, as reports do.</div>`;

  it('keeps a sentence with a link in it as one paragraph, without icons or screen-reader text', () => {
    const body = [
      paragraph(0),
      '<div data-testid="paragraph-1">The <a href="https://tno.example/report.pdf">report<svg viewBox="0 0 32 32"><path d="M1 1"></path></svg><span style="border:0;clip:rect(0 0 0 0);clip-path:inset(50%);height:1px;position:absolute;width:1px">, opens new tab</span></a> by the Netherlands Organisation for Applied Scientific Research was published on Thursday.</div>',
      '<div>Readers were told <span class="sr-only">(hidden) </span>what the inquiry found.</div>',
      paragraph(2),
      paragraph(3),
    ].join('');
    const source = sourceOf(extractArticle(pageOf(LINKED(body))));
    expect(texts(source)).toContain(
      'The report by the Netherlands Organisation for Applied Scientific Research was published on Thursday.',
    );
    expect(texts(source)).toContain('Readers were told what the inquiry found.');
    expect(allText(source)).not.toMatch(/opens new tab|\(hidden\)/);
  });

  it('takes a Japanese lead of 180 characters as an article, and 180 English letters as none', () => {
    const ja =
      '政府は二十日、重要インフラを担う企業に対し、サイバー攻撃を受けた際の報告期限を短くする方針を固めた。委託先を経由した侵入が相次いでいることを受けたもので、'.repeat(
        3,
      );
    const page = (text: string, lang: string) =>
      `<!doctype html><html lang="${lang}"><head><title>t</title></head><body><article><p>${text}</p></article></body></html>`;
    expect(extractArticle(pageOf(page(ja.slice(0, 180), 'ja'))).kind).toBe('article');
    expect(extractArticle(pageOf(page('Short teaser text. '.repeat(10).slice(0, 180), 'en'))).kind).toBe(
      'no-article',
    );
  });

  it('reads the date from itemprop or og:pubdate meta, and a value written in value=', () => {
    const body = [0, 1, 2, 3, 4].map(paragraph).join('');
    const itemprop = LINKED(body, '<meta itemprop="datePublished" content="2019-11-19T02:34:30Z">');
    expect(sourceOf(extractArticle(pageOf(itemprop))).publishedAt).toBe('2019-11-19T02:34:30.000Z');
    const value = LINKED(
      body,
      '<meta property="article:published_time" value="2017-02-10T09:00:00-05:00"><meta property="og:site_name" value="Android Central">',
    );
    expect(sourceOf(extractArticle(pageOf(value)))).toMatchObject({
      publishedAt: '2017-02-10T09:00:00.000-05:00',
      siteName: 'Android Central',
    });
  });
});

const corpus = needsShared(SHARED_PAGES, 'extractArticle over the real-page corpus');

describe.skipIf(corpus.isAbsent)(corpus.title, () => {
  it('never throws and never changes a page', () => {
    const names = corpus.isAbsent ? [] : readdirSync(SHARED_PAGES).filter((name) => name.endsWith('.html'));
    const articles: string[] = [];
    for (const name of names) {
      const doc = pageOf(readFileSync(join(SHARED_PAGES, name), 'utf8'), 'https://corpus.invalid/');
      const outcome = extractUnchanged(doc);
      if (outcome.kind === 'article') articles.push(name);
    }
    console.log(`extractArticle: ${articles.length} of ${names.length} saved pages are articles`);
    expect(names.length).toBeGreaterThan(0);
  }, 120_000);
});
