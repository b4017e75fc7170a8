import { describe, expect, it, vi } from 'vitest';

// popup-tab-id reaches `platform/active-tab`, which loads webextension-polyfill; that throws outside an extension.
vi.mock('../../../../src/platform/browser', () => ({ browser: {} }));

const { parsePassageId, parseReaderParams, readerHref } = await import('../../../../src/shared/reader-url');
const { tabIdFromSearch } = await import('../../../../src/pages/popup/popup-tab-id');
const { sortByCount, summaryView } = await import('../../../../src/pages/popup/summary-view');

describe('reader addresses', () => {
  it('round-trips a full target', () => {
    const target = { sourceId: 'orf-india-japan', entityId: 'apt40', passageId: 'orf-india-japan:12:340' };
    const href = readerHref(target);
    expect(href).toBe('reader.html?source=orf-india-japan&entity=apt40&passage=orf-india-japan%3A12%3A340');
    expect(parseReaderParams(href.slice('reader.html'.length))).toEqual(target);
  });

  it('leaves out absent parts and treats empty ones as absent', () => {
    expect(readerHref({ sourceId: 's1' })).toBe('reader.html?source=s1');
    expect(parseReaderParams('?source=s1&entity=&passage=')).toEqual({ sourceId: 's1' });
  });

  it('has no target without a source', () => {
    expect(parseReaderParams('')).toBeUndefined();
    expect(parseReaderParams('?entity=apt40')).toBeUndefined();
    expect(parseReaderParams('?source=%20')).toBeUndefined();
  });

  it('parses passage ids and rejects malformed ones', () => {
    expect(parsePassageId('orf-india-japan:12:340')).toEqual({
      sourceId: 'orf-india-japan',
      blockIndex: 12,
      start: 340,
    });
    expect(parsePassageId('s1:x:3')).toBeUndefined();
    expect(parsePassageId('s1:3')).toBeUndefined();
    expect(parsePassageId('')).toBeUndefined();
  });
});

describe('popup tab id', () => {
  it('reads ?tabId=N and ignores anything that is not a whole number', () => {
    expect(tabIdFromSearch('?tabId=42')).toBe(42);
    expect(tabIdFromSearch('?tabId=0')).toBe(0);
    expect(tabIdFromSearch('')).toBeUndefined();
    expect(tabIdFromSearch('?tabId=-1')).toBeUndefined();
    expect(tabIdFromSearch('?tabId=4.2')).toBeUndefined();
    expect(tabIdFromSearch('?tabId=')).toBeUndefined();
  });
});

describe('popup summary', () => {
  const base = {
    tabId: 1,
    host: 'example.com',
    isSupported: true,
    isEnabled: true,
    isScanning: false,
    total: 0,
    entities: [],
  };
  const entity = (id: string, name: string, count: number) => ({ id, name, type: 'company' as const, count });

  it('checks support first, then the site switch, then what was found', () => {
    expect(summaryView({ ...base, isSupported: false, isEnabled: false })).toBe('unsupported');
    expect(summaryView({ ...base, isEnabled: false, entities: [entity('a', 'A', 2)] })).toBe('disabled');
    expect(summaryView(base)).toBe('empty');
    expect(summaryView({ ...base, entities: [entity('a', 'A', 0)] })).toBe('empty');
    expect(summaryView({ ...base, total: 2, entities: [entity('a', 'A', 2)] })).toBe('entities');
    // Just switched on: nothing reported yet is not "found none".
    expect(summaryView({ ...base, isScanning: true })).toBe('scanning');
    expect(summaryView({ ...base, isScanning: true, entities: [entity('a', 'A', 2)] })).toBe('entities');
  });

  it('sorts by count, most first, ties by name, dropping zero counts', () => {
    const sorted = sortByCount([
      entity('b', 'Beta', 2),
      entity('z', 'Zero', 0),
      entity('a', 'Alpha', 2),
      entity('c', 'C', 5),
    ]);
    expect(sorted.map((e) => e.id)).toEqual(['c', 'a', 'b']);
  });
});
