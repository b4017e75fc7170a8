/** UTF-8 sizes counted without encoding agree with TextEncoder, lone surrogates included. */
import { describe, expect, it } from 'vitest';
import { utf8ByteLength } from '../../../src/shared/utf8';

describe('utf8ByteLength', () => {
  it.each([
    ['', 0],
    ['plain ascii', 11],
    ['é and ß', 9],
    ['警察庁 साइबर', 25],
    ['🔒 and 𠮷', 13],
    ['lone \uD83D surrogate', 18],
    ['lone \uDC00 low', 12],
  ])('%j is %i bytes, as TextEncoder says', (text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes);
    expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
  });
});
