// @vitest-environment happy-dom
/**
 * The ways "add this page as a source" gives no article, and the selection path: pages without an article,
 * hostile pages (a Readability that throws, a document that throws, a huge DOM) answer with a reason and
 * never throw; a selection becomes paragraphs with the page's metadata.
 */
import { Readability } from '@mozilla/readability';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  extractArticle,
  NO_ARTICLE,
  NO_SELECTION,
  selectionAsSource,
  TOO_LARGE,
  UNREADABLE,
} from '../../../../src/content/sources/extract-article';
import { closePages, extractUnchanged, fixture, pageOf, sourceOf, texts } from './source-pages';

afterEach(async () => {
  vi.restoreAllMocks();
  await closePages();
});

describe('pages without an article', () => {
  it('says so for a framework dashboard and for a tiny page', () => {
    expect(extractUnchanged(fixture('framework.html'))).toEqual({ kind: 'no-article', reason: NO_ARTICLE });
    const tiny = pageOf(
      '<html><head><title>Hi</title></head><body><p>Just a line of text.</p></body></html>',
    );
    expect(extractUnchanged(tiny)).toEqual({ kind: 'no-article', reason: NO_ARTICLE });
  });

  it('does not run the page’s scripts and survives a Readability that throws', () => {
    const doc = pageOf('<html><body><script>throw new Error("page")</script><p>x</p></body></html>');
    vi.spyOn(Readability.prototype, 'parse').mockImplementation(() => {
      throw new Error('hostile DOM');
    });
    expect(extractUnchanged(doc)).toEqual({ kind: 'no-article', reason: UNREADABLE });
  });

  it('survives a document whose cloneNode throws', () => {
    const doc = fixture('news-article.html');
    Object.defineProperty(doc, 'cloneNode', {
      value: () => {
        throw new Error('no');
      },
    });
    expect(extractArticle(doc)).toEqual({ kind: 'no-article', reason: UNREADABLE });
  });

  it('refuses a huge DOM before cloning it', () => {
    const doc = pageOf('<html><body><div id="big"></div></body></html>');
    doc.getElementById('big')!.innerHTML = '<i></i>'.repeat(100_001);
    const clone = vi.spyOn(doc, 'cloneNode');
    expect(extractArticle(doc)).toEqual({ kind: 'no-article', reason: TOO_LARGE });
    expect(clone).not.toHaveBeenCalled();
  });
});

describe('selectionAsSource', () => {
  const select = (doc: Document, node: Node): Selection => {
    const selection = doc.getSelection()!;
    const range = doc.createRange();
    range.selectNodeContents(node);
    selection.removeAllRanges();
    selection.addRange(range);
    return selection;
  };

  it('gives the selected lines as paragraphs with the page’s metadata, leaving the page unchanged', () => {
    const doc = fixture('sources/jsonld-article.html');
    const before = doc.documentElement.outerHTML;
    const fake = { toString: () => 'First line of the passage.\n\n  Second   line.\r\nThird.' } as Selection;
    const source = sourceOf(selectionAsSource(doc, fake));
    expect(source.blocks).toEqual([
      { kind: 'paragraph', text: 'First line of the passage.' },
      { kind: 'paragraph', text: 'Second line.' },
      { kind: 'paragraph', text: 'Third.' },
    ]);
    expect(source).toMatchObject({
      title: 'Port operators rehearse a week without their booking systems',
      siteName: 'The Strait Ledger',
      author: 'Wen Li Tan, Arjun Pillai',
      publishedAt: '2025-06-02T08:30:00.000+08:00',
      lang: 'en-SG',
      textLength: 44,
      isTruncated: false,
    });
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('reads a real selection of the page', () => {
    const doc = fixture('sources/jsonld-article.html');
    const paragraph = doc.querySelector('article p')!;
    const source = sourceOf(selectionAsSource(doc, select(doc, paragraph)));
    expect(texts(source)).toEqual([paragraph.textContent!.replace(/\s+/g, ' ').trim()]);
  });

  it('says there is nothing to save for no selection or a blank one', () => {
    const doc = fixture('sources/jsonld-article.html');
    for (const selection of [null, { toString: () => ' \n\t ' } as Selection]) {
      expect(selectionAsSource(doc, selection)).toEqual({ kind: 'no-article', reason: NO_SELECTION });
    }
  });

  it('caps a long selection', () => {
    const doc = pageOf('<html><body></body></html>');
    const long = {
      toString: () => Array.from({ length: 50 }, (_, i) => `Line ${i} of many.`).join('\n'),
    } as Selection;
    const source = sourceOf(selectionAsSource(doc, long, { maxChars: 100 }));
    expect(source.isTruncated).toBe(true);
    expect(source.textLength).toBeLessThanOrEqual(100);
    expect(source.title).toBe('https://news.invalid/2024/story');
  });
});
