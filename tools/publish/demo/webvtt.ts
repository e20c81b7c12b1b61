/** WebVTT subtitles from timed cues: the format the video player's `<track>` reads, written by hand-checkable rules. */

export interface Cue {
  /** Seconds from the start of the video. */
  start: number;
  end: number;
  text: string;
}

/** `hh:mm:ss.ttt`, the long form every WebVTT reader accepts. */
export function vttTimestamp(seconds: number): string {
  const millis = Math.round(Math.max(0, seconds) * 1000);
  const h = Math.floor(millis / 3_600_000);
  const m = Math.floor((millis % 3_600_000) / 60_000);
  const s = Math.floor((millis % 60_000) / 1000);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(millis % 1000, 3)}`;
}

/** Cue text is markup in WebVTT: `&` and `<` must be escaped, and a blank line would end the cue early. */
function cueText(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

export function toWebVtt(cues: readonly Cue[]): string {
  const blocks = cues.map((cue, index) => {
    if (!(cue.end > cue.start))
      throw new Error(`cue ${index + 1} ends (${cue.end} s) before it starts (${cue.start} s)`);
    const text = cueText(cue.text);
    if (!text) throw new Error(`cue ${index + 1} has no text`);
    return `${index + 1}\n${vttTimestamp(cue.start)} --> ${vttTimestamp(cue.end)}\n${text}`;
  });
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}
