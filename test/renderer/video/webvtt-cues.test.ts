/** Reading WebVTT into transcript lines: the demo lecture's subtitles as the publisher writes them, and the rest of the format a kiosk may meet. */
import { describe, expect, it } from 'vitest';
import { toWebVtt } from '../../../tools/publish/demo/webvtt.ts';
import { cueAt, parseWebVtt, vttSeconds } from '../../../renderer/video/webvtt-cues.ts';

describe('parseWebVtt', () => {
  it('reads back what the publisher writes, markup escapes included', () => {
    const cues = [
      { start: 0.6, end: 6.116, text: 'Sun & shade' },
      { start: 7.216, end: 12.251, text: 'First <line>\nsecond line' },
    ];
    expect(parseWebVtt(toWebVtt(cues))).toEqual([
      { start: 0.6, end: 6.116, text: 'Sun & shade' },
      { start: 7.216, end: 12.251, text: 'First <line> second line' },
    ]);
  });

  it('takes cue ids, settings, short timestamps, tags, notes, CRLF and a byte order mark', () => {
    const text =
      '\uFEFFWEBVTT - lecture\r\n\r\nNOTE made by hand\r\n\r\nSTYLE\r\n::cue { color: red }\r\n\r\n' +
      'intro\r\n00:01.000 --> 00:02.500 align:start line:0\r\n<v Teacher><b>Hello</b></v>&nbsp;there\r\n\r\n' +
      '01:00:00.000 --> 01:00:01.000\r\nLate\r\n\r\n00:03.000 --> 00:02.000\r\nBackwards\r\n';
    expect(parseWebVtt(text)).toEqual([
      { start: 1, end: 2.5, text: 'Hello there' },
      { start: 3600, end: 3601, text: 'Late' },
    ]);
  });

  it('gives nothing for a file that is not WebVTT', () => {
    expect(parseWebVtt('1\n00:00:01,000 --> 00:00:02,000\nSRT\n')).toEqual([]);
    expect(parseWebVtt('')).toEqual([]);
  });

  it('reads timestamps strictly', () => {
    expect(vttSeconds('00:00:07.216')).toBeCloseTo(7.216);
    expect(vttSeconds('02:03.004')).toBeCloseTo(123.004);
    expect(vttSeconds('00:61.000')).toBeUndefined();
    expect(vttSeconds('1:2:3')).toBeUndefined();
  });
});

describe('cueAt', () => {
  const cues = [
    { start: 1, end: 3, text: 'a' },
    { start: 4, end: 6, text: 'b' },
  ];
  it('is the cue playing, and none between cues', () => {
    expect(cueAt(cues, 0.5)).toBeUndefined();
    expect(cueAt(cues, 1)).toBe(0);
    expect(cueAt(cues, 3.5)).toBeUndefined();
    expect(cueAt(cues, 5.9)).toBe(1);
    expect(cueAt(cues, 6)).toBeUndefined();
  });
});
