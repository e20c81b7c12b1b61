import { expect, test } from 'vitest';
import { wavSeconds } from '../../../../tools/publish/demo/wav-length.ts';

function wav(sampleRate: number, samples: number, options: { extraChunk?: boolean; sizeUnset?: boolean } = {}) {
  const extra = options.extraChunk ? 8 + 5 + 1 : 0;
  const bytes = new Uint8Array(44 + extra + samples * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => [...text].forEach((c, i) => (bytes[offset + i] = c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  let offset = 36;
  if (options.extraChunk) {
    // An odd-sized chunk is followed by a pad byte.
    ascii(offset, 'LIST');
    view.setUint32(offset + 4, 5, true);
    offset += 8 + 5 + 1;
  }
  ascii(offset, 'data');
  view.setUint32(offset + 4, options.sizeUnset ? 0xffffffff : samples * 2, true);
  return bytes;
}

test('the length is the data size over the byte rate', () => {
  expect(wavSeconds(wav(22050, 22050 * 3))).toBe(3);
  expect(wavSeconds(wav(48000, 24000, { extraChunk: true }))).toBe(0.5);
});

test('a streamed WAV without a data size runs to the end of the file', () => {
  expect(wavSeconds(wav(22050, 11025, { sizeUnset: true }))).toBe(0.5);
});

test('something else is refused', () => {
  expect(() => wavSeconds(new TextEncoder().encode('OggS and more bytes'))).toThrow(/not a WAV file/);
  expect(() => wavSeconds(wav(22050, 10).subarray(0, 36))).toThrow(/no data chunk/);
});
