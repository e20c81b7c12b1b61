/**
 * Maps `/content/<sha256>` onto the content store, for both hosts. Only a full 64-hex name is served,
 * only regular files reached without a link at any level (a linked shard folder included), and the media
 * type is read from the file's first bytes, because a content-addressed file has no extension.
 */
import { open } from 'node:fs/promises';
import { contentPath } from '../store/content-paths.ts';
import { lstatStored } from '../store/content-store.ts';
import type { ResolvedFile } from './static-files.ts';

const contentPathPattern = /^\/content\/([0-9a-f]{64})$/;

export function isContentRequest(urlPath: string): boolean {
  return urlPath === '/content' || urlPath.startsWith('/content/');
}

/** Resolves the URL path `urlPath` (without query) to a stored file, or undefined for anything else. */
export async function resolveContentFile(dataDir: string, urlPath: string): Promise<ResolvedFile | undefined> {
  const hash = contentPathPattern.exec(urlPath)?.[1];
  if (!hash) return undefined;
  const filePath = contentPath(dataDir, hash);
  const info = await lstatStored(dataDir, hash);
  if (!info) return undefined;
  return { path: filePath, size: info.size, mediaType: await sniffMediaType(filePath) };
}

const signatures: readonly { offset: number; bytes: readonly number[]; mediaType: string }[] = [
  { offset: 0, bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], mediaType: 'application/pdf' },
  { offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], mediaType: 'image/png' },
  { offset: 0, bytes: [0xff, 0xd8, 0xff], mediaType: 'image/jpeg' },
  // RIFF at 0 names many formats; WEBP at 8 is the picture a quiz may show, WAVE at 8 a narration.
  { offset: 8, bytes: [0x57, 0x45, 0x42, 0x50], mediaType: 'image/webp' },
  { offset: 8, bytes: [0x57, 0x41, 0x56, 0x45], mediaType: 'audio/wav' },
  // OggS: a narration in Opus (or Vorbis).
  { offset: 0, bytes: [0x4f, 0x67, 0x67, 0x53], mediaType: 'audio/ogg' },
  { offset: 0, bytes: [0x1a, 0x45, 0xdf, 0xa3], mediaType: 'video/webm' },
  { offset: 4, bytes: [0x66, 0x74, 0x79, 0x70], mediaType: 'video/mp4' },
  { offset: 0, bytes: [0x57, 0x45, 0x42, 0x56, 0x54, 0x54], mediaType: 'text/vtt; charset=utf-8' },
];

/** The media type of a stored file by its signature; unknown kinds are served as opaque bytes. */
export async function sniffMediaType(filePath: string): Promise<string> {
  const handle = await open(filePath, 'r');
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const found = signatures.find(
      ({ offset, bytes }) =>
        offset + bytes.length <= bytesRead && bytes.every((byte, index) => head[offset + index] === byte),
    );
    return found?.mediaType ?? 'application/octet-stream';
  } finally {
    await handle.close();
  }
}
