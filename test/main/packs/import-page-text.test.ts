/**
 * A PDF's page text travels as its own file and is indexed whole, page by page: a word on page 1,400 of a
 * 1,500-page manual (far past the manifest body's 400,000 characters) is found with its page and a snippet,
 * Chinese by substring, and a page-text file that is not one is refused before anything is copied, leaving the
 * kiosk as it was. Real signed packs, the real import pipeline, a real catalog file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CatalogReader } from '../../../main/catalog/catalog-reader.ts';
import { importPack } from '../../../main/packs/import/import-pack.ts';
import { MAX_BODY_LENGTH, type ManifestItem } from '../../../main/packs/manifest.ts';
import {
  MAX_PAGE_TEXT_BYTES,
  MAX_PAGE_TEXT_LENGTH,
  pageTextBytes,
  parsePageText,
} from '../../../main/packs/page-text.ts';
import type { ImportProgress } from '../../../preload/contract/packs.ts';
import { manualLonelyPage, manualLonelyWord, manualPageTexts, manualRareWord } from '../../e2e/reader-library.ts';
import {
  fileOf,
  fullManifest,
  itemFor,
  randomFile,
  testKey,
  writeTestPack,
  type FixtureFile,
} from './import-fixtures.ts';
import { openKiosk, snapshot, storedFiles, type Kiosk } from './import-helpers.ts';

const { key, trust } = testKey('centre', ['science']);
const now = () => new Date('2026-11-21T12:00:00Z');
const newSince = '2026-11-01T00:00:00.000Z';
const manualPages = 1500;
let work: string;
let kiosk: Kiosk;
let packs = 0;
let version = 0;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'import-page-text-'));
  kiosk = openKiosk(path.join(work, 'data'), trust);
});
afterAll(async () => {
  await kiosk.catalog.close();
  await rm(work, { recursive: true, force: true });
});

const pageTextFile = (pages: readonly string[]) => fileOf(pageTextBytes(pages), 'application/json');
const rawFile = (text: string) => fileOf(Buffer.from(text), 'application/json');

/** A PDF item (its PDF stands in as random bytes: the kiosk never parses it) with `pageText` as its page text. */
function pdfItem(id: string, pdf: FixtureFile, pageText: FixtureFile, pages: number, language = 'en'): ManifestItem {
  const item = itemFor(id, [pdf], `Manual ${id}`);
  return {
    ...item,
    pages,
    files: [
      { role: 'main', hash: pdf.sha256, language: language as 'en' },
      { role: 'page-text', hash: pageText.sha256, language: language as 'en' },
    ],
    texts: language === 'en' ? item.texts : { [language]: { title: `手册 ${id}`, summary: '', body: '' } },
  };
}

async function writePack(items: ManifestItem[], files: FixtureFile[]): Promise<string> {
  return writeTestPack(
    path.join(work, `pack-${++packs}`),
    key,
    fullManifest(key, { version: ++version, files, items }),
    files,
  );
}

async function search(query: string, locale: 'en' | 'zh-Hans' = 'en') {
  const reader = new CatalogReader(kiosk.catalogPath);
  try {
    return reader.search({ locale, query, newSince, offset: 0, limit: 24 });
  } finally {
    reader.close();
  }
}

test('a word only on page 1,400 of a 1,500-page manual is found there, with a snippet; 排版 inside Chinese text too', async () => {
  const pages = manualPageTexts(manualPages);
  // Far past what a manifest body holds: only the page text carries page 1,400.
  const padded = pages.map((page) => `${page}\n${'Maintenance notes for the reading room. '.repeat(8)}`);
  expect(padded.slice(0, manualLonelyPage - 1).join('\n\n').length).toBeGreaterThan(MAX_BODY_LENGTH);
  const manual = pageTextFile(padded);
  const chinese = pageTextFile(['第一页：目录。', '第二页讲中文排版的规则，标点不占行首。', '第三页：索引。']);
  const pdf = randomFile(2048);
  const zhPdf = randomFile(1024);
  await importPack(
    await writePack(
      [pdfItem('manual', pdf, manual, manualPages), pdfItem('zh-guide', zhPdf, chinese, 3, 'zh')],
      [pdf, manual, zhPdf, chinese],
    ),
    kiosk.options({ now }),
  );

  const found = await search(manualLonelyWord);
  expect(found.total).toBe(1);
  const [hit] = found.items;
  expect(hit).toMatchObject({ id: 'manual', pageHit: { page: manualLonelyPage, language: 'en' } });
  const marked = hit!.pageHit!.snippet.filter((piece) => piece.mark).map((piece) => piece.text);
  expect(marked).toEqual([manualLonelyWord]);
  expect(hit!.pageHit!.snippet.map((piece) => piece.text).join('')).toContain('turns a mirror');

  // A word on several pages is shown on its first.
  const rare = await search(manualRareWord);
  expect(rare.items[0]!.pageHit!.page).toBe(40);

  const zh = await search('排版', 'zh-Hans');
  expect(zh.items.map((item) => item.id)).toEqual(['zh-guide']);
  expect(zh.items[0]!.pageHit).toMatchObject({ page: 2, language: 'zh' });
  expect(zh.items[0]!.pageHit!.snippet).toEqual([
    { text: '第二页讲中文', mark: false },
    { text: '排版', mark: true },
    { text: '的规则，标点不占行首。', mark: false },
  ]);
  expect((await search('nothing-like-this')).total).toBe(0);
}, 60_000);

async function expectRefused(pageText: FixtureFile, detail: RegExp, pages = 2): Promise<void> {
  const before = await snapshot(kiosk);
  const stored = await storedFiles(kiosk.dataDir);
  const pdf = randomFile(512);
  const phases = new Set<ImportProgress['phase']>();
  const dir = await writePack([pdfItem('bad-manual', pdf, pageText, pages)], [pdf, pageText]);
  await expect(
    importPack(dir, kiosk.options({ now, onProgress: (progress) => phases.add(progress.phase) })),
  ).rejects.toMatchObject({ code: 'malformed-page-text', detail: expect.stringMatching(detail) });
  expect([...phases]).toEqual(['verifying']);
  expect(await snapshot(kiosk)).toEqual(before);
  expect(await storedFiles(kiosk.dataDir)).toEqual(stored);
}

test('a page-text file that is not one is refused before anything is copied, naming the item, the file and the fault', async () => {
  await expectRefused(rawFile('["page one", "page two"'), /page text \(en\) of item "bad-manual".* is not JSON/);
  await expectRefused(fileOf(pageTextBytes(['a', 'b']), 'text/plain'), /is text\/plain, not application\/json/);
});

test('every fault of a page-text file is named', () => {
  const problem = (text: string | Buffer) => {
    const parsed = parsePageText(typeof text === 'string' ? Buffer.from(text) : text);
    return parsed.ok ? 'ok' : parsed.problem;
  };
  expect(problem('{"format":1,"pages":["a","b"]}')).toBe('ok');
  expect(problem('["page one", "page two"]')).toMatch(/\(top level\)/);
  expect(problem('{"format":1,"pages":["a","b"],"pages":["c","d"]}')).toMatch(/names "format" or "pages" twice/);
  expect(problem('{"format":2,"pages":["a","b"]}')).toMatch(/^format/);
  expect(problem('{"format":1,"pages":[]}')).toMatch(/^pages/);
  expect(problem('{"format":1,"pages":["a",7]}')).toMatch(/^pages\.1/);
  expect(problem('{"format":1,"pages":["a"],"extra":true}')).toMatch(/extra/);
  expect(problem(pageTextBytes(['one', 'two\u202ethree']))).toMatch(/page 2 holds a control character/);
  expect(problem(pageTextBytes(['one\u0000']))).toMatch(/page 1 holds a control character/);
  expect(problem('{"format":1,"pages":["a","\\ud800"]}')).toMatch(/page 2 holds a control character/);
  expect(problem(pageTextBytes(['a', 'x'.repeat(MAX_PAGE_TEXT_LENGTH + 1)]))).toMatch(/^pages\.1/);
  expect(problem(Buffer.from([0x7b, 0xff, 0x7d]))).toBe('is not UTF-8');
  // Tabs and line ends are text.
  expect(problem(pageTextBytes(['one\ttwo\nthree']))).toBe('ok');
});

test('an oversized page-text file is refused by its size, before it is read', async () => {
  const huge = fileOf(Buffer.alloc(MAX_PAGE_TEXT_BYTES + 1, 0x20), 'application/json');
  await expectRefused(huge, new RegExp(`is ${MAX_PAGE_TEXT_BYTES + 1} bytes, the limit is ${MAX_PAGE_TEXT_BYTES}`));
});
