/**
 * `npm run demo:build`: renders the demo leaflets (resources/demo-source/leaflets/*.yaml, titles from the sheet)
 * to PDFs and draws the quizzes' pictures, then builds and signs the demo pack into resources/demo-pack/ with the publisher, one version up,
 * and pins the new manifest's digest in main/demo/demo-manifest.ts: the demo key signs that manifest only.
 * A development step: its output is committed, so a fresh checkout needs neither the fonts nor this run.
 * `--pack-only` skips the drawing and builds the pack from the committed PDFs and pictures (no fonts needed), for a
 * change of the manifest, the narration or the page text alone; their bytes stay as they are.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { appRoot } from '../../../main/app-paths.ts';
import { ContentLanguage } from '../../../preload/contract/schemas.ts';
import { buildPack } from '../build-pack.ts';
import { parseSheet } from '../sheet.ts';
import { renderLeaflet } from './leaflet-pdf.ts';
import { drawQuizPictures } from './quiz-pictures.ts';

const sourceDir = path.join(appRoot, 'resources', 'demo-source');
const packDir = path.join(appRoot, 'resources', 'demo-pack');
const digestModule = path.join(appRoot, 'main', 'demo', 'demo-manifest.ts');

const subjectColours: Record<string, string> = {
  agriculture: '#2e7d32',
  health: '#b3261e',
  energy: '#a65c00',
  industry: '#35598f',
};

const LeafletFile = z.partialRecord(
  ContentLanguage,
  z.strictObject({
    intro: z.string(),
    sections: z.array(z.strictObject({ heading: z.string(), text: z.string() })).min(1),
    fact: z.string(),
  }),
);

async function installedVersion(): Promise<number> {
  try {
    const manifest = JSON.parse(await readFile(path.join(packDir, 'manifest.json'), 'utf8')) as { version: number };
    return manifest.version;
  } catch {
    return 0;
  }
}

async function renderLeaflets(): Promise<number> {
  const sheetFile = path.join(sourceDir, 'sheet.yaml');
  const sheet = parseSheet(await readFile(sheetFile, 'utf8'), 'sheet.yaml');
  let count = 0;
  for (const item of sheet.items.filter((entry) => entry.kind === 'pdf')) {
    const leafletFile = path.join(sourceDir, 'leaflets', `${item.id}.yaml`);
    let leaflet: z.infer<typeof LeafletFile>;
    try {
      leaflet = LeafletFile.parse(parse(await readFile(leafletFile, 'utf8')));
    } catch (error) {
      throw new Error(`${leafletFile}: ${String(error)}`, { cause: error });
    }
    const subject = sheet.subjects.find((entry) => entry.id === item.subjects[0])!;
    for (const file of item.files.filter((entry) => entry.role === 'main')) {
      const language = file.language;
      const content = language && leaflet[language];
      const text = language && item.texts[language];
      if (!language || !content || !text)
        throw new Error(`${item.id}: ${file.path} needs a language with text in ${leafletFile}`);
      const bytes = await renderLeaflet({
        language,
        title: text.title,
        subjectName: subject.names[language] ?? subject.names.en ?? subject.id,
        colour: subjectColours[subject.id] ?? '#444444',
        date: new Date(item.addedAt),
        content,
      });
      const target = path.join(sourceDir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, bytes);
      count++;
    }
  }
  return count;
}

/** Rewrites the module that pins the shipped demo manifest, keeping its comment. */
async function pinManifest(): Promise<string> {
  const digest = createHash('sha256')
    .update(await readFile(path.join(packDir, 'manifest.json')))
    .digest('hex');
  const text = await readFile(digestModule, 'utf8');
  await writeFile(digestModule, text.replace(/'[0-9a-f]{64}'/, `'${digest}'`));
  return digest;
}

async function main(): Promise<void> {
  const packOnly = process.argv.includes('--pack-only');
  const rendered = packOnly ? 0 : await renderLeaflets();
  const pictures = packOnly ? 0 : await drawQuizPictures(path.join(sourceDir, 'quiz', 'images'));
  const version = (await installedVersion()) + 1;
  const staging = path.join(await mkdtemp(path.join(os.tmpdir(), 'demo-pack-')), 'pack');
  const manifest = await buildPack({
    sourceDir,
    sheetFile: path.join(sourceDir, 'sheet.yaml'),
    keyFile: path.join(sourceDir, 'demo-key.private.json'),
    id: 'demo',
    channel: 'demo',
    version,
    // The demo ships inside the app: it must outlive any release that carries it.
    expiresDays: 3650,
    outDir: staging,
    onNote: (note) => console.warn(note),
  });
  await rm(packDir, { recursive: true, force: true });
  await rename(staging, packDir).catch(async () => {
    await rm(packDir, { recursive: true, force: true });
    const { cp } = await import('node:fs/promises');
    await cp(staging, packDir, { recursive: true });
  });
  const digest = await pinManifest();
  const bytes = manifest.files.reduce((sum, file) => sum + file.size, 0);
  console.log(
    `Rendered ${rendered} leaflets, drew ${pictures} quiz pictures; demo pack v${version}: ${manifest.items.length} items, ` +
      `${manifest.files.length} files, ${(bytes / 1e6).toFixed(2)} MB in ${path.relative(appRoot, packDir)}; ` +
      `manifest ${digest.slice(0, 12)}… pinned in ${path.relative(appRoot, digestModule)}`,
  );
}

await main();
