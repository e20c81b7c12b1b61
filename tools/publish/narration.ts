/**
 * Narration the publisher makes: each page's text of a PDF spoken by espeak-ng, the pages joined with a short
 * pause, and the second each page starts at counted from the samples, so the kiosk turns pages with the voice.
 * Encoded to Opus in Ogg when opusenc (Debian's opus-tools) is installed — about a twentieth of the WAV's size —
 * and written as WAV otherwise.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ContentLanguage } from '../../preload/contract/schemas.ts';
import { readWav, silence, writeWav } from './wav.ts';

const run = promisify(execFile);

/**
 * espeak-ng's voice for each content language. It has none for Mongolian in either script (espeak-ng 1.51 lists
 * no `mn`), so those languages get no generated narration; a recorded one can still be attached.
 */
export const espeakVoices: Readonly<Partial<Record<ContentLanguage, string>>> = {
  en: 'en-us',
  ko: 'ko',
  zh: 'cmn',
};

/** Words per minute: slower than espeak-ng's 175, for listeners who are new to the words. */
const wordsPerMinute = 145;
/** Quiet after each page's words, so a page turn does not cut the last word. */
const pauseSeconds = 0.8;
/** A page without words (a picture) stays on screen this long. */
const wordlessPageSeconds = 2;

export type NarrationFormat = 'ogg' | 'wav';

export interface Narration {
  bytes: Uint8Array;
  mediaType: 'audio/ogg' | 'audio/wav';
  /** Seconds at which each page starts, to the millisecond; page 1 at 0. */
  pageStarts: number[];
  seconds: number;
}

export async function commandExists(command: string): Promise<boolean> {
  return run('sh', ['-c', `command -v ${command}`]).then(
    () => true,
    () => false,
  );
}

/** The format generated narration takes on this machine: Opus when opusenc is there. */
export async function narrationFormat(): Promise<NarrationFormat> {
  return (await commandExists('opusenc')) ? 'ogg' : 'wav';
}

/** Speaks `pageTexts` (one per page, '' for a page without words) in `language`; undefined when espeak-ng has no voice. */
export async function narratePages(
  pageTexts: readonly string[],
  language: ContentLanguage,
  format: NarrationFormat,
): Promise<Narration | undefined> {
  const voice = espeakVoices[language];
  if (!voice) return undefined;
  const work = await mkdtemp(path.join(os.tmpdir(), 'narration-'));
  try {
    const pages: Int16Array[] = [];
    let sampleRate = 22_050;
    for (const [index, text] of pageTexts.entries()) {
      if (!text.trim()) {
        pages.push(silence(sampleRate, wordlessPageSeconds));
        continue;
      }
      const textFile = path.join(work, `page-${index + 1}.txt`);
      const wavFile = path.join(work, `page-${index + 1}.wav`);
      await writeFile(textFile, text);
      await run('espeak-ng', ['-v', voice, '-s', String(wordsPerMinute), '-f', textFile, '-w', wavFile]);
      const spoken = readWav(await readFile(wavFile));
      sampleRate = spoken.sampleRate;
      pages.push(concat([spoken.samples, silence(sampleRate, pauseSeconds)]));
    }
    const { samples, starts } = joinPages(pages);
    const pageStarts = starts.map((start) => Math.round((start / sampleRate) * 1000) / 1000);
    const wav = writeWav({ sampleRate, samples });
    const seconds = samples.length / sampleRate;
    if (format === 'wav') return { bytes: wav, mediaType: 'audio/wav', pageStarts, seconds };
    const wavFile = path.join(work, 'narration.wav');
    const oggFile = path.join(work, 'narration.ogg');
    await writeFile(wavFile, wav);
    // A fixed serial number, so the same words give the same file.
    await run('opusenc', ['--quiet', '--speech', '--bitrate', '16', '--serial', '1', wavFile, oggFile]);
    return { bytes: new Uint8Array(await readFile(oggFile)), mediaType: 'audio/ogg', pageStarts, seconds };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** One signal from the pages' signals, and the sample at which each page starts. */
export function joinPages(pages: readonly Int16Array[]): { samples: Int16Array; starts: number[] } {
  const starts: number[] = [];
  let at = 0;
  for (const page of pages) {
    starts.push(at);
    at += page.length;
  }
  return { samples: concat(pages), starts };
}

function concat(parts: readonly Int16Array[]): Int16Array {
  const joined = new Int16Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}
