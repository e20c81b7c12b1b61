/**
 * Source files named by a sheet: resolved strictly inside the source folder, hashed once, typed by extension.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { hashFile } from '../../main/packs/verify-pack.ts';

const mediaTypes: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.json': 'application/json',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
};

export interface SourceFile {
  path: string;
  sha256: string;
  size: number;
  mediaType: string;
}

export class SourceFiles {
  readonly #root: Promise<string>;
  readonly #cache = new Map<string, Promise<SourceFile>>();

  constructor(sourceDir: string) {
    this.#root = realpath(sourceDir);
  }

  /** `field` names the sheet field, so a problem says which entry to fix. */
  get(relativePath: string, field: string): Promise<SourceFile> {
    let file = this.#cache.get(relativePath);
    if (!file) {
      file = this.#load(relativePath, field);
      this.#cache.set(relativePath, file);
    }
    return file;
  }

  /** The text of a source the pack does not carry itself (a GIFT file compiled into a quiz set). */
  async readText(relativePath: string, field: string): Promise<string> {
    return readFile((await this.#resolve(relativePath, field)).path, 'utf8');
  }

  async #load(relativePath: string, field: string): Promise<SourceFile> {
    const mediaType = mediaTypes[path.extname(relativePath).toLowerCase()];
    if (!mediaType) {
      throw new Error(
        `${field}: "${relativePath}" has a file type packs do not carry (${Object.keys(mediaTypes).join(' ')})`,
      );
    }
    const { path: real, size } = await this.#resolve(relativePath, field);
    return { path: real, sha256: await hashFile(real), size, mediaType };
  }

  async #resolve(relativePath: string, field: string): Promise<{ path: string; size: number }> {
    const root = await this.#root;
    const real = await realpath(path.join(root, relativePath)).catch(() => {
      throw new Error(`${field}: "${relativePath}" does not exist in the source folder ${root}`);
    });
    if (path.relative(root, real).startsWith('..')) {
      throw new Error(`${field}: "${relativePath}" leads outside the source folder (through a link)`);
    }
    const stats = await stat(real);
    if (!stats.isFile()) throw new Error(`${field}: "${relativePath}" is not a file`);
    return { path: real, size: stats.size };
  }
}
