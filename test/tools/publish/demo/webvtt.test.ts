import { expect, test } from 'vitest';
import { toWebVtt, vttTimestamp } from '../../../../tools/publish/demo/webvtt.ts';

test('timestamps are hh:mm:ss.ttt, rounded to the millisecond', () => {
  expect(vttTimestamp(0)).toBe('00:00:00.000');
  expect(vttTimestamp(6.1164)).toBe('00:00:06.116');
  expect(vttTimestamp(59.9996)).toBe('00:01:00.000');
  expect(vttTimestamp(3725.5)).toBe('01:02:05.500');
});

test('cues are numbered blocks after the WEBVTT line, markup escaped and blank lines dropped', () => {
  const text = toWebVtt([
    { start: 0.6, end: 6.1, text: '태양열 조리기의 원리.' },
    { start: 7, end: 9.25, text: 'heat < light & air\n\n  second line ' },
  ]);
  expect(text).toBe(
    'WEBVTT\n\n1\n00:00:00.600 --> 00:00:06.100\n태양열 조리기의 원리.\n\n' +
      '2\n00:00:07.000 --> 00:00:09.250\nheat &lt; light &amp; air\nsecond line\n',
  );
});

test('a cue that ends before it starts, or has no text, is refused by number', () => {
  expect(() => toWebVtt([{ start: 5, end: 5, text: 'x' }])).toThrow(/cue 1 ends \(5 s\) before it starts/);
  expect(() =>
    toWebVtt([
      { start: 0, end: 1, text: 'a' },
      { start: 1, end: 2, text: ' \n ' },
    ]),
  ).toThrow(/cue 2 has no text/);
});
