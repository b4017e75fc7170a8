/**
 * UTF-8 sizes of text, for the byte limits of files the reader imports (annotations, glossaries): counted
 * without encoding, so measuring a 10 MB file needs no 10 MB copy.
 */

/** UTF-8 length of `text`; a lone surrogate counts as the three bytes of its replacement character. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
