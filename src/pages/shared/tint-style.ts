/**
 * An entity type's highlight tint as CSS custom properties, so the popup's swatches and the reader's marks
 * use exactly the colours highlights have on web pages (`shared/highlight-palette.ts`) without copying them
 * into `pages.css`. Set through the style object, i.e. the CSSOM, which extension-page CSP does not block.
 */

import { tintFor } from '../../shared/highlight-palette';
import type { EntityType } from '../../shared/kb-types';

/** The tint at full strength: a dot of the faint highlight tint itself would vanish on a white page. */
const solid = (rgba: string): string => rgba.replace(/,\s*[\d.]+\)$/, ', 1)');

/**
 * `--tint-light` and `--tint-dark` (the highlight as it looks on a page) and `--dot-light` and `--dot-dark`
 * (the same colour, opaque) for `type`; `pages.css` picks one of each by `prefers-color-scheme`.
 */
export function tintStyle(type: EntityType): Record<string, string> {
  const [light, dark] = tintFor(type);
  return {
    '--tint-light': light,
    '--tint-dark': dark,
    '--dot-light': solid(light),
    '--dot-dark': solid(dark),
  };
}
