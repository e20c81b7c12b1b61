/**
 * The committed demo lecture agrees with its script and its sheet entry: a small WebM whose length is the
 * sheet's durationSeconds, and subtitles and transcripts in every language that say what the script says.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { parseSheet } from '../../../../tools/publish/sheet.ts';

const sourceDir = path.resolve(import.meta.dirname, '../../../../resources/demo-source');
const languages = ['en', 'ko', 'zh', 'mn-Cyrl'] as const;

interface Slide {
  narration: Record<string, string>;
}

/** A WebM's length in seconds, from the Segment Info's Duration (8-byte float) and TimecodeScale elements. */
function webmSeconds(bytes: Buffer): number {
  const head = bytes.subarray(0, 4096);
  const durationAt = head.indexOf(Buffer.from([0x44, 0x89, 0x88]));
  if (durationAt < 0) throw new Error('no 8-byte Duration element in the WebM header');
  const scaleAt = head.indexOf(Buffer.from([0x2a, 0xd7, 0xb1]));
  let scale = 1_000_000;
  if (scaleAt >= 0) {
    const length = head[scaleAt + 3]! & 0x0f;
    scale = head.readUIntBE(scaleAt + 4, length);
  }
  return (head.readDoubleBE(durationAt + 3) * scale) / 1e9;
}

function parseCues(vtt: string): { start: number; end: number; text: string }[] {
  const seconds = (stamp: string) => {
    const [h, m, s] = stamp.split(':').map(Number);
    return h! * 3600 + m! * 60 + s!;
  };
  expect(vtt.startsWith('WEBVTT\n\n')).toBe(true);
  return vtt
    .trim()
    .split('\n\n')
    .slice(1)
    .map((block) => {
      const [, timing, ...text] = block.split('\n');
      const [start, end] = timing!.split(' --> ');
      return { start: seconds(start!), end: seconds(end!), text: text.join('\n') };
    });
}

test('the lecture is a small WebM as long as the sheet says, with subtitles and transcripts from its script', async () => {
  const sheet = parseSheet(await readFile(path.join(sourceDir, 'sheet.yaml'), 'utf8'));
  const item = sheet.items.find((entry) => entry.id === 'solar-cooker')!;
  expect(item.kind).toBe('video');
  const { slides } = parse(await readFile(path.join(sourceDir, 'lectures/solar-cooker.yaml'), 'utf8')) as {
    slides: Slide[];
  };

  const video = await readFile(path.join(sourceDir, 'video/solar-cooker.webm'));
  expect(video.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
  expect(video.subarray(0, 64).includes('webm')).toBe(true);
  expect(video.length).toBeLessThanOrEqual(1.5 * 1024 * 1024);
  const seconds = webmSeconds(video);
  expect(seconds).toBeGreaterThanOrEqual(20);
  expect(seconds).toBeLessThanOrEqual(40);
  expect(item.durationSeconds).toBe(Math.round(seconds));

  for (const language of languages) {
    const subtitles = item.files.find((file) => file.role === 'subtitles' && file.language === language);
    expect(subtitles?.path, language).toBe(`video/solar-cooker.${language}.vtt`);
    const cues = parseCues(await readFile(path.join(sourceDir, subtitles!.path), 'utf8'));
    expect(cues.map((cue) => cue.text)).toEqual(slides.map((slide) => slide.narration[language]));
    for (const [index, cue] of cues.entries()) {
      expect(cue.end).toBeGreaterThan(cue.start);
      if (index > 0) expect(cue.start).toBeGreaterThanOrEqual(cues[index - 1]!.end);
    }
    expect(cues.at(-1)!.end).toBeLessThanOrEqual(seconds);

    const transcript = await readFile(path.join(sourceDir, item.texts[language]!.bodyFile!), 'utf8');
    expect(transcript).toBe(`${slides.map((slide) => slide.narration[language]).join('\n')}\n`);
  }
});
