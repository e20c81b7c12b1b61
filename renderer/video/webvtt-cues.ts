/**
 * The cues of a WebVTT file as plain text with their times, for the transcript beside the lecture: read by hand
 * rather than through the `<track>`'s TextTrack, whose cues exist only while that track is showing or hidden, so
 * the transcript follows its own language whether the captions are on or off.
 */

export interface TranscriptCue {
  /** Seconds from the start of the video. */
  start: number;
  end: number;
  text: string;
}

/** `hh:mm:ss.ttt` or `mm:ss.ttt` in seconds; undefined when it is neither. */
export function vttSeconds(stamp: string): number | undefined {
  const match = /^(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})$/.exec(stamp.trim());
  if (!match) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0', millis = '0'] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) + Number(millis) / 1000;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' };

/** A cue's payload as text: tags (`<b>`, `<v Speaker>`, timestamps) dropped, entities read, lines joined. */
function cueText(lines: readonly string[]): string {
  return lines
    .join(' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (_, name: string) => entities[name]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every cue of `text` in time order; NOTE, STYLE and REGION blocks and malformed blocks are skipped. */
export function parseWebVtt(text: string): TranscriptCue[] {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/^WEBVTT(?:[ \t].*)?(?:\n|$)/.test(body)) return [];
  const cues: TranscriptCue[] = [];
  for (const block of body.split(/\n{2,}/).slice(1)) {
    const lines = block.split('\n').filter((line, index) => index > 0 || line.trim() !== '');
    const timing = lines.findIndex((line) => line.includes('-->'));
    if (timing < 0 || timing > 1) continue;
    const [from = '', rest = ''] = lines[timing]!.split('-->');
    const start = vttSeconds(from);
    const end = vttSeconds(rest.trim().split(/\s+/)[0] ?? '');
    if (start === undefined || end === undefined || !(end > start)) continue;
    const words = cueText(lines.slice(timing + 1));
    if (words) cues.push({ start, end, text: words });
  }
  return cues.sort((a, b) => a.start - b.start);
}

/** The cue playing at `time`: the last one started, while it lasts; undefined between cues. */
export function cueAt(cues: readonly TranscriptCue[], time: number): number | undefined {
  let found: number | undefined;
  for (const [index, cue] of cues.entries()) {
    if (cue.start > time) break;
    if (time < cue.end) found = index;
  }
  return found;
}
