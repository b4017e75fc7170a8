/**
 * The `::highlight(gloss-<entityId>)` rules, coloured by entity type. Used at build time for the
 * manifest's `content.css` and at run time for the stylesheet Gloss adopts into a page's open shadow
 * roots (Firefox does not apply document-level `::highlight` rules inside shadow trees).
 */
import { NOTE_TINTS, TINTS } from './highlight-palette';
import type { EntitySummary, EntityType } from './kb-types';
import type { HighlightStyle } from './settings';

/** Highlight name prefix; `gloss-<entityId>` for entities. */
export const HIGHLIGHT_PREFIX = 'gloss-';

function namesByType(entities: readonly Pick<EntitySummary, 'id' | 'type'>[]): Map<EntityType, string[]> {
  const out = new Map<EntityType, string[]>();
  for (const e of entities)
    out.set(e.type, [...(out.get(e.type) ?? []), `::highlight(${HIGHLIGHT_PREFIX}${e.id})`]);
  return out;
}

/**
 * Where an underline sits and how it meets descenders. Firefox ESR 153 skips the ink of descenders in
 * `::highlight` underlines, breaking a note's line under every g, p and y; `skip-ink: none` keeps it whole
 * (Chromium 156 never skips there). The offset puts it at the foot of the tinted box, below most descenders.
 */
const UNBROKEN_UNDERLINE = ['text-underline-offset: 0.3em;', 'text-decoration-skip-ink: none;'];

/** The default style: a tinted background per type, lighter in dark mode, plus the focus mark. */
export function highlightCss(entities: readonly Pick<EntitySummary, 'id' | 'type'>[]): string {
  const rules: string[] = [];
  const dark: string[] = [];
  for (const [type, names] of namesByType(entities)) {
    const [light, darkTint] = TINTS[type];
    rules.push(`${names.join(',\n')} {\n  background-color: ${light};\n}`);
    dark.push(`  ${names.join(',\n  ')} {\n    background-color: ${darkTint};\n  }`);
  }
  // Readers' notes, `gloss-note-<colour>`.
  for (const [color, [fill, line, darkFill]] of Object.entries(NOTE_TINTS)) {
    rules.push(
      `::highlight(gloss-note-${color}) {\n  background-color: ${fill};\n  text-decoration: underline 2px ${line};\n  ${UNBROKEN_UNDERLINE.join('\n  ')}\n}`,
    );
    dark.push(`  ::highlight(gloss-note-${color}) {\n    background-color: ${darkFill};\n  }`);
  }
  rules.push(`@media (prefers-color-scheme: dark) {\n${dark.join('\n')}\n}`);
  // The mention a keyboard user moved to (Alt+Shift+J/K) and the one whose card is open.
  rules.push(
    '::highlight(gloss-focus) {\n  background-color: rgba(250, 204, 21, 0.55);\n  color: inherit;\n}',
  );
  return `${rules.join('\n\n')}\n`;
}

/** Rules that replace the default style for the underline styles; empty for the default. */
export function styleOverrideCss(
  style: HighlightStyle,
  entities: readonly Pick<EntitySummary, 'id' | 'type'>[],
): string {
  if (style === 'background') return '';
  return entities
    .map((e) => {
      const [light] = TINTS[e.type];
      const line = light.replace(/[\d.]+\)$/, '0.9)');
      const background = style === 'both' ? light : 'transparent';
      return `::highlight(${HIGHLIGHT_PREFIX}${e.id}) { background-color: ${background}; text-decoration: underline 2px ${line}; ${UNBROKEN_UNDERLINE.join(' ')} }`;
    })
    .join('\n');
}
