/** Slider: how long the pointer rests on a highlight before its card opens. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { HOVER_DELAY_RANGE } from '../../shared/settings';

/** Props of `HoverDelayField`. */
export interface HoverDelayFieldProps {
  value: number;
  /** Called when the user lets go of the slider (or presses an arrow key), not on every step of a drag. */
  onCommit: (value: number) => void;
}

/** Slider granularity; finer steps make no difference a person could feel. */
const STEP_MS = 50;

/**
 * The shown value follows the slider live (`input`), but saving waits for `change`: a drag fires dozens of
 * `input` events and `storage.sync` allows only about two writes a second.
 */
export function HoverDelayField({ value, onCommit }: HoverDelayFieldProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const valueText = t('optionsHoverDelayValue', String(draft));
  return (
    <div class="field">
      <label for="hover-delay" class="field-label">
        {t('optionsHoverDelay')}
      </label>
      <div class="range-row">
        <input
          id="hover-delay"
          type="range"
          min={HOVER_DELAY_RANGE.min}
          max={HOVER_DELAY_RANGE.max}
          step={STEP_MS}
          value={draft}
          aria-valuetext={valueText}
          aria-describedby="hover-delay-hint"
          onInput={(event) => setDraft(Number(event.currentTarget.value))}
          onChange={(event) => onCommit(Number(event.currentTarget.value))}
        />
        <output for="hover-delay" class="range-value">
          {valueText}
        </output>
      </div>
      <p id="hover-delay-hint" class="hint">
        {t('optionsHoverDelayHint')}
      </p>
    </div>
  );
}
