/**
 * Shadow DOM: on shadow.html, mentions inside OPEN shadow roots — declarative and scripted ones present at load,
 * one nested in another, one attached to an existing element after load, and a custom element defined after
 * load — are highlighted (their ranges are in the document's `CSS.highlights` `gloss-<id>` entries, with the
 * shadow root as the range's root), painted in both browsers (a screenshot, since Firefox's document-level
 * `::highlight` rule does not reach shadow trees), and open the card when hovered. A CLOSED shadow root is
 * never read. The page's shadow trees keep exactly the nodes the page put there.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_SPOT, resetCard, waitForCard } from './harness/actions';
import { browsersUnderTest, type TestPage } from './harness/driver';
import {
  innerClip,
  type RangeInfo,
  rangeBox,
  readRanges,
  staleRanges,
  textsOf,
  wordBox,
} from './harness/dynamic-pages';
import { kbEntity } from './harness/kb';
import { waitFor, waitForScan } from './harness/page-scripts';
import { decodePng, tintedShare } from './harness/png';
import { type E2ESession, startSession } from './harness/session';

const SHADOW_PATH = '/fixtures/shadow.html';

/** How long content added after load may take to be highlighted (Gloss promises about a second). */
const LIVE_MS = 2_000;

interface ShadowCase {
  what: string;
  /** `RangeInfo.root` of its ranges: the chain of shadow hosts. */
  root: string;
  /** Host selectors from the document down to the shadow root holding `textId`. */
  hostPath: string[];
  /** Id of the paragraph inside the shadow root. */
  textId: string;
  entity: string;
  text: string;
  /** Attached after load. */
  isLate: boolean;
}

const SHADOWS: ShadowCase[] = [
  {
    what: 'a declarative open shadow root',
    root: '#declarative',
    hostPath: ['#declarative'],
    textId: '#dsd',
    entity: 'huawei',
    text: 'Huawei',
    isLate: false,
  },
  {
    what: "an open shadow root attached by the page's script while parsing",
    root: '#scripted',
    hostPath: ['#scripted'],
    textId: '#scripted-text',
    entity: 'national-police-agency',
    text: 'National Police Agency',
    isLate: false,
  },
  {
    what: 'an open shadow root nested in another',
    root: '#nested>#inner-host',
    hostPath: ['#nested', '#inner-host'],
    textId: '#nested-text',
    entity: 'symantec',
    text: 'Symantec',
    isLate: false,
  },
  {
    what: 'an open shadow root attached to an existing element 500 ms after load',
    root: '#late',
    hostPath: ['#late'],
    textId: '#late-text',
    entity: 'mitsubishi-electric',
    text: 'Mitsubishi Electric',
    isLate: true,
  },
  {
    what: 'a custom element defined 800 ms after load',
    root: '#brief',
    hostPath: ['#brief'],
    textId: '#brief-text',
    entity: 'jaxa',
    text: 'JAXA',
    isLate: true,
  },
];

/** The light DOM's own mention. */
const LIGHT = { root: 'document', entity: 'kishida', text: 'Kishida Fumio' };

/** Every range as "gloss-<id> "text" in <root>", sorted. */
const placed = (ranges: readonly RangeInfo[]): string[] =>
  ranges.map((r) => `${r.name} "${r.text}" in ${r.root}`).sort();

const EXPECTED_PLACED = [LIGHT, ...SHADOWS].map((s) => `gloss-${s.entity} "${s.text}" in ${s.root}`).sort();

describe.each(browsersUnderTest())('open and closed shadow roots (%s)', (browserName) => {
  let session: E2ESession | undefined;
  let page: TestPage;

  beforeAll(async () => {
    session = await startSession(browserName);
    page = await session.browser.open(session.server.url(SHADOW_PATH));
    await page.bringToFront();
    await waitForScan(page);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('builds the shadow trees the test expects (declarative shadow DOM, late roots, a closed root)', async () => {
    await waitFor(
      () => page.evaluate<boolean>('window.__shadow.ready()'),
      (ready) => ready,
      { what: 'the late shadow root and the custom element' },
    );
    const trees = await page.evaluate<Record<string, string | null>>(`(() => {
      const text = (hosts, id) => {
        let scope = document;
        for (const h of hosts) { const el = scope.querySelector(h); if (!el || !el.shadowRoot) return null; scope = el.shadowRoot; }
        const p = scope.querySelector(id);
        return p ? p.textContent : null;
      };
      return {
        declarative: text(['#declarative'], '#dsd'),
        nested: text(['#nested', '#inner-host'], '#nested-text'),
        late: text(['#late'], '#late-text'),
        brief: text(['#brief'], '#brief-text'),
        closed: document.getElementById('closed').shadowRoot === null ? 'closed' : 'open',
      };
    })()`);
    expect(trees.declarative).toContain('Huawei');
    expect(trees.nested).toContain('Symantec');
    expect(trees.late).toContain('Mitsubishi Electric');
    expect(trees.brief).toContain('JAXA');
    expect(trees.closed).toBe('closed');
  });

  for (const s of SHADOWS.filter((x) => !x.isLate)) {
    it(`highlights a mention inside ${s.what} present at load`, async () => {
      const ranges = await readRanges(page);
      expect(placed(ranges.filter((r) => r.root === s.root))).toEqual([
        `gloss-${s.entity} "${s.text}" in ${s.root}`,
      ]);
    });
  }

  for (const s of SHADOWS.filter((x) => x.isLate)) {
    it(`highlights a mention inside ${s.what} within about a second`, async () => {
      const ranges = await waitFor(
        () => readRanges(page),
        (r) => r.some((x) => x.root === s.root),
        { what: `a highlight inside ${s.what}`, timeoutMs: LIVE_MS },
      ).catch(() => readRanges(page));
      expect(placed(ranges.filter((r) => r.root === s.root))).toEqual([
        `gloss-${s.entity} "${s.text}" in ${s.root}`,
      ]);
    });
  }

  it('never reads a closed shadow root, and holds exactly the expected ranges', async () => {
    const ranges = await readRanges(page);
    expect(ranges.filter((r) => r.name === 'gloss-zte' || r.root.includes('#closed'))).toEqual([]);
    expect(
      await page.evaluate('CSS.highlights.has("gloss-zte") ? CSS.highlights.get("gloss-zte").size : 0'),
    ).toBe(0);
    expect(placed(ranges)).toEqual(EXPECTED_PLACED);
    expect(staleRanges(ranges, textsOf(ranges))).toEqual([]);
  });

  it('paints the mentions in every shadow root, and not the ordinary words beside them', async () => {
    await page.mouseMove(EMPTY_SPOT);
    const unpainted: Array<{ what: string; mention: number; control: number }> = [];
    for (const s of SHADOWS) {
      const box = await rangeBox(page, `gloss-${s.entity}`, { root: s.root });
      expect(box, `the mention in ${s.what} has a box`).not.toBeNull();
      const mention = tintedShare(decodePng(await page.screenshot(innerClip(box!.rect))));
      const word = await wordBox(page, s.textId, 'ordinary', s.hostPath);
      expect(word, `the word "ordinary" in ${s.what}`).not.toBeNull();
      const control = tintedShare(decodePng(await page.screenshot(innerClip(word!))));
      if (!(mention > 0.3) || control !== 0) unpainted.push({ what: s.what, mention, control });
    }
    // The light DOM's mention, for comparison.
    const light = await rangeBox(page, `gloss-${LIGHT.entity}`, { root: 'document' });
    expect(tintedShare(decodePng(await page.screenshot(innerClip(light!.rect))))).toBeGreaterThan(0.3);
    expect(unpainted).toEqual([]);
  });

  describe('hovering a mention in a shadow root', () => {
    beforeEach(async () => {
      await page.bringToFront();
      await resetCard(page);
    });

    for (const s of SHADOWS) {
      it(`opens the card: ${s.what}`, async () => {
        const box = await rangeBox(page, `gloss-${s.entity}`, { root: s.root });
        expect(box, `the mention in ${s.what} has a box`).not.toBeNull();
        await page.mouseMove(EMPTY_SPOT);
        await page.mouseMove(box!, 4);
        const card = await waitForCard(page, `the ${s.entity} card from ${s.what}`);
        expect(card.name).toBe(`Gloss: ${kbEntity(s.entity).name}`);
        expect(
          await page.evaluate(
            `(() => { const h = CSS.highlights.get('gloss-focus'); return h ? [...h].map((r) => r.toString()).join('|') : null; })()`,
          ),
        ).toBe(s.text);
      });
    }
  });

  it("leaves the page's shadow trees as the page built them", async () => {
    await resetCard(page);
    const trees = await page.evaluate<string[]>(`(() => {
      const out = [];
      const visit = (root, path) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) {
            const kids = [...el.shadowRoot.childNodes].map((n) => n.nodeName).join(',');
            out.push(path + '#' + (el.id || el.localName) + ': ' + kids);
            visit(el.shadowRoot, path + '#' + (el.id || el.localName) + '>');
          }
        }
      };
      visit(document, '');
      return out.sort();
    })()`);
    expect(trees).toEqual(
      [
        '#brief: STYLE,P',
        '#declarative: STYLE,P',
        '#late: STYLE,P',
        '#nested: DIV',
        '#nested>#inner-host: STYLE,P',
        '#scripted: STYLE,P',
      ].sort(),
    );
  });
});
