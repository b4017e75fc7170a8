/** `npm start`'s wait for the demo page to settle (scripts/settle.ts), on a fake clock. */
import { describe, expect, it } from 'vitest';
import { waitForSettled } from '../../../scripts/settle';

/** A fake clock and a page whose readings change at given times (ms → reading from then on). */
function page<T>(timeline: Array<[number, T]>) {
  let now = 0;
  const clock = {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
  const read = async (): Promise<T> => timeline.filter(([at]) => at <= now).at(-1)![1];
  return { clock, read, elapsed: () => now };
}

const hasAny = (counts: Record<string, number>): boolean => Object.keys(counts).length > 0;

describe('waitForSettled', () => {
  it('waits past the first highlight until names and counts stay the same for the quiet time', async () => {
    const p = page<Record<string, number>>([
      [0, {}],
      [300, { 'gloss-cicada': 1 }],
      [450, { 'gloss-cicada': 2, 'gloss-nisc': 1 }],
      [900, { 'gloss-cicada': 2, 'gloss-nisc': 1, 'gloss-quad': 1 }],
    ]);
    const settled = await waitForSettled(p.read, { isReady: hasAny, quietMs: 1000, clock: p.clock });
    expect(settled).toEqual({
      value: { 'gloss-cicada': 2, 'gloss-nisc': 1, 'gloss-quad': 1 },
      isSettled: true,
      isReady: true,
    });
    expect(p.elapsed()).toBe(1900);
  });

  it('does not settle on an empty page before anything is ready', async () => {
    const p = page<Record<string, number>>([
      [0, {}],
      [2500, { 'gloss-line': 1 }],
    ]);
    const settled = await waitForSettled(p.read, { isReady: hasAny, quietMs: 1000, clock: p.clock });
    expect(settled.value).toEqual({ 'gloss-line': 1 });
    expect(p.elapsed()).toBe(3500);
  });

  it('gives up at the timeout with the last reading, saying whether it was ready', async () => {
    let n = 0;
    const p = page([[0, 0]]);
    const changing = await waitForSettled(async () => ({ 'gloss-nec': ++n }), {
      quietMs: 1000,
      timeoutMs: 5000,
      clock: p.clock,
    });
    expect(changing).toMatchObject({ isSettled: false, isReady: true });
    expect(p.elapsed()).toBe(5000);

    const empty = page<Record<string, number>>([[0, {}]]);
    expect(
      await waitForSettled(empty.read, { isReady: hasAny, timeoutMs: 3000, clock: empty.clock }),
    ).toEqual({ value: {}, isSettled: false, isReady: false });
  });
});
