/**
 * One visual system: the colours extension/pages.css gives Gloss's pages are the in-page card's
 * (src/content/ui/card-styles.ts) and the note colours of the highlights (src/shared/highlight-palette.ts),
 * in light and dark. A colour changed in one place and not the other fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CARD_CSS } from '../../../src/content/ui/card-styles';
import { NOTE_TINTS } from '../../../src/shared/highlight-palette';
import { NOTE_COLORS } from '../../../src/shared/notes/note-types';

const PAGES_CSS = readFileSync(new URL('../../../extension/pages.css', import.meta.url), 'utf8');

/** The custom properties declared in the first block of `css` that starts with `opening`. */
function declared(css: string, opening: string): Record<string, string> {
  const start = css.indexOf(opening);
  if (start < 0) throw new Error(`no block starting with ${opening}`);
  const body = css.slice(start + opening.length, css.indexOf('}', start));
  return Object.fromEntries(
    [...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim().toLowerCase()]),
  );
}

const pagesLight = declared(PAGES_CSS, ':root {');
const pagesDark = declared(PAGES_CSS, '@media (prefers-color-scheme: dark) {\n  :root {');
const cardLight = declared(CARD_CSS, '.gloss-card {');
const cardDark = declared(CARD_CSS, '@media (prefers-color-scheme: dark) {\n  .gloss-card {');

/** `rgba(250, 204, 21, 0.5)` → `#facc15`, the colour at full strength. */
const solidHex = (rgba: string): string =>
  `#${rgba
    .match(/\d+/g)!
    .slice(0, 3)
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join('')}`;

describe('pages.css and the card share one palette', () => {
  it.each(['--bg', '--fg', '--muted', '--line', '--accent', '--quote'])('%s, light and dark', (name) => {
    expect(pagesLight[name]).toBe(cardLight[name]);
    expect(pagesDark[name]).toBe(cardDark[name]);
  });

  it.each(NOTE_COLORS)('the %s note colour is the highlight’s', (color) => {
    const [fill, line, darkFill] = NOTE_TINTS[color];
    expect(pagesLight[`--note-${color}`]).toBe(line.toLowerCase());
    expect(pagesLight[`--note-${color}-fill`]).toBe(fill);
    expect(pagesDark[`--note-${color}`]).toBe(solidHex(darkFill));
    expect(pagesDark[`--note-${color}-fill`]).toBe(darkFill);
  });

  it('sets the body text on body, where Chromium puts its own 75% for extension pages, at 15 px', () => {
    expect(pagesLight['--text-md']).toBe('15px');
    expect(PAGES_CSS).toMatch(/\nbody \{[^}]*font-size: var\(--text-md\);/);
  });
});
