// @vitest-environment happy-dom
/**
 * The page text model notes count offsets in: what it leaves out, DOM ranges to offsets and back, and
 * re-anchoring on saved pages after they were edited: the project's own news pages, and real saved pages
 * from ../shared/pages when that folder is present.
 */
import { join } from 'node:path';
import type { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { TextMap } from '../../../../src/content/notes/text-map';
import { anchorInText } from '../../../../src/shared/notes/anchoring/anchor';
import { describeText } from '../../../../src/shared/notes/anchoring/describe';
import type { NoteAnchor } from '../../../../src/shared/notes/note-types';
import { needsShared, SHARED_PAGES } from '../../../shared-folder';
import { loadSavedPage } from '../../shared/matcher/corpus-scan';

const isGlossUi = (el: Element): boolean => el.localName === 'gloss-ui';

function mapOf(html: string): TextMap {
  document.body.innerHTML = html;
  return new TextMap(document.body, isGlossUi);
}

function rangeAt(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Range {
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

const byId = (id: string): HTMLElement => document.getElementById(id)!;

describe('TextMap text', () => {
  it('concatenates text nodes exactly, leaving out non-prose elements and Gloss UI', () => {
    const map = mapOf(
      '<p>Hello <b>bold</b>\n  world</p><script>var x = 1;</script><style>.a{}</style>' +
        '<noscript>enable JS</noscript><template><p>template</p></template><textarea>typed</textarea>' +
        '<title>t</title><gloss-ui><span>our card</span></gloss-ui><div>end</div>',
    );
    expect(map.text).toBe('Hello bold\n  worldend');
  });

  it('does not enter shadow roots', () => {
    document.body.innerHTML = '<p>light</p><div id="host"></div><p>after</p>';
    byId('host').attachShadow({ mode: 'open' }).innerHTML = '<p>shadow</p>';
    expect(new TextMap(document.body).text).toBe('lightafter');
  });

  it('never modifies the DOM', () => {
    const html = '<p>a<b>b</b></p><script>c</script><gloss-ui>d</gloss-ui>';
    const map = mapOf(html);
    map.offsetsOf(map.rangeOf(0, 2));
    expect(document.body.innerHTML).toBe(html);
  });
});

describe('TextMap offsets and ranges', () => {
  const HTML =
    '<p id="p">Alpha <em id="em">beta</em> gamma</p><script id="s">ignored()</script>' +
    '<ul id="ul"><li>one</li><li>two</li></ul><gloss-ui id="ui">ours</gloss-ui><p id="q">end</p>';
  const TEXT = 'Alpha beta gammaonetwoend';

  it('maps text-node boundaries across several nodes and elements', () => {
    const map = mapOf(HTML);
    expect(map.text).toBe(TEXT);
    const alpha = byId('p').firstChild!;
    const gamma = byId('p').lastChild!;
    expect(map.offsetsOf(rangeAt(alpha, 2, gamma, 3))).toEqual({ start: 2, end: 13 });
    const two = byId('ul').lastChild!.firstChild!;
    expect(map.offsetsOf(rangeAt(byId('em').firstChild!, 1, two, 2))).toEqual({ start: 7, end: 21 });
  });

  it('maps element boundaries, as selections often report them', () => {
    const map = mapOf(HTML);
    const p = byId('p');
    // (p, 0)..(p, 2): "Alpha " and <em>beta</em>.
    expect(map.offsetsOf(rangeAt(p, 0, p, 2))).toEqual({ start: 0, end: 10 });
    // Selecting the whole list by its element, and a range ending just after the first paragraph.
    expect(map.offsetsOf(rangeAt(document.body, 2, document.body, 3))).toEqual({ start: 16, end: 22 });
    expect(map.offsetsOf(rangeAt(p.firstChild!, 6, document.body, 1))).toEqual({ start: 6, end: 16 });
    // A boundary inside the skipped script counts the mapped text before it.
    expect(map.offsetsOf(rangeAt(byId('s').firstChild!, 3, byId('q').firstChild!, 2))).toEqual({
      start: 16,
      end: 24,
    });
  });

  it('gives null for collapsed ranges and ranges holding no mapped text', () => {
    const map = mapOf(HTML);
    expect(map.offsetsOf(rangeAt(byId('p').firstChild!, 2, byId('p').firstChild!, 2))).toBeNull();
    expect(map.offsetsOf(rangeAt(byId('ui').firstChild!, 0, byId('ui').firstChild!, 4))).toBeNull();
    expect(map.offsetsOf(rangeAt(byId('s').firstChild!, 0, byId('s').firstChild!, 5))).toBeNull();
    const other = document.implementation.createHTMLDocument('other');
    other.body.innerHTML = '<p>elsewhere</p>';
    const text = other.body.firstChild!.firstChild!;
    const range = other.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 4);
    expect(map.offsetsOf(range)).toBeNull();
  });

  it('clips a range reaching outside the mapped root', () => {
    document.body.innerHTML =
      '<p id="before">out</p><div id="root"><p>in</p><p>side</p></div><p id="after">out</p>';
    const map = new TextMap(byId('root'));
    expect(map.text).toBe('inside');
    const range = rangeAt(byId('before').firstChild!, 1, byId('after').firstChild!, 2);
    expect(map.offsetsOf(range)).toEqual({ start: 0, end: 6 });
  });

  it('handles empty text nodes at the boundaries', () => {
    document.body.innerHTML = '<p id="p">ab</p>';
    const p = byId('p');
    const empty = document.createTextNode('');
    p.append(empty, document.createTextNode('cd'));
    const map = new TextMap(document.body);
    expect(map.text).toBe('abcd');
    expect(map.offsetsOf(rangeAt(p.firstChild!, 1, empty, 0))).toEqual({ start: 1, end: 2 });
    expect(map.rangeOf(1, 3).toString()).toBe('bc');
  });

  it('round-trips every span: offsetsOf(rangeOf(span)) is the span', () => {
    const map = mapOf(HTML);
    for (let start = 0; start < TEXT.length; start += 1) {
      for (let end = start + 1; end <= TEXT.length; end += 1) {
        expect(map.offsetsOf(map.rangeOf(start, end))).toEqual({ start, end });
      }
    }
  });

  it('gives ranges whose text is the mapped text when no skipped element lies inside', () => {
    const map = mapOf(
      '<h1>Title</h1><p>Alpha <em>beta <b>bold</b></em>\n gamma</p><ul><li>one</li><li>two</li></ul>',
    );
    const text = 'TitleAlpha beta bold\n gammaonetwo';
    expect(map.text).toBe(text);
    for (let start = 0; start < text.length; start += 1) {
      for (let end = start + 1; end <= text.length; end += 1) {
        expect(map.rangeOf(start, end).toString()).toBe(text.slice(start, end));
      }
    }
  });

  it('starts and ends a range inside the nodes holding the text', () => {
    const map = mapOf(HTML);
    const range = map.rangeOf(6, 10);
    expect(range.startContainer).toBe(byId('em').firstChild);
    expect([range.startOffset, range.endOffset]).toEqual([0, 4]);
    expect(range.endContainer).toBe(byId('em').firstChild);
    expect(map.rangeOf(3, 3).collapsed).toBe(true);
    expect(() => map.rangeOf(2, 1)).toThrow(RangeError);
    expect(() => map.rangeOf(0, TEXT.length + 1)).toThrow(RangeError);
  });
});

/** The project's own pages (every clone has them); import.meta.url is not a file: URL under happy-dom. */
const OWN_PAGES = join(import.meta.dirname, '../../../fixtures/pages');
const realPages = needsShared(SHARED_PAGES, 'anchoring on real saved pages');

/**
 * Notes on a saved page, then the page edited as a site would edit it: each test names the sentences that are
 * kept, one that is reworded and one whose paragraph is removed, and the paragraph added near the top.
 */
function anchoringOnSavedPages(folder: string): {
  checkPage: (
    name: string,
    passages: { kept: string[]; edited: { sentence: string; from: string; to: string }; deleted: string },
    added: string,
  ) => void;
} {
  const windows: Window[] = [];
  afterAll(async () => {
    await Promise.all(windows.map((w) => w.happyDOM.close()));
  });

  /** A saved page in a happy-dom window that never runs scripts or loads anything (see corpus-scan.ts). */
  function loadBody(name: string): Document {
    const window = loadSavedPage(join(folder, name));
    windows.push(window);
    return window.document as unknown as Document;
  }

  const mapBody = (doc: Document): TextMap => new TextMap(doc.body, isGlossUi);

  /** The anchor for a sentence that occurs exactly once in the text. */
  function describeSentence(text: string, sentence: string): NoteAnchor {
    const start = text.indexOf(sentence);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(text.lastIndexOf(sentence)).toBe(start);
    return describeText(text, start, start + sentence.length);
  }

  /** The text node holding `snippet`, to edit the page the way a site would. */
  function textNodeWith(doc: Document, snippet: string): Text {
    const walker = doc.createTreeWalker(doc.body, 0x4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if ((node as Text).data.includes(snippet)) return node as Text;
    }
    throw new Error(`No text node holds ${snippet}`);
  }

  function paragraphWith(doc: Document, snippet: string): Element {
    const p = [...doc.querySelectorAll('p')].find((el) => el.textContent?.includes(snippet));
    if (!p) throw new Error(`No paragraph holds ${snippet}`);
    return p;
  }

  function checkPage(
    name: string,
    passages: { kept: string[]; edited: { sentence: string; from: string; to: string }; deleted: string },
    added: string,
  ): void {
    const doc = loadBody(name);
    const before = mapBody(doc);
    const kept = passages.kept.map((s) => describeSentence(before.text, s));
    const edited = describeSentence(before.text, passages.edited.sentence);
    const deleted = describeSentence(before.text, passages.deleted);
    // On the unchanged page every note is where it was, and maps back to the DOM exactly.
    for (const anchor of [...kept, edited, deleted]) {
      expect(anchorInText(before.text, anchor)).toMatchObject({ ...anchor.position, method: 'position' });
      const range = before.rangeOf(anchor.position!.start, anchor.position!.end);
      expect(range.toString()).toBe(anchor.quote.exact);
      expect(before.offsetsOf(range)).toEqual(anchor.position);
    }

    // The site inserts a paragraph near the top, rewords one passage and drops another's paragraph.
    const intro = doc.createElement('p');
    intro.textContent = added;
    const firstParagraph = doc.querySelector('p')!;
    firstParagraph.parentNode!.insertBefore(intro, firstParagraph);
    const node = textNodeWith(doc, passages.edited.from);
    node.data = node.data.replace(passages.edited.from, passages.edited.to);
    paragraphWith(doc, passages.deleted).remove();
    const after = mapBody(doc);

    for (const anchor of kept) {
      const start = after.text.indexOf(anchor.quote.exact);
      expect(anchorInText(after.text, anchor)).toMatchObject({
        start,
        end: start + anchor.quote.exact.length,
        method: 'exact',
      });
    }
    const reworded = passages.edited.sentence.replace(passages.edited.from, passages.edited.to);
    const start = after.text.indexOf(reworded);
    expect(start).toBeGreaterThanOrEqual(0);
    const match = anchorInText(after.text, edited);
    expect(match).toMatchObject({ start, end: start + reworded.length, method: 'fuzzy' });
    expect(after.rangeOf(match!.start, match!.end).toString()).toBe(reworded);
    expect(anchorInText(after.text, deleted)).toBeNull();
  }

  return { checkPage };
}

describe("anchoring on the project's own news pages (tests/fixtures/pages)", () => {
  const { checkPage } = anchoringOnSavedPages(OWN_PAGES);

  it('re-anchors notes on an English news article with its site around it', () => {
    checkPage(
      'news-article.html',
      {
        kept: [
          'In November 2020 the security company Symantec described a campaign by the group it calls Cicada, also known as APT10, against Japan-linked organisations in many regions, including their subsidiaries in China.',
          'Officials expect it to cover how quickly each side tells the other about an intrusion that touches both, a question that, as one Japanese participant put it, is easier to agree in principle than to answer at two in the morning.',
        ],
        edited: {
          sentence:
            'Both governments now want contractors to report a suspected breach within days rather than months, and to keep their logs long enough for investigators to reconstruct what happened.',
          from: 'a suspected breach',
          to: 'a possible breach',
        },
        deleted:
          'Research is being drawn in as well. The Indian Institute of Technology Hyderabad and Japan’s National Institute of Advanced Industrial Science and Technology have worked together on artificial intelligence for several years',
      },
      'Correction: an earlier version of this article misstated the year of the first dialogue.',
    );
  });

  it('re-anchors notes on a Japanese news article with its site around it', () => {
    checkPage(
      'news-article-ja.html',
      {
        kept: [
          '報告までの期限を短くすれば、同じ手口で狙われている他の組織に早く注意を呼びかけられる。',
          '岸田文雄首相は国会で、サイバー分野での官民の情報共有を強める考えを示している。',
        ],
        edited: {
          sentence:
            '一方で、中小の委託先からは、人手が足りず夜間や休日の対応は難しいという声も上がっている。',
          from: '声も上がっている',
          to: '声も出ている',
        },
        deleted:
          '日米豪印の枠組み「クアッド」も、重要な通信機器やソフトウエアの安全性について共通の原則をまとめている。',
      },
      '【更新】この記事は続報を加えて更新しました。',
    );
  });
});

describe.skipIf(realPages.isAbsent)(realPages.title, () => {
  const { checkPage } = anchoringOnSavedPages(SHARED_PAGES);

  it('re-anchors notes on a long English page (Wikipedia, about 500k characters of text)', () => {
    checkPage(
      'readability__wikipedia-2.html',
      {
        kept: [
          'In 1642, Dutch explorer Abel Tasman became the first European to sight New Zealand.',
          'New Zealand underwent major economic changes during the 1980s, which transformed it from a protectionist to a liberalised free-trade economy.',
        ],
        edited: {
          sentence:
            'Dutch explorer Abel Tasman sighted New Zealand in 1642 and named it Staten Land "in honour of the States General" (Dutch parliament).',
          from: 'and named it',
          to: 'and christened it',
        },
        deleted: 'New Zealand was one of the last major landmasses settled by humans.',
      },
      'Editor’s note: this article was updated with new census figures on 1 March.',
    );
  });

  it('re-anchors notes on a Japanese page (Asahi Shimbun)', () => {
    checkPage(
      'fundus__jp_AsahiShimbun_2025_01_13.html',
      {
        kept: ['震源の深さは約30キロ、地震の規模（マグニチュード）は6.9と推定される。'],
        edited: {
          sentence: 'この地震で、気象庁は高知県と宮崎県に1メートルの津波注意報を出した。',
          from: '津波注意報を出した',
          to: '津波注意報を発表した',
        },
        deleted: '熊本県：阿蘇市、産山村、高森町、南阿蘇村、熊本市南区、熊本市北区',
      },
      '【更新】この記事は続報を加えて更新しました。',
    );
  });
});
