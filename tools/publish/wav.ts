/**
 * 16-bit PCM WAV, read and written: what espeak-ng speaks into and what a generated narration is joined from,
 * so page marks are counted in samples, not guessed from lengths.
 */

export interface Pcm {
  sampleRate: number;
  /** Mono samples. */
  samples: Int16Array;
}

export function readWav(bytes: Uint8Array): Pcm {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.length < 12 || ascii(0) !== 'RIFF' || ascii(8) !== 'WAVE') throw new Error('not a WAV file');
  let format: { channels: number; sampleRate: number; bits: number; code: number } | undefined;
  for (let offset = 12; offset + 8 <= bytes.length;) {
    const id = ascii(offset);
    const size = view.getUint32(offset + 4, true);
    if (id === 'fmt ') {
      format = {
        code: view.getUint16(offset + 8, true),
        channels: view.getUint16(offset + 10, true),
        sampleRate: view.getUint32(offset + 12, true),
        bits: view.getUint16(offset + 22, true),
      };
    }
    if (id === 'data') {
      if (!format) throw new Error('WAV data comes before its format');
      if (format.code !== 1 || format.bits !== 16 || format.channels !== 1)
        throw new Error('only mono 16-bit PCM WAV is read');
      // A streamed WAV (espeak-ng writing to a pipe) may leave the size unset: the data then runs to the end.
      const length = Math.min(size, bytes.length - offset - 8) >> 1;
      const samples = new Int16Array(length);
      for (let index = 0; index < length; index++) samples[index] = view.getInt16(offset + 8 + index * 2, true);
      return { sampleRate: format.sampleRate, samples };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error('WAV file has no data chunk');
}

export function writeWav({ sampleRate, samples }: Pcm): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let index = 0; index < text.length; index++) bytes[offset + index] = text.charCodeAt(index);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  samples.forEach((sample, index) => view.setInt16(44 + index * 2, sample, true));
  return bytes;
}

/** `seconds` of a quiet tone-free signal at `sampleRate`. */
export function silence(sampleRate: number, seconds: number): Int16Array {
  return new Int16Array(Math.round(sampleRate * seconds));
}
