import { describe, expect, it } from 'vitest';
import { compareHlc, decodeHlc, encodeHlc, receiveHlc, tickHlc } from '../../../../src/shared/notes/hlc';

describe('hybrid logical clock', () => {
  it('round-trips and sorts like the clock it encodes', () => {
    const a = encodeHlc({ wallMs: 1_700_000_000_000, counter: 0, deviceId: 'dev-a' });
    const b = encodeHlc({ wallMs: 1_700_000_000_000, counter: 1, deviceId: 'dev-a' });
    const c = encodeHlc({ wallMs: 1_700_000_000_001, counter: 0, deviceId: 'dev-a' });
    expect(decodeHlc(b)).toEqual({ wallMs: 1_700_000_000_000, counter: 1, deviceId: 'dev-a' });
    expect([c, a, b].sort(compareHlc)).toEqual([a, b, c]);
    expect(
      compareHlc(
        encodeHlc({ wallMs: 5, counter: 0, deviceId: 'a' }),
        encodeHlc({ wallMs: 5, counter: 0, deviceId: 'b' }),
      ),
    ).toBeLessThan(0);
  });

  it('rejects malformed clocks from elsewhere', () => {
    expect(() => decodeHlc('not a clock')).toThrow(/malformed/);
    expect(() => decodeHlc(`${'z'.repeat(10)}.0000.${'x'.repeat(65)}`)).toThrow(/malformed/);
    expect(() => encodeHlc({ wallMs: -1, counter: 0, deviceId: 'a' })).toThrow();
  });

  it('moves forward on local events, also when the wall clock stands still or goes back', () => {
    const t1 = tickHlc(undefined, 1000, 'dev');
    const t2 = tickHlc(t1, 1000, 'dev');
    const t3 = tickHlc(t2, 900, 'dev');
    const t4 = tickHlc(t3, 2000, 'dev');
    expect([t1, t2, t3, t4].every((t, i, all) => i === 0 || compareHlc(all[i - 1]!, t) < 0)).toBe(true);
  });

  it('orders an edit made after seeing a remote clock after it, even on a slow device', () => {
    const remote = encodeHlc({ wallMs: 10_000_000, counter: 3, deviceId: 'fast' });
    const local = tickHlc(undefined, 5_000, 'slow');
    const merged = receiveHlc(local, remote, 5_000, 'slow');
    const nextEdit = tickHlc(merged, 5_001, 'slow');
    expect(compareHlc(remote, merged)).toBeLessThan(0);
    expect(compareHlc(remote, nextEdit)).toBeLessThan(0);
  });
});
