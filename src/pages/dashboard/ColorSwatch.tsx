/** A note colour as a small filled circle with its name for screen readers. */
import { t } from '../../platform/i18n';
import type { NoteColor } from '../../shared/notes/note-types';

/** The name of a note colour in the UI language ("Yellow"). Keys: `dashboardColor_<color>`. */
export function colorLabel(color: NoteColor): string {
  return t(`dashboardColor_${color}`);
}

/** Props of `ColorSwatch`. */
export interface ColorSwatchProps {
  color: NoteColor;
  /** Inside a labelled control the name is already said; the swatch is then decoration only. */
  isDecorative?: boolean;
}

/** The colours live in `pages.css` (`.note-swatch[data-color]`), with light and dark variants. */
export function ColorSwatch({ color, isDecorative = false }: ColorSwatchProps) {
  return isDecorative ? (
    <span class="note-swatch" data-color={color} aria-hidden="true" />
  ) : (
    <span class="note-swatch" data-color={color} role="img" aria-label={colorLabel(color)} />
  );
}
