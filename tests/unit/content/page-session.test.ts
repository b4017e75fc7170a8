// @vitest-environment happy-dom
/**
 * A live knowledge base in the page: `kbChanged` with a newer version fetches the page configuration again
 * and highlights with it (a new entity appears, a deleted one's highlights go), without a reload; the same
 * version costs nothing (no request, no rescan). Highlights are read from a stand-in `CSS.highlights`, and
 * every range counts as rendered (happy-dom has no layout).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { packMatcher } from '../../../src/shared/matcher/packed';
import type { AliasSpec, EventEnvelope, PageConfig } from '../../../src/shared/protocol';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { handlers, resetFakes, sent } from '../helpers/fake-browser';

type Listener = (message: unknown) => undefined;
const listeners = new Set<Listener>();

vi.mock('../../../src/platform/browser', async () => {
  const { fakeBrowser } = await import('../helpers/fake-browser');
  return {
    browser: {
      ...fakeBrowser,
      runtime: {
        ...fakeBrowser.runtime,
        id: 'gloss-test',
        getURL: (path: string) => `chrome-extension://gloss-test/${path}`,
        onMessage: {
          addListener: (l: Listener) => listeners.add(l),
          removeListener: (l: Listener) => listeners.delete(l),
        },
      },
    },
  };
});

const { startPage } = await import('../../../src/content/page-session');

/** A stand-in for the CSS Custom Highlight API, which happy-dom lacks. */
class FakeHighlight extends Set<AbstractRange> {
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}
const registered = new Map<string, FakeHighlight>();
const realClientRects = Range.prototype.getClientRects;

beforeAll(() => {
  Object.assign(globalThis, { Highlight: FakeHighlight });
  const css = (globalThis as { CSS?: object }).CSS;
  Object.defineProperty(globalThis, 'CSS', {
    value: Object.assign(Object.create(css ?? null), { highlights: registered }),
    configurable: true,
    writable: true,
  });
  Range.prototype.getClientRects = () => [{ width: 1, height: 1 }] as unknown as DOMRectList;
});
afterAll(() => {
  Range.prototype.getClientRects = realClientRects;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Entity id → texts it highlights. */
function highlights(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, h] of registered)
    if (h.size > 0 && !name.startsWith('gloss-note-') && name !== 'gloss-focus')
      out[name.slice('gloss-'.length)] = [...h].map((r) => (r as Range).toString());
  return out;
}

function emit(envelope: EventEnvelope): void {
  for (const l of [...listeners]) l(envelope);
}

const alias = (entityId: string, text: string): AliasSpec => ({ entityId, text });

function config(kbVersion: string, entities: Array<[string, string]>): PageConfig {
  return {
    isEnabled: true,
    host: 'news.example',
    settings: DEFAULT_SETTINGS,
    kbVersion,
    entities: entities.map(([id, name]) => ({ id, name, type: 'threat-actor' })),
    matcher: packMatcher(entities.map(([id, name]) => alias(id, name))),
  };
}

/** Waits until the scanner has caught up (it works in idle slices). */
async function settle(): Promise<void> {
  await sleep(60);
}

let stop: AbortController;
let current: PageConfig;

beforeEach(async () => {
  resetFakes();
  registered.clear();
  document.body.innerHTML = '<p>Cicada and Volt Typhoon were both named in the advisory.</p>';
  current = config('v1', [['cicada', 'Cicada']]);
  handlers.set('getPageConfig', () => current);
  handlers.set('getPageNotes', () => ({ pageKey: 'news.example/', notes: [] }));
  stop = new AbortController();
  await startPage(stop.signal);
  await settle();
});
afterEach(() => {
  stop.abort();
  listeners.clear();
});

const configRequests = () => sent.filter((m) => m.type === 'getPageConfig').length;

describe('kbChanged', () => {
  it('re-highlights with the new entities: a new one appears and a deleted one goes', async () => {
    expect(highlights()).toEqual({ cicada: ['Cicada'] });
    const id = 'volt-typhoon';
    current = config('v2', [[id, 'Volt Typhoon']]);
    emit({ gloss: 1, event: 'kbChanged', args: { kbVersion: 'v2' } });
    await settle();
    expect(configRequests()).toBe(2);
    expect(highlights()).toEqual({ [id]: ['Volt Typhoon'] });
    // The reader's own entity is not in the manifest's content.css: the page gets its tint from Gloss's sheet.
    const css = document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
    expect(css).toContain(`gloss-${id}`);
  });

  it('does nothing when the page already has that version', async () => {
    const before = registered.get('gloss-cicada');
    emit({ gloss: 1, event: 'kbChanged', args: { kbVersion: 'v1' } });
    await settle();
    expect(configRequests()).toBe(1);
    // No rescan: the very same highlight object still holds the very same ranges.
    expect(registered.get('gloss-cicada')).toBe(before);
    expect(highlights()).toEqual({ cicada: ['Cicada'] });
  });
});
