/**
 * Draws Gloss's toolbar and store icons (an indigo tile with three lines of text, the middle one
 * highlighted) as PNGs into extension/icons. Run once when the design changes: `npx tsx scripts/make-icons.ts`.
 * Hand-written PNG encoding keeps the build free of an image library for four small files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const p = pixel(x + 0.5, y + 0.5);
      raw.set(p, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function icon(size: number): Buffer {
  const s = size;
  const r = s * 0.2;
  const inTile = (x: number, y: number): boolean => {
    const cx = Math.min(Math.max(x, r), s - r);
    const cy = Math.min(Math.max(y, r), s - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const bar = (x: number, y: number, top: number, right: number): boolean =>
    x >= s * 0.2 && x <= s * right && y >= s * top && y <= s * (top + 0.1);
  return png(size, (x, y) => {
    if (!inTile(x, y)) return [0, 0, 0, 0];
    if (x >= s * 0.16 && x <= s * 0.84 && y >= s * 0.41 && y <= s * 0.59) {
      if (bar(x, y, 0.45, 0.8)) return [67, 56, 202, 255];
      return [250, 204, 21, 255];
    }
    if (bar(x, y, 0.22, 0.78) || bar(x, y, 0.68, 0.62)) return [255, 255, 255, 255];
    return [67, 56, 202, 255];
  });
}

mkdirSync('extension/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`extension/icons/icon-${size}.png`, icon(size));
console.log('icons written');
