/**
 * Where the "Add note" button goes: under the end of the selection, so it never hides the text being noted
 * or the line above it, which a reader is usually still reading. Only where there is no room below (the
 * selection ends at the foot of the window) does it flip above the selection's first line.
 */
import { type ComputePositionConfig, flip, inline, offset, shift } from '@floating-ui/dom';

/**
 * Below the last line, its right edge at the end of the selection (`inline()` measures the last line for a
 * bottom placement and the first for a top one); flipped above the first line only when below does not fit.
 */
export const ADDER_PLACEMENT: Partial<ComputePositionConfig> = {
  strategy: 'fixed',
  placement: 'bottom-end',
  middleware: [
    inline(),
    offset(6),
    flip({ padding: 8, fallbackPlacements: ['top-end'] }),
    shift({ padding: 8 }),
  ],
};
