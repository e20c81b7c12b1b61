/**
 * `publish build` with narration: a recorded one attached from the sheet with its page marks (a WAV made here),
 * and one spoken by espeak-ng page by page, whose marks are where each page's speech begins. Mongolian has no
 * espeak-ng voice, which the build says instead of failing.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { FullManifest } from '../../../main/packs/manifest.ts';
import { generateKey } from '../../../main/packs/signing-keys.ts';
import { parseManifest, verifyPack, verifyPackContents } from '../../../main/packs/verify-pack.ts';
import { buildPack } from '../../../tools/publish/build-pack.ts';
import { joinPages } from '../../../tools/publish/narration.ts';
import { SheetError } from '../../../tools/publish/sheet.ts';
import { readWav, silence, writeWav } from '../../../tools/publish/wav.ts';
import { tempDir, trustOnly, writeKey } from '../../main/packs/pack-fixtures.ts';

const hasEspeak = (() => {
  try {
    execFileSync('espeak-ng', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** A leaflet of one short sentence per page ('' leaves a page without words). */
async function leaflet(pages: readonly string[]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (const text of pages) {
    const page = document.addPage([420, 595]);
    if (text) page.drawText(text, { x: 40, y: 500, size: 16, font });
  }
  return document.save();
}

/** A tone of `seconds` at 8 kHz: a stand-in for a recording. */
function toneWav(seconds: number): Uint8Array {
  const sampleRate = 8000;
  const samples = new Int16Array(sampleRate * seconds).map((_, index) =>
    Math.round(8000 * Math.sin((2 * Math.PI * 440 * index) / sampleRate)),
  );
  return writeWav({ sampleRate, samples });
}

async function build(sheet: string, files: Record<string, Uint8Array>, narrationFormat: 'wav' = 'wav') {
  const dir = await tempDir('narration-source-');
  for (const [name, bytes] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), bytes);
  }
  const sheetFile = path.join(dir, 'sheet.yaml');
  await writeFile(sheetFile, `subjects:\n  - { id: health, names: { en: Health } }\nitems:\n${sheet}`);
  const key = generateKey('centre-test', ['*']);
  const outDir = path.join(await tempDir(), 'pack');
  const notes: string[] = [];
  await buildPack({
    sourceDir: dir,
    sheetFile,
    keyFile: await writeKey(dir, key),
    id: 'narrated',
    channel: 'health',
    version: 1,
    outDir,
    narrationFormat,
    onNote: (note) => notes.push(note),
  });
  const manifest = parseManifest(await readFile(path.join(outDir, 'manifest.json'))) as FullManifest;
  await verifyPack(outDir, { trust: trustOnly(key) });
  await verifyPackContents(outDir);
  return { manifest, notes, outDir };
}

const item = (extra: string) =>
  '  - id: hands\n    kind: pdf\n    addedAt: 2026-11-01\n    subjects: [health]\n' +
  '    texts: { en: { title: Hands }, mn-Mong: { title: ᠭᠠᠷ } }\n' +
  extra;

describe('publish build with narration', () => {
  it('attaches a recorded narration with its page marks', async () => {
    const { manifest } = await build(
      item(
        '    files:\n      - { role: main, path: hands.en.pdf, language: en }\n' +
          '      - { role: narration, path: audio/hands.en.wav, language: en, pageStarts: [0, 1.5] }\n',
      ),
      { 'hands.en.pdf': await leaflet(['Wash', 'Dry']), 'audio/hands.en.wav': toneWav(3) },
    );
    const narration = manifest.items[0]!.files.find((file) => file.role === 'narration')!;
    expect(narration).toMatchObject({ language: 'en', pageStarts: [0, 1.5] });
    expect(manifest.files.find((file) => file.sha256 === narration.hash)?.mediaType).toBe('audio/wav');
  });

  it('refuses a narration without marks, naming the line', async () => {
    const failure = await build(
      item(
        '    files:\n      - { role: main, path: hands.en.pdf, language: en }\n' +
          '      - { role: narration, path: hands.en.wav, language: en }\n',
      ),
      { 'hands.en.pdf': await leaflet(['Wash']), 'hands.en.wav': toneWav(1) },
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SheetError);
    expect((failure as SheetError).problems).toEqual([
      expect.stringMatching(/line 11, items\[0\]\.files\[1\]\.pageStarts: a narration needs pageStarts/),
    ]);
  });

  it.skipIf(!hasEspeak)(
    'speaks each page with espeak-ng and marks where each page begins; says Mongolian has no voice',
    async () => {
      const { manifest, notes, outDir } = await build(
        item(
          '    narrate: true\n    files:\n      - { role: main, path: hands.en.pdf, language: en }\n' +
            '      - { role: main, path: hands.mn-Mong.pdf, language: mn-Mong }\n',
        ),
        {
          'hands.en.pdf': await leaflet(['Wash your hands.', '', 'Dry them.']),
          'hands.mn-Mong.pdf': await leaflet(['', '', '']),
        },
      );
      const narrations = manifest.items[0]!.files.filter((file) => file.role === 'narration');
      expect(narrations.map((file) => file.language)).toEqual(['en']);
      const [start1, start2, start3] = narrations[0]!.pageStarts!;
      expect(start1).toBe(0);
      // Page 2 has no words: two seconds of quiet.
      expect(start3! - start2!).toBeCloseTo(2, 2);
      expect(start2).toBeGreaterThan(0.5);
      const wav = readWav(await readFile(path.join(outDir, 'files', narrations[0]!.hash)));
      expect(wav.samples.length / wav.sampleRate).toBeGreaterThan(start3! + 0.5);
      expect(notes.filter((note) => note.includes('narration'))).toEqual([
        expect.stringMatching(/narration in en, [\d.]+ s over 3 pages, \d+ kB audio\/wav$/),
        expect.stringMatching(/no narration in mn-Mong: espeak-ng has no voice for it/),
      ]);
    },
    30_000,
  );
});

describe('joinPages', () => {
  it('starts each page where the one before ends', () => {
    const { samples, starts } = joinPages([silence(100, 1), silence(100, 0.5), silence(100, 2)]);
    expect(starts).toEqual([0, 100, 150]);
    expect(samples).toHaveLength(350);
  });
});
