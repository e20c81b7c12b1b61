/**
 * `publish build`: turns a source folder and its sheet into a signed full pack, extracting each PDF's text
 * and page count and each quiz's questions into the manifest so kiosks can index them directly.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_BODY_LENGTH, type FileEntry, type FullManifest, type ManifestItem } from '../../main/packs/manifest.ts';
import { writePack } from '../../main/packs/pack-writer.ts';
import { QuizSet, questionWords } from '../../preload/contract/quiz-set.ts';
import { KeyStatementFile } from '../../main/packs/signing-keys.ts';
import { keyMaySign } from '../../main/packs/trust-store.ts';
import type { ContentLanguage } from '../../preload/contract/schemas.ts';
import { readPrivateKey } from './key-files.ts';
import { extractPdfText } from './pdf-text.ts';
import { parseSheet, type SheetItem } from './sheet.ts';
import { SourceFiles, type SourceFile } from './source-files.ts';

export interface BuildOptions {
  sourceDir: string;
  sheetFile: string;
  keyFile: string;
  id: string;
  channel: string;
  version: number;
  /** Days until kiosks refuse the pack as stale. */
  expiresDays?: number;
  outDir: string;
  /** Key introduction statements to ship in keys/, for kiosks that trust only an older key. */
  statementFiles?: string[];
  now?: Date;
}

export async function buildPack(options: BuildOptions): Promise<FullManifest> {
  const sheetName = path.basename(options.sheetFile);
  const sheet = parseSheet(await readFile(options.sheetFile, 'utf8'), sheetName);
  const key = await readPrivateKey(options.keyFile);
  if (!keyMaySign(key, options.channel)) {
    throw new Error(`key "${key.keyId}" may sign ${key.channels.join(', ')}, not channel "${options.channel}"`);
  }
  const sources = new SourceFiles(options.sourceDir);
  const used = new Map<string, SourceFile>();
  const items: ManifestItem[] = [];
  for (const [index, sheetItem] of sheet.items.entries()) {
    items.push(
      await buildItem(sheetItem, `${sheetName} items[${index}] (${sheetItem.id})`, options.sourceDir, sources, used),
    );
  }
  const now = options.now ?? new Date();
  const files: FileEntry[] = [...used.values()].map(({ sha256, size, mediaType }) => ({ sha256, size, mediaType }));
  const manifest: FullManifest = {
    format: 1,
    id: options.id,
    channel: options.channel,
    version: options.version,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + (options.expiresDays ?? 365) * 86_400_000).toISOString(),
    keyId: key.keyId,
    kind: 'full',
    subjects: sheet.subjects,
    files,
    items,
  };
  const statements = await Promise.all(
    (options.statementFiles ?? []).map(async (file) => ({
      name: path.basename(file).replace(/\.statement\.json$|\.json$/, ''),
      file: KeyStatementFile.parse(JSON.parse(await readFile(file, 'utf8'))),
    })),
  );
  await writePack(options.outDir, {
    manifest,
    key,
    sources: new Map([...used.values()].map((f) => [f.sha256, f.path])),
    statements,
  });
  return manifest;
}

async function buildItem(
  item: SheetItem,
  where: string,
  sourceDir: string,
  sources: SourceFiles,
  used: Map<string, SourceFile>,
): Promise<ManifestItem> {
  const texts: ManifestItem['texts'] = {};
  for (const [language, text] of Object.entries(item.texts) as [
    ContentLanguage,
    NonNullable<SheetItem['texts'][ContentLanguage]>,
  ][]) {
    let body = text.body ?? '';
    if (text.bodyFile) body = await readFile(path.join(sourceDir, text.bodyFile), 'utf8');
    texts[language] = { title: text.title, summary: text.summary, body };
  }
  const result: ManifestItem = {
    id: item.id,
    kind: item.kind,
    addedAt: item.addedAt,
    subjects: item.subjects,
    texts,
    files: [],
  };
  if (item.durationSeconds !== undefined) result.durationSeconds = item.durationSeconds;
  if (item.featured === true) result.featured = true;

  for (const [index, file] of item.files.entries()) {
    const source = await sources.get(file.path, `${where} files[${index}].path`);
    used.set(source.sha256, source);
    result.files.push({ role: file.role, hash: source.sha256, ...(file.language ? { language: file.language } : {}) });
    if (file.role !== 'main') continue;
    // The main file's text becomes the body of its language, or of every language when it has none.
    const targets = file.language ? [file.language] : (Object.keys(texts) as ContentLanguage[]);
    if (item.kind === 'pdf') {
      if (source.mediaType !== 'application/pdf')
        throw new Error(`${where} files[${index}]: a pdf item's main file must be a .pdf`);
      const extracted = await extractPdfText(source.path).catch((error: unknown) => {
        throw new Error(`${where} files[${index}]: "${file.path}" could not be read as a PDF: ${String(error)}`);
      });
      result.pages ??= extracted.pages;
      for (const language of targets) {
        const text = texts[language];
        if (text && !text.body) text.body = extracted.text.slice(0, MAX_BODY_LENGTH);
      }
    } else if (item.kind === 'quiz') {
      const quiz = QuizSet.safeParse(JSON.parse(await readFile(source.path, 'utf8')));
      if (!quiz.success) {
        const issue = quiz.error.issues[0]!;
        throw new Error(
          `${where}: quiz file "${file.path}" at ${issue.path.join('.') || '(top level)'}: ${issue.message}`,
        );
      }
      for (const [language, text] of Object.entries(texts) as [
        ContentLanguage,
        ManifestItem['texts'][ContentLanguage],
      ][]) {
        if (!text || text.body) continue;
        text.body = quiz.data.questions
          .flatMap((question) => questionWords(question, language))
          .join('\n')
          .slice(0, MAX_BODY_LENGTH);
      }
    }
  }
  return result;
}
