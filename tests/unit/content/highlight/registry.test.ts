// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { compareMentions, HighlightRegistry, type Mention } from '../../../../src/content/highlight/registry';

// happy-dom has no CSS Custom Highlight API; a Set-backed stand-in is enough to check the bookkeeping.
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}
const registered = new Map<string, FakeHighlight>();
vi.stubGlobal('Highlight', FakeHighlight);
vi.stubGlobal('CSS', { highlights: registered });

function mentionOf(text: Text, start: number, end: number, entityId: string): Mention {
  const range = document.createRange();
  range.setStart(text, start);
  range.setEnd(text, end);
  return { entityId, range, text: text.data.slice(start, end), nodes: [text] };
}

let registry: HighlightRegistry;
beforeEach(() => {
  registered.clear();
  registry = new HighlightRegistry();
  document.body.innerHTML = '<p id="a">Huawei and ZTE</p><p id="b">Huawei again</p>';
});

const textOf = (id: string): Text => document.getElementById(id)!.firstChild as Text;

describe('HighlightRegistry', () => {
  it('registers one highlight per entity under gloss-<id> and counts mentions', () => {
    registry.add([
      mentionOf(textOf('a'), 0, 6, 'huawei'),
      mentionOf(textOf('a'), 11, 14, 'zte'),
      mentionOf(textOf('b'), 0, 6, 'huawei'),
    ]);
    expect([...registered.keys()].sort()).toEqual(['gloss-huawei', 'gloss-zte']);
    expect(registered.get('gloss-huawei')?.size).toBe(2);
    expect(registry.counts()).toEqual({ huawei: 2, zte: 1 });
  });

  it('removes the mentions of changed or removed nodes, and the highlight when none is left', () => {
    registry.add([
      mentionOf(textOf('a'), 0, 6, 'huawei'),
      mentionOf(textOf('a'), 11, 14, 'zte'),
      mentionOf(textOf('b'), 0, 6, 'huawei'),
    ]);
    const a = document.getElementById('a')!;
    a.remove();
    registry.removeWithin(a);
    expect(registry.counts()).toEqual({ huawei: 1 });
    expect(registered.has('gloss-zte')).toBe(false);
    expect(registered.get('gloss-huawei')?.size).toBe(1);
    registry.removeAt([textOf('b')]);
    expect(registry.counts()).toEqual({});
    expect(registered.size).toBe(0);
  });

  it('finds the mention at a text position and orders mentions in document order', () => {
    const late = mentionOf(textOf('b'), 0, 6, 'huawei');
    const early = mentionOf(textOf('a'), 11, 14, 'zte');
    const first = mentionOf(textOf('a'), 0, 6, 'huawei');
    registry.add([late, early, first]);
    expect(registry.mentionAt(textOf('a'), 12)).toBe(early);
    expect(registry.mentionAt(textOf('a'), 8)).toBeUndefined();
    expect(registry.inOrder()).toEqual([first, early, late]);
  });

  it('orders a mention inside a shadow root where its host stands', () => {
    const host = document.createElement('div');
    document.getElementById('a')!.after(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>NISC</p>';
    const inShadow = mentionOf(root.querySelector('p')!.firstChild as Text, 0, 4, 'nisc');
    const before = mentionOf(textOf('a'), 0, 6, 'huawei');
    const after = mentionOf(textOf('b'), 0, 6, 'huawei');
    expect([after, inShadow, before].sort(compareMentions)).toEqual([before, inShadow, after]);
  });

  it('clears everything it registered', () => {
    registry.add([mentionOf(textOf('a'), 0, 6, 'huawei')]);
    registry.setFocus(registry.inOrder()[0]);
    registry.clear();
    expect(registered.size).toBe(0);
    expect(registry.counts()).toEqual({});
  });
});
