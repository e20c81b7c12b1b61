/** The facts of a downloaded installer the release statement is checked against: name, SHA-512 and size. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ArtifactFacts } from './release-statement.ts';

/** Streams the file once; the digest is base64, as electron-updater's latest-linux.yml writes it. */
export async function artifactFacts(file: string): Promise<ArtifactFacts> {
  const hash = createHash('sha512');
  await pipeline(createReadStream(file), hash);
  return { name: path.basename(file), sha512: hash.digest('base64'), size: (await stat(file)).size };
}
