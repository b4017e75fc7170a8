import { describe, expect, it } from 'vitest';
import { normalizeUrl, pageKey, siteOf } from '../../../../src/shared/notes/normalize-url';

describe('normalizeUrl', () => {
  it('drops fragments, tracking parameters, www and trailing slashes, and sorts the query', () => {
    expect(normalizeUrl('https://WWW.Example.com/news/story/?utm_source=x&b=2&fbclid=abc&a=1#comments')).toBe(
      'https://example.com/news/story?a=1&b=2',
    );
  });

  it('files http and https of a page together and keeps non-default ports apart', () => {
    expect(normalizeUrl('http://example.com/a')).toBe(normalizeUrl('https://example.com/a'));
    expect(normalizeUrl('http://127.0.0.1:8080/a')).not.toBe(normalizeUrl('http://127.0.0.1:9090/a'));
  });

  it('keeps parameters that identify the document', () => {
    expect(normalizeUrl('https://example.com/article?id=42&page=2')).toBe(
      'https://example.com/article?id=42&page=2',
    );
  });

  it('leaves non-web addresses alone', () => {
    expect(normalizeUrl('file:///home/me/a.html')).toBe('file:///home/me/a.html');
    expect(normalizeUrl('not a url')).toBe('not a url');
  });
});

describe('pageKey', () => {
  it('prefers a canonical link on the same site', () => {
    expect(pageKey('https://m.example.com/a?utm_medium=x', 'https://m.example.com/articles/a')).toBe(
      'https://m.example.com/articles/a',
    );
    expect(pageKey('https://www.news.com/x?ref_src=tw', '/story/x')).toBe('https://news.com/story/x');
  });

  it('ignores a canonical link on another site or one that does not parse', () => {
    expect(pageKey('https://mirror.example/a', 'https://original.example/a')).toBe(
      'https://mirror.example/a',
    );
    expect(pageKey('https://a.example/x', 'http://[bad')).toBe('https://a.example/x');
  });
});

describe('siteOf', () => {
  it('is the host without www., and empty for what is not an address', () => {
    expect(siteOf('https://www.example.com/a?b')).toBe('example.com');
    expect(siteOf('https://news.example.jp/x')).toBe('news.example.jp');
    expect(siteOf('not an address')).toBe('');
  });
});
