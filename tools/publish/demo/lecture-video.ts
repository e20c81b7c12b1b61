/**
 * `npm run demo:video`: renders each demo lecture (resources/demo-source/lectures/<id>.yaml) into video/<id>.webm
 * (VP9 + Opus), a cover picture, and per language a WebVTT subtitles file and a transcript (the item's search text).
 * Slides are drawn by ffmpeg's drawtext on the subject colour; the English narration is spoken by espeak-ng.
 * A development step needing Debian's ffmpeg, espeak-ng and Noto fonts; its output is committed.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { z } from 'zod';
import { appRoot } from '../../../main/app-paths.ts';
import { ContentLanguage } from '../../../preload/contract/schemas.ts';
import { parseSheet } from '../sheet.ts';
import { wavSeconds } from './wav-length.ts';
import { toWebVtt } from './webvtt.ts';

const run = promisify(execFile);
const sourceDir = path.join(appRoot, 'resources', 'demo-source');

const headingFont = '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf';
/** DejaVu carries the sun, arrows and waves the diagrams are drawn with. */
const symbolFont = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const width = 1280;
const height = 720;
const background = '0xa65c00'; // the energy subject's colour
/** Silence before and after each slide's narration, in seconds. */
const lead = 0.6;
const tail = 1.0;

const Diagram = z.enum(['sun', 'rays', 'pot', 'lid', 'all']);
type Diagram = z.infer<typeof Diagram>;

const Lecture = z.strictObject({
  slides: z
    .array(
      z.strictObject({
        heading: z.string().min(1),
        diagram: Diagram,
        narration: z.partialRecord(ContentLanguage, z.string().min(1)).refine((texts) => texts.en, 'needs en'),
      }),
    )
    .min(1),
});
type Lecture = z.infer<typeof Lecture>;

interface TimedSlide {
  slide: Lecture['slides'][number];
  start: number;
  end: number;
  speech: string;
  speechSeconds: number;
}

/** One drawing on the slide: a glyph (drawtext) or a filled box, shown with the diagrams it belongs to. */
type Shape =
  | { glyph: string; size: number; colour: string; x: string; y: string; in: readonly Diagram[] }
  | { box: [number, number, number, number]; colour: string; in: readonly Diagram[] };

const cooker: readonly Diagram[] = ['rays', 'pot', 'lid', 'all'];
const heated: readonly Diagram[] = ['pot', 'lid', 'all'];
// `t` is the video's clock, so rays fall and heat rises while a slide is on screen.
const shapes: readonly Shape[] = [
  { glyph: '☀', size: 300, colour: '0xffd54a', x: '(w-text_w)/2+30*sin(t*1.5)', y: '230', in: ['sun'] },
  { glyph: '☀', size: 150, colour: '0xffd54a', x: '1030', y: '150', in: cooker },
  { box: [380, 250, 30, 370], colour: '0xeeeeee', in: cooker },
  { box: [870, 250, 30, 370], colour: '0xeeeeee', in: cooker },
  { box: [440, 420, 400, 200], colour: '0x3e2410', in: cooker },
  { box: [465, 440, 350, 160], colour: '0x6d4321', in: cooker },
  ...[540, 640, 740].map((x, index): Shape => ({
    glyph: '↓',
    size: 70,
    colour: '0xffeb3b',
    x: String(x),
    y: `230+mod(t*150+${index * 60},190)`,
    in: cooker,
  })),
  { glyph: '↘', size: 60, colour: '0xfff59d', x: '415+mod(t*70,70)', y: '300+mod(t*70,70)', in: cooker },
  { glyph: '↙', size: 60, colour: '0xfff59d', x: '805-mod(t*70,70)', y: '300+mod(t*70,70)', in: cooker },
  { box: [565, 505, 150, 90], colour: '0x111111', in: heated },
  { box: [555, 495, 170, 14], colour: '0x222222', in: heated },
  ...[585, 665].map((x, index): Shape => ({
    glyph: '≈',
    size: 50,
    colour: '0xff5722',
    x: String(x),
    y: `440+mod(${index * 25}-t*40,50)`,
    in: heated,
  })),
  { box: [430, 404, 420, 16], colour: '0xb3e5fc@0.85', in: ['lid', 'all'] },
];

function between(start: number, end: number): string {
  return `enable='gte(t,${start.toFixed(3)})*lt(t,${end.toFixed(3)})'`;
}

async function filterGraph(slides: readonly TimedSlide[], work: string): Promise<string> {
  const drawings: string[] = [];
  const textFile = async (name: string, text: string) => {
    // Text goes through files so nothing in it needs escaping for the filter graph.
    const file = path.join(work, `${name}.txt`);
    await writeFile(file, text);
    return file;
  };
  for (const [index, timed] of slides.entries()) {
    const when = between(timed.start, timed.end);
    const heading = await textFile(`heading-${index}`, timed.slide.heading);
    drawings.push(
      `drawtext=fontfile=${headingFont}:textfile=${heading}:fontsize=64:fontcolor=white:x=(w-text_w)/2:y=70:${when}`,
    );
    for (const [shapeIndex, shape] of shapes.entries()) {
      if (!shape.in.includes(timed.slide.diagram)) continue;
      if ('box' in shape) {
        const [x, y, w, h] = shape.box;
        drawings.push(`drawbox=x=${x}:y=${y}:w=${w}:h=${h}:color=${shape.colour}:t=fill:${when}`);
      } else {
        const glyph = await textFile(`shape-${shapeIndex}`, shape.glyph);
        drawings.push(
          `drawtext=fontfile=${symbolFont}:textfile=${glyph}:fontsize=${shape.size}:fontcolor=${shape.colour}` +
            `:x='${shape.x}':y='${shape.y}':${when}`,
        );
      }
    }
  }
  const audio = slides.map(
    (timed, index) =>
      `[${index + 1}:a]aresample=48000,adelay=${Math.round(lead * 1000)}:all=1,` +
      `apad=whole_dur=${(timed.end - timed.start).toFixed(3)}[a${index}]`,
  );
  const concat = `${slides.map((_, index) => `[a${index}]`).join('')}concat=n=${slides.length}:v=0:a=1[audio]`;
  return [`[0:v]${drawings.join(',')}[video]`, ...audio, concat].join(';\n');
}

async function renderLecture(id: string): Promise<number> {
  const lectureFile = path.join(sourceDir, 'lectures', `${id}.yaml`);
  const lecture = Lecture.parse(parse(await readFile(lectureFile, 'utf8')));
  const work = await mkdtemp(path.join(os.tmpdir(), `lecture-${id}-`));
  try {
    const slides: TimedSlide[] = [];
    let clock = 0;
    for (const [index, slide] of lecture.slides.entries()) {
      const speech = path.join(work, `speech-${index}.wav`);
      await run('espeak-ng', ['-v', 'en-us', '-s', '150', '-w', speech, slide.narration.en!]);
      const speechSeconds = wavSeconds(await readFile(speech));
      const length = lead + speechSeconds + tail;
      slides.push({ slide, start: clock, end: clock + length, speech, speechSeconds });
      clock += length;
    }
    const duration = clock;
    const outDir = path.join(sourceDir, 'video');
    await mkdir(outDir, { recursive: true });
    const video = path.join(outDir, `${id}.webm`);
    const graphFile = path.join(work, 'graph.txt');
    await writeFile(graphFile, await filterGraph(slides, work));
    await run(
      'ffmpeg',
      [
        ...['-hide_banner', '-loglevel', 'error', '-y'],
        ...['-f', 'lavfi', '-i', `color=c=${background}:s=${width}x${height}:r=25:d=${duration.toFixed(3)}`],
        ...slides.flatMap((timed) => ['-i', timed.speech]),
        ...['-filter_complex_script', graphFile, '-map', '[video]', '-map', '[audio]'],
        ...['-c:v', 'libvpx-vp9', '-crf', '40', '-b:v', '0', '-deadline', 'good', '-cpu-used', '4', '-row-mt', '1'],
        // A key frame every 2 s keeps seeking quick.
        ...['-g', '50', '-pix_fmt', 'yuv420p'],
        ...['-c:a', 'libopus', '-b:a', '32k', '-ac', '1'],
        ...['-t', duration.toFixed(3), video],
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    const last = slides.at(-1)!;
    await run('ffmpeg', [
      ...['-hide_banner', '-loglevel', 'error', '-y'],
      ...['-ss', ((last.start + last.end) / 2).toFixed(2), '-i', video],
      ...['-frames:v', '1', '-vf', 'scale=640:-2', '-q:v', '5', path.join(outDir, `${id}.cover.jpg`)],
    ]);
    const languages = ContentLanguage.options.filter((language) =>
      lecture.slides.every((slide) => slide.narration[language]),
    );
    for (const language of languages) {
      const cues = slides.map((timed) => ({
        start: timed.start + lead,
        end: timed.start + lead + timed.speechSeconds + tail / 2,
        text: timed.slide.narration[language]!,
      }));
      await writeFile(path.join(outDir, `${id}.${language}.vtt`), toWebVtt(cues));
      const transcript = lecture.slides.map((slide) => slide.narration[language]).join('\n');
      await writeFile(path.join(outDir, `${id}.${language}.txt`), `${transcript}\n`);
    }
    const { size } = await stat(video);
    console.log(`${id}: ${duration.toFixed(1)} s, ${(size / 1e6).toFixed(2)} MB, subtitles in ${languages.join(' ')}`);
    return duration;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const sheet = parseSheet(await readFile(path.join(sourceDir, 'sheet.yaml'), 'utf8'), 'sheet.yaml');
  const lectures = (await readdir(path.join(sourceDir, 'lectures'))).filter((name) => name.endsWith('.yaml'));
  for (const name of lectures) {
    const id = path.basename(name, '.yaml');
    const duration = Math.round(await renderLecture(id));
    const item = sheet.items.find((entry) => entry.id === id);
    if (item?.durationSeconds !== duration)
      console.warn(`  sheet.yaml: give item "${id}" durationSeconds: ${duration} (it says ${item?.durationSeconds})`);
  }
}

await main();
