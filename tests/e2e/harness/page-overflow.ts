/**
 * Whether extension pages fit narrow windows: run in an extension page, the expression loads each page into
 * an iframe of each width (the iframe is the page's viewport, so its media queries and layout are those of a
 * window that wide) and reports what sticks out sideways.
 */

/** One page at one width. */
export interface Overflow {
  path: string;
  width: number;
  /** The page rendered and stopped saying it is loading. */
  isReady: boolean;
  scrollWidth: number;
  /** Elements whose box reaches past either side of the viewport (tag.class, at most five). */
  overflowing: string[];
}

/** An expression (for `ExtensionPage.evaluate`) giving an `Overflow` for every page at every width. */
export function overflowExpression(paths: readonly string[], widths: readonly number[]): string {
  return `(async (paths, widths) => {
    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    const results = [];
    for (const path of paths) {
      for (const width of widths) {
        const frame = document.createElement('iframe');
        frame.style.cssText = 'position:fixed;left:0;top:0;height:700px;border:0;background:#fff';
        frame.style.width = width + 'px';
        const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
        frame.src = path;
        document.body.append(frame);
        await loaded;
        const doc = frame.contentDocument;
        let isReady = false;
        for (let i = 0; i < 100 && !isReady; i++) {
          const app = doc.getElementById('app');
          isReady = !!app && app.childElementCount > 0 && !/Loading|Looking at this page/.test(doc.body.innerText);
          if (!isReady) await sleep(100);
        }
        await doc.fonts.ready;
        await sleep(200);
        const root = doc.documentElement;
        const overflowing = [...doc.body.querySelectorAll('*')]
          .filter((el) => {
            const box = el.getBoundingClientRect();
            return box.width > 1 && (box.right > root.clientWidth + 0.5 || box.left < -0.5);
          })
          .slice(0, 5)
          .map((el) => el.localName + (el.className ? '.' + String(el.className).replace(/ /g, '.') : ''));
        results.push({ path, width, isReady, scrollWidth: root.scrollWidth, overflowing });
        frame.remove();
      }
    }
    return results;
  })(${JSON.stringify(paths)}, ${JSON.stringify(widths)})`;
}
