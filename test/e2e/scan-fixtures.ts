/**
 * Scanned pages in the two codecs PDF.js decodes with WebAssembly, made here rather than downloaded:
 * a JPEG 2000 page (the grey scan compressed by OpenJPEG's `opj_compress`, Debian's libopenjp2-tools)
 * and a JBIG2 page (a bilevel scan encoded by the generic-region coder below, as no JBIG2 encoder is
 * packaged in Debian). Both pages carry one solid dark block at `scanInkBox`, so a test can tell a
 * decoded page from a blank or garbled one.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, PDFName, cmyk } from 'pdf-lib';

const run = promisify(execFile);
const a4 = { width: 595, height: 842 } as const;

/** The solid block on every generated scan, in PDF points from the page's top left. */
export const scanInkBox = { x: 80, y: 80, width: 200, height: 120 } as const;
/** A part of every generated scan left blank (the margin under the block). */
export const scanBlankBox = { x: 320, y: 80, width: 200, height: 60 } as const;

/**
 * A scan's pixels, one byte each (0 black … 255 white): the block, then lines of "words" with some
 * paper grain, deterministic for a `variant`.
 */
function scanPixels(width: number, height: number, variant: number, bilevel: boolean): Uint8Array {
  const pixels = new Uint8Array(width * height);
  const toPx = (points: number) => Math.round((points / a4.width) * width);
  const block = {
    x0: toPx(scanInkBox.x),
    x1: toPx(scanInkBox.x + scanInkBox.width),
    y0: toPx(scanInkBox.y),
    y1: toPx(scanInkBox.y + scanInkBox.height),
  };
  const linesFrom = toPx(scanInkBox.y + scanInkBox.height + 40);
  const lineHeight = Math.max(4, Math.round(height / 120));
  let seed = 4242 + variant;
  for (let y = 0; y < height; y++) {
    const inLine = y > linesFrom && y < height - linesFrom && Math.floor((y - linesFrom) / lineHeight) % 2 === 0;
    for (let x = 0; x < width; x++) {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      const noise = seed >>> 16;
      const inBlock = x >= block.x0 && x < block.x1 && y >= block.y0 && y < block.y1;
      const word =
        inLine &&
        x > width / 10 &&
        x < width - width / 10 &&
        Math.floor((x + variant * 37) / (lineHeight * 3)) % 5 !== 4;
      const dark = inBlock || word;
      pixels[y * width + x] = bilevel ? (dark ? 0 : 255) : dark ? 20 + (noise % 40) : 225 + (noise % 30);
    }
  }
  return pixels;
}

/** A PDF of `pages` pages, each showing one of `images` (an image XObject's dictionary and bytes) over the whole page. */
async function imagePagesPdf(
  images: readonly { dict: Record<string, unknown>; data: Uint8Array }[],
  pages: number,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const refs = images.map(({ dict, data }) =>
    doc.context.register(doc.context.stream(data, { Type: 'XObject', Subtype: 'Image', ...dict })),
  );
  for (let number = 0; number < pages; number++) {
    const page = doc.addPage([a4.width, a4.height]);
    const name = page.node.newXObject('Scan', refs[number % refs.length]!);
    const content = doc.context.stream(`q ${a4.width} 0 0 ${a4.height} 0 0 cm /${name.asString().slice(1)} Do Q`);
    page.node.set(PDFName.of('Contents'), doc.context.register(content));
  }
  return doc.save({ useObjectStreams: false });
}

/**
 * A scanned leaflet of `pages` JPEG 2000 pages (`dpi` dots per inch of A4, grey), compressed by
 * `opj_compress` at about 20:1 (a raw codestream, as PDF's JPXDecode takes it). `variants` page images
 * are made and used in turn.
 */
export async function jpxScanPdf(pages: number, dpi = 150, variants = 2): Promise<Uint8Array> {
  const width = Math.round((a4.width / 72) * dpi);
  const height = Math.round((a4.height / 72) * dpi);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'jpx-fixture-'));
  try {
    const images = [];
    for (let variant = 0; variant < variants; variant++) {
      const pgm = path.join(folder, `page-${variant}.pgm`);
      const j2k = path.join(folder, `page-${variant}.j2k`);
      const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1');
      await writeFile(pgm, Buffer.concat([header, scanPixels(width, height, variant, false)]));
      await run('opj_compress', ['-i', pgm, '-o', j2k, '-r', '20']);
      images.push({ dict: { Width: width, Height: height, Filter: 'JPXDecode' }, data: await readFile(j2k) });
    }
    return await imagePagesPdf(images, pages);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** A scanned leaflet of `pages` bilevel pages (`dpi` of A4) in JBIG2, as scanners store text pages. */
export async function jbig2ScanPdf(pages: number, dpi = 150): Promise<Uint8Array> {
  const width = Math.round((a4.width / 72) * dpi);
  const height = Math.round((a4.height / 72) * dpi);
  const images = [0, 1].map((variant) => {
    const grey = scanPixels(width, height, variant, true);
    const black = grey.map((value) => (value === 0 ? 1 : 0));
    return {
      dict: { Width: width, Height: height, ColorSpace: 'DeviceGray', BitsPerComponent: 1, Filter: 'JBIG2Decode' },
      data: jbig2Embedded(black, width, height),
    };
  });
  return imagePagesPdf(images, pages);
}

/** Where `cmykPdf` paints its process-cyan block, in PDF points from the top left. */
export const cyanBox = { x: 100, y: 100, width: 300, height: 200 } as const;

/**
 * A one-page leaflet printed in CMYK: a block of pure process cyan (C 100 %). Through the CMYK profile
 * PDF.js ships it shows as a printed cyan (about rgb(0, 160, 225)); converted by formula it would be
 * the screen's rgb(0, 255, 255).
 */
export async function cmykPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([a4.width, a4.height]);
  page.drawRectangle({
    x: cyanBox.x,
    y: a4.height - cyanBox.y - cyanBox.height,
    width: cyanBox.width,
    height: cyanBox.height,
    color: cmyk(1, 0, 0, 0),
  });
  return doc.save();
}

/**
 * The JBIG2 segments PDF embeds (no file header): page information, one immediate lossless generic
 * region (arithmetic coding, template 0, the default adaptive pixels) and end of page. `black` holds
 * one byte per pixel, 1 for black.
 */
export function jbig2Embedded(black: Uint8Array, width: number, height: number): Uint8Array {
  const segments: Uint8Array[] = [];
  const segment = (number: number, type: number, data: Uint8Array) => {
    const header = new DataView(new ArrayBuffer(11));
    header.setUint32(0, number);
    header.setUint8(4, type); // page association in one byte, not deferred
    header.setUint8(5, 0); // refers to no segment, retains nothing
    header.setUint8(6, 1); // page 1
    header.setUint32(7, data.length);
    segments.push(new Uint8Array(header.buffer), data);
  };
  const pageInfo = new DataView(new ArrayBuffer(19));
  pageInfo.setUint32(0, width);
  pageInfo.setUint32(4, height);
  pageInfo.setUint8(16, 0); // default pixel white, combination OR
  segment(0, 48, new Uint8Array(pageInfo.buffer));
  const region = new DataView(new ArrayBuffer(18 + 8));
  region.setUint32(0, width);
  region.setUint32(4, height);
  region.setUint8(16, 0); // region at 0,0, combination OR
  region.setUint8(17, 0); // arithmetic, template 0, no typical prediction
  // The adaptive pixels' nominal places for template 0.
  [3, -1, -3, -1, 2, -2, -2, -2].forEach((value, index) => region.setInt8(18 + index, value));
  const coded = encodeGenericRegion(black, width, height);
  const data = new Uint8Array(region.byteLength + coded.length);
  data.set(new Uint8Array(region.buffer));
  data.set(coded, region.byteLength);
  segment(1, 38, data);
  segment(2, 49, new Uint8Array());
  const total = segments.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of segments) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The template-0 neighbours of a pixel (its own twelve and the four adaptive ones), as JBIG2 orders them into a context. */
const template0 = [
  [-1, -2],
  [0, -2],
  [1, -2],
  [-2, -1],
  [-1, -1],
  [0, -1],
  [1, -1],
  [2, -1],
  [-4, 0],
  [-3, 0],
  [-2, 0],
  [-1, 0],
  [3, -1],
  [-3, -1],
  [2, -2],
  [-2, -2],
].sort(([ax, ay], [bx, by]) => ay! - by! || ax! - bx!) as [number, number][];

/** Generic region bits (T.88 6.2.5.7, TPGDON off) through the MQ arithmetic coder. */
function encodeGenericRegion(black: Uint8Array, width: number, height: number): Uint8Array {
  const coder = new MqEncoder(1 << 16);
  const at = (x: number, y: number) => (x < 0 || y < 0 || x >= width ? 0 : black[y * width + x]!);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let context = 0;
      for (const [dx, dy] of template0) context = (context << 1) | at(x + dx, y + dy);
      coder.encode(context, black[y * width + x]!);
    }
  }
  return coder.finish();
}

/** Probability states of the MQ coder (T.88 Table E.1): Qe, next index after an MPS, after an LPS, and whether an LPS switches the MPS. */
const qeTable: readonly (readonly [number, number, number, number])[] = [
  [0x5601, 1, 1, 1],
  [0x3401, 2, 6, 0],
  [0x1801, 3, 9, 0],
  [0x0ac1, 4, 12, 0],
  [0x0521, 5, 29, 0],
  [0x0221, 38, 33, 0],
  [0x5601, 7, 6, 1],
  [0x5401, 8, 14, 0],
  [0x4801, 9, 14, 0],
  [0x3801, 10, 14, 0],
  [0x3001, 11, 17, 0],
  [0x2401, 12, 18, 0],
  [0x1c01, 13, 20, 0],
  [0x1601, 29, 21, 0],
  [0x5601, 15, 14, 1],
  [0x5401, 16, 14, 0],
  [0x5101, 17, 15, 0],
  [0x4801, 18, 16, 0],
  [0x3801, 19, 17, 0],
  [0x3401, 20, 18, 0],
  [0x3001, 21, 19, 0],
  [0x2801, 22, 19, 0],
  [0x2401, 23, 20, 0],
  [0x2201, 24, 21, 0],
  [0x1c01, 25, 22, 0],
  [0x1801, 26, 23, 0],
  [0x1601, 27, 24, 0],
  [0x1401, 28, 25, 0],
  [0x1201, 29, 26, 0],
  [0x1101, 30, 27, 0],
  [0x0ac1, 31, 28, 0],
  [0x09c1, 32, 29, 0],
  [0x08a1, 33, 30, 0],
  [0x0521, 34, 31, 0],
  [0x0441, 35, 32, 0],
  [0x02a1, 36, 33, 0],
  [0x0221, 37, 34, 0],
  [0x0141, 38, 35, 0],
  [0x0111, 39, 36, 0],
  [0x0085, 40, 37, 0],
  [0x0049, 41, 38, 0],
  [0x0025, 42, 39, 0],
  [0x0015, 43, 40, 0],
  [0x0009, 44, 41, 0],
  [0x0005, 45, 42, 0],
  [0x0001, 45, 43, 0],
  [0x5601, 46, 46, 0],
];

/** The MQ arithmetic encoder of T.88 Annex E (software conventions of E.2). */
class MqEncoder {
  readonly #index: Uint8Array;
  readonly #mps: Uint8Array;
  #a = 0x8000;
  #c = 0;
  #ct = 12;
  #b = -1;
  readonly #out: number[] = [];

  constructor(contexts: number) {
    this.#index = new Uint8Array(contexts);
    this.#mps = new Uint8Array(contexts);
  }

  encode(context: number, bit: number): void {
    const [qe, nmps, nlps, switches] = qeTable[this.#index[context]!]!;
    this.#a -= qe;
    if (bit === this.#mps[context]) {
      if ((this.#a & 0x8000) !== 0) {
        this.#c += qe;
        return;
      }
      if (this.#a < qe) this.#a = qe;
      else this.#c += qe;
      this.#index[context] = nmps;
    } else {
      if (this.#a < qe) this.#c += qe;
      else this.#a = qe;
      if (switches) this.#mps[context] = 1 - this.#mps[context]!;
      this.#index[context] = nlps;
    }
    this.#renormalise();
  }

  #renormalise(): void {
    do {
      this.#a = (this.#a << 1) & 0xffff;
      this.#c = (this.#c * 2) % 0x100000000;
      if (--this.#ct === 0) this.#byteOut();
    } while ((this.#a & 0x8000) === 0);
  }

  #emit(byte: number): void {
    if (this.#b >= 0) this.#out.push(this.#b);
    this.#b = byte;
  }

  #byteOut(): void {
    if (this.#b === 0xff) {
      this.#emit(this.#c >>> 20);
      this.#c &= 0xfffff;
      this.#ct = 7;
    } else if (this.#c < 0x8000000) {
      this.#emit(this.#c >>> 19);
      this.#c &= 0x7ffff;
      this.#ct = 8;
    } else {
      this.#b++;
      if (this.#b === 0xff) {
        this.#c &= 0x7ffffff;
        this.#emit(this.#c >>> 20);
        this.#c &= 0xfffff;
        this.#ct = 7;
      } else {
        this.#emit(this.#c >>> 19);
        this.#c &= 0x7ffff;
        this.#ct = 8;
      }
    }
  }

  finish(): Uint8Array {
    const top = this.#c + this.#a;
    this.#c |= 0xffff;
    if (this.#c >= top) this.#c -= 0x8000;
    this.#c = (this.#c * 2 ** this.#ct) % 0x100000000;
    this.#byteOut();
    this.#c = (this.#c * 2 ** this.#ct) % 0x100000000;
    this.#byteOut();
    if (this.#b !== 0xff) this.#emit(0xff);
    this.#emit(0xac);
    this.#emit(-1);
    return Uint8Array.from(this.#out);
  }
}
