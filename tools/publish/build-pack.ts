/**
 * `publish build`: turns a source folder and its sheet into a signed full pack, extracting each PDF's text
 * and page count and each quiz's questions into the manifest so kiosks can index them directly. A quiz's
 * GIFT files are compiled into the one quiz set the pack carries, with its pictures as attachments.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  MAX_BODY_LENGTH,
  NARRATION_MEDIA_TYPES,
  type FileEntry,
  type FullManifest,
  type ManifestItem,
} from '../../main/packs/manifest.ts';
import { writePack } from '../../main/packs/pack-writer.ts';
import { PAGE_TEXT_MEDIA_TYPE, pageTextBytes } from '../../main/packs/page-text.ts';
import { documentTypeByPages } from '../../preload/contract/catalog.ts';
import { questionWords } from '../../preload/contract/quiz-set.ts';
import { KeyStatementFile } from '../../main/packs/signing-keys.ts';
import { keyMaySign } from '../../main/packs/trust-store.ts';
import type { ContentLanguage } from '../../preload/contract/schemas.ts';
import { cleanBody } from './body-text.ts';
import { readPrivateKey } from './key-files.ts';
import { commandExists, espeakVoices, narratePages, narrationFormat, type NarrationFormat } from './narration.ts';
import { ocrPages } from './ocr-pages.ts';
import { extractPdfText, joinPages, tidy, type PdfText } from './pdf-text.ts';
import { buildQuiz, type MadeFile } from './quiz-source.ts';
import { parseSheet, type Sheet, type SheetItem } from './sheet.ts';
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
  /**
   * Hears what the publisher should know but that does not stop the build: GIFT questions skipped, a PDF
   * with no text, a PDF whose text was cut.
   */
  onNote?: (note: string) => void;
  /** Reads image-only pages with tesseract (`ocr-pages.ts`) in the item's languages. */
  ocr?: boolean;
  /** Narrates every PDF item with espeak-ng, as if each had `narrate: true` in the sheet. */
  narrate?: boolean;
  /** How generated narration is encoded; by default Opus when opusenc is installed, else WAV. */
  narrationFormat?: NarrationFormat;
}

/** A file the pack carries: copied from the source folder, or made by the build. */
type PackSource = SourceFile | MadeFile;

export async function buildPack(options: BuildOptions): Promise<FullManifest> {
  const sheetName = path.basename(options.sheetFile);
  return buildPackFromSheet(parseSheet(await readFile(options.sheetFile, 'utf8'), sheetName), sheetName, options);
}

/** `buildPack` of a sheet the caller made (the exchange pack's); `sheetName` names it in messages. */
export async function buildPackFromSheet(
  sheet: Sheet,
  sheetName: string,
  options: Omit<BuildOptions, 'sheetFile'>,
): Promise<FullManifest> {
  const key = await readPrivateKey(options.keyFile);
  if (!keyMaySign(key, options.channel)) {
    throw new Error(`key "${key.keyId}" may sign ${key.channels.join(', ')}, not channel "${options.channel}"`);
  }
  const sources = new SourceFiles(options.sourceDir);
  const used = new Map<string, PackSource>();
  const items: ManifestItem[] = [];
  const context = {
    sourceDir: options.sourceDir,
    sources,
    used,
    subjects: new Set(sheet.subjects.map((subject) => subject.id)),
    onNote: options.onNote ?? (() => {}),
    ocr: options.ocr ?? false,
    narrateAll: options.narrate ?? false,
    narrationFormat: lazy(async () => options.narrationFormat ?? (await narrationFormat())),
  };
  for (const [index, sheetItem] of sheet.items.entries()) {
    items.push(await buildItem(sheetItem, `${sheetName} items[${index}] (${sheetItem.id})`, context));
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
    sources: new Map([...used.values()].map((f) => [f.sha256, 'bytes' in f ? f.bytes : f.path])),
    statements,
  });
  return manifest;
}

interface BuildContext {
  sourceDir: string;
  sources: SourceFiles;
  used: Map<string, PackSource>;
  subjects: ReadonlySet<string>;
  onNote: (note: string) => void;
  ocr: boolean;
  narrateAll: boolean;
  narrationFormat: () => Promise<NarrationFormat>;
}

function lazy<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/** Fills the pages with no text from tesseract, and says what it read. */
async function readScannedPages(
  extracted: PdfText,
  file: string,
  languages: readonly ContentLanguage[],
  named: string,
  onNote: (note: string) => void,
): Promise<void> {
  const empty = extracted.pageTexts.flatMap((text, index) => (text ? [] : [index + 1]));
  if (empty.length === 0) return;
  const { texts, unread } = await ocrPages(file, empty, languages);
  for (const [page, text] of texts) extracted.pageTexts[page - 1] = tidy(cleanBody(text));
  extracted.text = joinPages(extracted.pageTexts);
  const characters = [...texts.values()].reduce((sum, text) => sum + text.length, 0);
  onNote(
    `${named}: OCR read ${characters} characters on ${texts.size} of its ${empty.length} pages without text` +
      (unread.length > 0 ? ` (no OCR model for ${unread.join(', ')})` : ''),
  );
}

function madeFile(bytes: Buffer, mediaType: string): MadeFile {
  return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mediaType, bytes };
}

/** The first MAX_BODY_LENGTH UTF-16 units, without splitting a surrogate pair. */
function cut(text: string): string {
  const end = /[\ud800-\udbff]/.test(text[MAX_BODY_LENGTH - 1] ?? '') ? MAX_BODY_LENGTH - 1 : MAX_BODY_LENGTH;
  return text.slice(0, end);
}

async function buildItem(item: SheetItem, where: string, context: BuildContext): Promise<ManifestItem> {
  const { sourceDir, sources, used } = context;
  const texts: ManifestItem['texts'] = {};
  for (const [language, text] of Object.entries(item.texts) as [
    ContentLanguage,
    NonNullable<SheetItem['texts'][ContentLanguage]>,
  ][]) {
    let body = text.body ?? '';
    if (text.bodyFile) body = await readFile(path.join(sourceDir, text.bodyFile), 'utf8');
    texts[language] = { title: text.title, summary: text.summary, body: cleanBody(body) };
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
  /** Each main PDF's page texts by language, for narration. */
  const pageTexts = new Map<ContentLanguage, string[]>();

  if (item.kind === 'quiz') {
    const { quiz, main, pictures, notes } = await buildQuiz(item, where, sources, context.subjects);
    for (const note of notes) context.onNote(`${where}: ${note}`);
    used.set(main.sha256, main);
    result.files.push({ role: 'main', hash: main.sha256 });
    for (const picture of pictures) {
      used.set(picture.sha256, picture);
      result.files.push({ role: 'attachment', hash: picture.sha256 });
    }
    for (const [language, text] of Object.entries(texts) as [
      ContentLanguage,
      ManifestItem['texts'][ContentLanguage],
    ][]) {
      if (!text || text.body) continue;
      text.body = quiz.questions
        .flatMap((question) => questionWords(question, language))
        .join('\n')
        .slice(0, MAX_BODY_LENGTH);
    }
  }

  for (const [index, file] of item.files.entries()) {
    // A quiz's main files are its sources, compiled above into the one the pack carries.
    if (item.kind === 'quiz' && file.role === 'main') continue;
    const source = await sources.get(file.path, `${where} files[${index}].path`);
    if (file.role === 'narration' && !NARRATION_MEDIA_TYPES.includes(source.mediaType))
      throw new Error(`${where} files[${index}]: a narration must be a .wav, .ogg or .opus file`);
    const ref: ManifestItem['files'][number] = {
      role: file.role,
      hash: source.sha256,
      ...(file.language ? { language: file.language } : {}),
      ...(file.pageStarts ? { pageStarts: file.pageStarts } : {}),
    };
    used.set(source.sha256, source);
    // A picture the quiz shows may also be listed as an attachment: carried once.
    if (
      result.files.some(
        (known) => known.role === ref.role && known.hash === ref.hash && known.language === ref.language,
      )
    )
      continue;
    result.files.push(ref);
    if (file.role !== 'main' || item.kind !== 'pdf') continue;
    // The main file's text becomes the body of its language, or of every language when it has none.
    const targets = file.language ? [file.language] : (Object.keys(texts) as ContentLanguage[]);
    if (source.mediaType !== 'application/pdf')
      throw new Error(`${where} files[${index}]: a pdf item's main file must be a .pdf`);
    const extracted = await extractPdfText(source.path).catch((error: unknown) => {
      throw new Error(`${where} files[${index}]: "${file.path}" could not be read as a PDF: ${String(error)}`);
    });
    result.pages ??= extracted.pages;
    // Each language version's own length: the item page shows the one that opens.
    ref.pages = extracted.pages;
    const named = `${where} files[${index}] "${file.path}"`;
    if (context.ocr) await readScannedPages(extracted, source.path, targets, named, context.onNote);
    if (file.language) pageTexts.set(file.language, extracted.pageTexts);
    if (!extracted.text) {
      context.onNote(`${named}: no text in its ${extracted.pages} pages (a scan?); search finds it by title only`);
    } else if (extracted.text.length > MAX_BODY_LENGTH) {
      context.onNote(
        `${named}: body cut to ${MAX_BODY_LENGTH} of its ${extracted.text.length} characters; ` +
          `its page text carries all ${extracted.pages} pages, so search finds every one`,
      );
    }
    for (const language of targets) {
      const text = texts[language];
      if (text && !text.body) text.body = cut(extracted.text);
    }
    // The whole text, page by page, beside the PDF: what kiosks index, and how a search names the page.
    if (extracted.text) {
      const pageText = madeFile(pageTextBytes(extracted.pageTexts), PAGE_TEXT_MEDIA_TYPE);
      used.set(pageText.sha256, pageText);
      for (const language of targets) {
        // The first PDF of a language is the one its page text follows, as its body does.
        if (!texts[language] || result.files.some((known) => known.role === 'page-text' && known.language === language))
          continue;
        result.files.push({ role: 'page-text', hash: pageText.sha256, language });
      }
    }
  }
  if (item.kind === 'pdf') result.documentType = item.documentType ?? documentTypeByPages(result.pages);
  const narrate = item.narrate ?? (context.narrateAll && item.kind === 'pdf' ? true : undefined);
  if (narrate !== undefined) await addNarrations(result, narrate, pageTexts, where, context);
  return result;
}

/** Speaks the item's PDFs in the languages asked for, and says which it could not. */
async function addNarrations(
  result: ManifestItem,
  narrate: true | ContentLanguage[],
  pageTexts: ReadonlyMap<ContentLanguage, string[]>,
  where: string,
  context: BuildContext,
): Promise<void> {
  const recorded = new Set(result.files.filter((file) => file.role === 'narration').map((file) => file.language));
  const languages = narrate === true ? [...pageTexts.keys()] : narrate;
  if (!(await commandExists('espeak-ng')))
    throw new Error(`${where}: narrate needs espeak-ng (Debian: apt-get install espeak-ng)`);
  for (const language of languages) {
    if (recorded.has(language)) continue;
    const texts = pageTexts.get(language);
    if (!texts) {
      context.onNote(`${where}: no narration in ${language}: the item has no main PDF in ${language}`);
      continue;
    }
    if (!espeakVoices[language]) {
      context.onNote(`${where}: no narration in ${language}: espeak-ng has no voice for it (attach a recording)`);
      continue;
    }
    const narration = (await narratePages(texts, language, await context.narrationFormat()))!;
    const bytes = Buffer.from(narration.bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    context.used.set(sha256, { sha256, size: bytes.length, mediaType: narration.mediaType, bytes });
    result.files.push({ role: 'narration', hash: sha256, language, pageStarts: narration.pageStarts });
    context.onNote(
      `${where}: narration in ${language}, ${narration.seconds.toFixed(1)} s over ${texts.length} pages, ` +
        `${(bytes.length / 1000).toFixed(0)} kB ${narration.mediaType}`,
    );
  }
}
