/**
 * The demo quizzes' pictures, drawn by code so a reader sees how they were made: each is a function from a
 * pixel to its colour, written as a small PNG (8-bit RGB, no library needed beyond zlib).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

export type Rgb = readonly [number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, tail]);
}

/** A PNG of `width` × `height` pixels, each coloured by `colour(x, y)`. */
export function encodePng(width: number, height: number, colour: (x: number, y: number) => Rgb): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, deflate, no filter method, no interlace
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1); // each row starts with its filter byte, 0 (none)
    for (let x = 0; x < width; x++) rows.set(colour(x, y), row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const SIZE = 96;
const background: Rgb = [250, 248, 240];

/** A leaf: an ellipse leaning 45°, with its midrib; `spots` marks it with brown patches. */
function leaf(fill: Rgb, spots: boolean): (x: number, y: number) => Rgb {
  return (x, y) => {
    const dx = x - SIZE / 2;
    const dy = y - SIZE / 2;
    const along = (dx + dy) / Math.SQRT2;
    const across = (dx - dy) / Math.SQRT2;
    const inside = (along / 42) ** 2 + (across / 20) ** 2 <= 1;
    if (!inside) return background;
    if (Math.abs(across) < 1.2 && along < 40) return [60, 90, 30];
    if (
      spots &&
      [
        [-14, 6],
        [10, -8],
        [22, 5],
        [-2, -10],
      ].some(([a, c]) => (along - a!) ** 2 + (across - c!) ** 2 < 30)
    )
      return [120, 72, 30];
    return fill;
  };
}

/** A wire lying across the picture with bare copper ends; `stripe` paints diagonal stripes over its colour. */
function wire(fill: Rgb, stripe?: Rgb): (x: number, y: number) => Rgb {
  return (x, y) => {
    if (Math.abs(y - SIZE / 2) > 11 || x < 6 || x > SIZE - 7) return background;
    if (x < 18 || x > SIZE - 19) return Math.abs(y - SIZE / 2) < 5 ? [200, 120, 50] : background;
    return stripe && Math.floor((x + y) / 9) % 2 === 0 ? stripe : fill;
  };
}

export const quizPictures: Record<string, (x: number, y: number) => Rgb> = {
  'leaf-healthy.png': leaf([70, 150, 50], false),
  'leaf-yellow.png': leaf([220, 200, 70], false),
  'leaf-spotted.png': leaf([110, 150, 60], true),
  'wire-earth.png': wire([40, 150, 60], [235, 205, 40]),
  'wire-blue.png': wire([40, 90, 200]),
  'wire-brown.png': wire([120, 70, 40]),
};

/** Writes every picture into `dir`; returns how many. */
export async function drawQuizPictures(dir: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  for (const [name, colour] of Object.entries(quizPictures))
    await writeFile(path.join(dir, name), encodePng(SIZE, SIZE, colour));
  return Object.keys(quizPictures).length;
}
