/**
 * How Gloss sits on a page and how its own pages fit, in both browsers (issue 9, item 6):
 * - the "Add note" button beside a selection covers neither the selected lines nor the line above them;
 * - a note's underline runs unbroken under letters with descenders (checked on pixels);
 * - no extension page scrolls sideways at 320 px, nor at 640 px (a 1280 px window at 200% zoom). Each page
 *   is measured in an iframe of that width inside an extension page, which works alike in both browsers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleNotesFile } from '../../scripts/screenshots/sample-notes';
import { browsersUnderTest, type Rect, type TestPage } from './harness/driver';
import { addPassageNote, importNotes, NOTE_UI, requestFrom, selectText } from './harness/notes';
import { type Overflow, overflowExpression } from './harness/page-overflow';
import { waitFor, waitForScan } from './harness/page-scripts';
import { decodePng } from './harness/png';
import { ARTICLE_PATH, type E2ESession, startSession } from './harness/session';

/** A passage of one text node of the article that wraps over at least two lines in a 1280 px window. */
const LONG_PASSAGE = { from: 'review which foreign', to: 'procurement for years' };
/** A passage full of descenders (g, p, y, q) for the underline. */
const DESCENDERS = 'networks of Japan-linked firms, moving quietly';

interface SelectionGeometry {
  /** The selected text's line boxes. */
  lines: Rect[];
  /** The line of text just above the selection, across the paragraph. */
  lineAbove: Rect;
}

/**
 * Selects from the start of `from` to the end of `to`, both in one text node, as a page script can (the
 * harness's `selectText` wants the exact text, white space and all, which a passage over source lines is not).
 */
async function selectBetween(page: TestPage, { from, to }: { from: string; to: string }): Promise<void> {
  const ok = await page.evaluate<boolean>(`((from, to) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const start = n.data.indexOf(from);
      const end = n.data.indexOf(to, start);
      if (start < 0 || end < 0) continue;
      n.parentElement.scrollIntoView({ block: 'center' });
      getSelection().setBaseAndExtent(n, start, n, end + to.length);
      return true;
    }
    return false;
  })(${JSON.stringify(from)}, ${JSON.stringify(to)})`);
  if (!ok) throw new Error(`no text node holds "${from}" … "${to}"`);
}

/** The current selection's line boxes and the band of the line above it, in viewport pixels. */
const readSelection = (page: TestPage): Promise<SelectionGeometry> =>
  page.evaluate(`(() => {
    const range = getSelection().getRangeAt(0);
    const lines = [...range.getClientRects()].filter((r) => r.width > 0)
      .map((r) => ({ x: r.left, y: r.top, width: r.width, height: r.height }));
    const block = range.startContainer.parentElement.closest('p').getBoundingClientRect();
    const lineHeight = parseFloat(getComputedStyle(range.startContainer.parentElement).lineHeight);
    const top = Math.min(...lines.map((r) => r.y));
    return { lines, lineAbove: { x: block.left, y: top - lineHeight, width: block.width, height: lineHeight } };
  })()`);

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The longest run of underline-coloured pixels missing along the most underline-coloured row of `png`. */
function underlineGaps(png: Buffer, [r0, g0, b0]: readonly [number, number, number]) {
  const { width, height, rgba } = decodePng(png);
  const isLine = (x: number, y: number): boolean => {
    const i = (y * width + x) * 4;
    return Math.abs(rgba[i]! - r0) + Math.abs(rgba[i + 1]! - g0) + Math.abs(rgba[i + 2]! - b0) < 60;
  };
  let best = { row: -1, covered: 0, longestGap: width };
  for (let y = 0; y < height; y++) {
    let covered = 0;
    let gap = 0;
    let longestGap = 0;
    for (let x = 0; x < width; x++) {
      if (isLine(x, y)) {
        covered++;
        gap = 0;
      } else longestGap = Math.max(longestGap, ++gap);
    }
    if (covered > best.covered) best = { row: y, covered, longestGap };
  }
  return { ...best, width };
}

describe.each(browsersUnderTest())('Gloss on a page and its own pages (%s)', (browserName) => {
  let session: E2ESession | undefined;
  let article: TestPage;

  beforeAll(async () => {
    session = await startSession(browserName);
    article = await session.browser.open(session.server.url(ARTICLE_PATH));
    await waitForScan(article);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('puts "Add note" under the end of the selection, clear of its lines and the line above', async () => {
    for (const passage of [LONG_PASSAGE, 'the trusted alternative']) {
      await article.evaluate('getSelection().removeAllRanges()');
      if (typeof passage === 'string') await selectText(article, passage);
      else await selectBetween(article, passage);
      const selection = await readSelection(article);
      const box = await waitFor(
        () => article.boxInGloss('button', NOTE_UI.addNote),
        (b) => b !== null && b.width > 0,
        { what: `the "Add note" button for ${JSON.stringify(passage)}` },
      );
      const where = JSON.stringify({ box, selection });
      const lineCount = new Set(selection.lines.map((line) => Math.round(line.y))).size;
      expect(lineCount, where).toBeGreaterThanOrEqual(passage === LONG_PASSAGE ? 2 : 1);
      for (const line of selection.lines) expect(overlaps(box!, line), where).toBe(false);
      expect(overlaps(box!, selection.lineAbove), where).toBe(false);
      // Under the last line, ending where the selection ends.
      const last = selection.lines.reduce((a, b) => (b.y > a.y || (b.y === a.y && b.x > a.x) ? b : a));
      expect(box!.y, where).toBeGreaterThanOrEqual(last.y + last.height);
      expect(Math.abs(box!.x + box!.width - (last.x + last.width)), where).toBeLessThan(12);
    }
  });

  it('draws a note’s underline unbroken under descenders', async () => {
    await addPassageNote(article, { text: DESCENDERS, body: 'Descenders' });
    await article.evaluate('getSelection().removeAllRanges()');
    const rect = await article.evaluate<Rect>(`(() => {
      const r = [...CSS.highlights.get('gloss-note-yellow')][0].getClientRects()[0];
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    })()`);
    // The text box and a little below it, trimmed at the sides where the line may end on a fraction.
    const clip = {
      x: Math.ceil(rect.x) + 2,
      y: Math.floor(rect.y),
      width: Math.floor(rect.width) - 4,
      height: Math.ceil(rect.height) + 8,
    };
    const found = underlineGaps(await article.screenshot(clip), [0xca, 0x8a, 0x04]);
    expect(found.covered / found.width, JSON.stringify(found)).toBeGreaterThan(0.97);
    expect(found.longestGap, JSON.stringify(found)).toBeLessThanOrEqual(2);
  });

  it('fits every extension page in 320 px and at 200% zoom without scrolling sideways', async () => {
    const browser = session!.browser;
    const host = await browser.openExtensionPage('dashboard.html');
    try {
      const tabId = await article.tabId();
      const { sources } = await requestFrom<{ sources: Array<{ id: string }> }>(host, 'listKb', {});
      const pages = [
        `popup.html?tabId=${tabId}`,
        'options.html',
        `reader.html?source=${encodeURIComponent(sources[0]!.id)}`,
        'dashboard.html',
        'entity.html?id=cicada',
      ];
      const empty = await host.evaluate<Overflow[]>(overflowExpression(pages, [320, 640]));
      await importNotes(host, sampleNotesFile(session!.server.url(ARTICLE_PATH)));
      const full = await host.evaluate<Overflow[]>(overflowExpression(['dashboard.html'], [320, 640]));
      const results = [...empty, ...full];
      expect(results).toHaveLength(pages.length * 2 + 2);
      for (const result of results) {
        expect(result.isReady, `${result.path} at ${result.width} px did not finish loading`).toBe(true);
        expect(result.overflowing, `${result.path} at ${result.width} px`).toEqual([]);
        expect(result.scrollWidth, `${result.path} at ${result.width} px`).toBeLessThanOrEqual(result.width);
      }
    } finally {
      await host.close();
    }
  });
});
