/** Radio group: how highlights are drawn on pages. */
import { t } from '../../platform/i18n';
import type { HighlightStyle } from '../../shared/settings';

/** Props of `HighlightStyleField`. */
export interface HighlightStyleFieldProps {
  value: HighlightStyle;
  onChange: (value: HighlightStyle) => void;
}

/** A record rather than an array, so a style added to `HighlightStyle` fails to compile until listed here. */
const STYLE_SET: Record<HighlightStyle, true> = { background: true, underline: true, both: true };
const STYLES = Object.keys(STYLE_SET) as HighlightStyle[];

/** One radio per style, each with a sample word drawn that way so the choice needs no imagination. */
export function HighlightStyleField({ value, onChange }: HighlightStyleFieldProps) {
  return (
    <fieldset class="field">
      <legend>{t('optionsHighlightStyle')}</legend>
      {STYLES.map((style) => (
        <label key={style} class="choice">
          <input
            type="radio"
            name="highlightStyle"
            value={style}
            checked={value === style}
            onChange={() => onChange(style)}
          />
          <span>{t(`highlightStyle_${style}`)}</span>
          <span class={`sample sample-${style}`} aria-hidden="true">
            {t('optionsSample')}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
