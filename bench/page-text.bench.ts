/**
 * Whole manuals searchable to the page: 500 documents of 1,000–1,199 pages each, their page text generated
 * from the search benchmark's vocabularies (`search-corpus.ts`, seeded; English, Korean, Chinese, Mongolian),
 * installed the way an import does it — every page-text file read and parsed as `verifyPack` does, then one
 * `installPack` transaction reading them again from the store — and searched with the benchmark's queries
 * plus one word planted on one page of each document, whose page every hit must name.
 *
 * Baseline, measured in the same run on the same documents: the catalog as it was before page text, each
 * document's text cut to the manifest's 400,000-character body, no page index. Ratios are page text over it.
 *
 *   node bench/page-text.bench.ts [--docs 500] [--pages 1000] [--words 60] [--queries 200]
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { CatalogReader } from '../main/catalog/catalog-reader.ts';
import { CatalogWriter } from '../main/catalog/catalog-writer.ts';
import { MAX_BODY_LENGTH } from '../main/packs/manifest.ts';
import type { PackItem, PackRecord } from '../main/packs/pack-record-types.ts';
import { pageTextBytes, parsePageText, PAGE_TEXT_MEDIA_TYPE } from '../main/packs/page-text.ts';
import { contentPath } from '../main/store/content-paths.ts';
import type { ContentLanguage } from '../preload/contract/schemas.ts';
import { syntheticCorpus } from './search-corpus.ts';
import { createHash } from 'node:crypto';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '500' },
    pages: { type: 'string', default: '1000' },
    words: { type: 'string', default: '60' },
    queries: { type: 'string', default: '200' },
  },
});
const docCount = Number(values.docs);
const minPages = Number(values.pages);
const wordsPerPage = Number(values.words);
const queryCount = Number(values.queries);

const work = path.join(os.tmpdir(), `reading-room-page-text-bench-${process.pid}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const dataDir = path.join(work, 'data');

/** Most documents in English, as a venue's manuals are; the others in the other scripts. */
const languageOf = (index: number): ContentLanguage =>
  (['en', 'en', 'en', 'en', 'en', 'en', 'ko', 'zh', 'mn-Cyrl', 'mn-Mong'] as const)[index % 10]!;
/** A word of letters no vocabulary word has, unique to document `index`: "zqx" and the index in letters. */
const plantedWord = (index: number) =>
  'zqx' +
  [...index.toString(26).padStart(3, '0')].map((digit) => 'abcdefghijklmnopqrstuvwxyz'[parseInt(digit, 26)]).join('');
const plantedPage = (index: number, pages: number) => 1 + ((index * 7919) % pages);

const ms = (value: number) => `${value.toFixed(2)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
function summarize(times: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1)! };
}

// 1. The documents: page-text files in a content store, as a copy leaves them (not timed).
const corpus = syntheticCorpus(20261203);
const generated = performance.now();
const docs: { id: string; language: ContentLanguage; pages: number; hash: string; size: number; body: string }[] = [];
let pageTextTotal = 0;
for (let index = 0; index < docCount; index++) {
  const language = languageOf(index);
  const pages = minPages + ((index * 37) % 200);
  const texts = Array.from({ length: pages }, () => corpus.page(language, wordsPerPage));
  const planted = plantedPage(index, pages) - 1;
  texts[planted] = `${texts[planted]}\n${plantedWord(index)}`;
  const bytes = pageTextBytes(texts);
  const hash = createHash('sha256').update(bytes).digest('hex');
  mkdirSync(path.dirname(contentPath(dataDir, hash)), { recursive: true });
  writeFileSync(contentPath(dataDir, hash), bytes);
  const joined = texts.join('\n\n');
  docs.push({
    id: `manual-${index}`,
    language,
    pages,
    hash,
    size: bytes.length,
    body: joined.slice(0, MAX_BODY_LENGTH),
  });
  pageTextTotal += bytes.length;
}
const pageCount = docs.reduce((sum, doc) => sum + doc.pages, 0);
console.log(
  `${docCount} documents, ${pageCount.toLocaleString('en')} pages, ${(pageTextTotal / 1e6).toFixed(0)} MB of page text ` +
    `(about ${wordsPerPage} words a page), generated in ${seconds(performance.now() - generated)}; ` +
    `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores.`,
);

function record(withPageText: boolean): PackRecord {
  return {
    id: 'manuals',
    channel: 'bench',
    version: 1,
    subjects: [{ id: 'manuals', names: { en: 'Manuals' } }],
    files: docs.flatMap((doc) => [
      { sha256: doc.hash.replace(/^./, 'f'), size: 1, mediaType: 'application/pdf' },
      ...(withPageText ? [{ sha256: doc.hash, size: doc.size, mediaType: PAGE_TEXT_MEDIA_TYPE }] : []),
    ]),
    items: docs.map((doc): PackItem => ({
      id: doc.id,
      kind: 'pdf',
      addedAt: '2026-11-01T00:00:00.000Z',
      subjects: ['manuals'],
      texts: { [doc.language]: { title: `Manual ${doc.id}`, summary: 'A long manual.', body: doc.body } },
      files: [
        { role: 'main', hash: doc.hash.replace(/^./, 'f'), language: doc.language },
        ...(withPageText ? [{ role: 'page-text' as const, hash: doc.hash, language: doc.language }] : []),
      ],
      pages: doc.pages,
    })),
  };
}

const readPages = (hash: string) => {
  const parsed = parsePageText(readFileSync(contentPath(dataDir, hash)));
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.pages;
};

/** Installs the documents into a fresh catalog; the time of each step, and the file's size after. */
function install(
  name: string,
  withPageText: boolean,
): { file: string; verifyMs: number; switchMs: number; bytes: number } {
  const file = path.join(work, `${name}.sqlite`);
  const writer = new CatalogWriter(file);
  let verifyMs = 0;
  if (withPageText) {
    // What verifyPack does with each page-text file before the copy: read, hash, parse.
    const started = performance.now();
    for (const doc of docs) {
      const bytes = readFileSync(contentPath(dataDir, doc.hash));
      createHash('sha256').update(bytes).digest('hex');
      if (!parsePageText(bytes).ok) throw new Error(`${doc.id}: page text refused`);
    }
    verifyMs = performance.now() - started;
  }
  const pack = record(withPageText);
  const started = performance.now();
  writer.installPack(pack, '2026-12-01T00:00:00.000Z', withPageText ? readPages : undefined);
  writer.checkpoint();
  const switchMs = performance.now() - started;
  writer.close();
  return { file, verifyMs, switchMs, bytes: statSync(file).size };
}

console.log('\nInstalling the baseline (bodies cut at 400,000 characters, no page index)…');
const baseline = install('baseline', false);
console.log('Installing with page text…');
const paged = install('paged', true);

const queries = [
  ...corpus.queries(queryCount).map((entry) => ({ ...entry, planted: undefined as number | undefined })),
  ...Array.from({ length: 50 }, (_, n) => {
    const index = (n * 97) % docCount;
    return { query: plantedWord(index), language: docs[index]!.language, form: 'planted word', planted: index };
  }),
];
const newSince = '2026-01-01T00:00:00.000Z';

function measure(file: string) {
  const reader = new CatalogReader(file);
  const search = (query: string) => reader.search({ locale: 'en', newSince, query, offset: 0, limit: 24 });
  for (const { query } of queries) search(query); // warm the page cache
  const results = queries.map((entry) => {
    const times = [0, 1, 2].map(() => {
      const started = performance.now();
      search(entry.query);
      return performance.now() - started;
    });
    return { ...entry, ms: times.sort((a, b) => a - b)[1]!, answer: search(entry.query) };
  });
  reader.close();
  return results;
}

const before = measure(baseline.file);
const after = measure(paged.file);

// Every planted word is found in its document, and the hit names the page it was planted on.
let plantedRight = 0;
let plantedFoundAtAll = 0;
for (const result of after.filter((entry) => entry.planted !== undefined)) {
  const doc = docs[result.planted!]!;
  const hit = result.answer.items.find((item) => item.id === doc.id);
  if (hit) plantedFoundAtAll++;
  if (hit?.pageHit?.page === plantedPage(result.planted!, doc.pages)) plantedRight++;
}
const baselinePlanted = before.filter((entry) => entry.planted !== undefined && entry.answer.total > 0).length;

const all = (results: typeof before) => summarize(results.map((result) => result.ms));
const a = all(before);
const b = all(after);
const withHits = after.filter((entry) => entry.answer.items.some((item) => item.pageHit)).length;
console.log(
  `\nSearch, ${queries.length} queries (count + first page of 24, with page hits and snippets), median of 3:`,
);
console.log(`  baseline    p50 ${ms(a.p50)}, p95 ${ms(a.p95)}, max ${ms(a.max)}`);
console.log(
  `  page text   p50 ${ms(b.p50)}, p95 ${ms(b.p95)}, max ${ms(b.max)}  (${withHits} queries answered with pages)`,
);
console.log(`  ratio       p50 ${(b.p50 / a.p50).toFixed(2)}×, p95 ${(b.p95 / a.p95).toFixed(2)}×`);
for (const [form, members] of [...Map.groupBy(after, (entry) => `${entry.language} ${entry.form}`)].sort(([x], [y]) =>
  x.localeCompare(y),
)) {
  const figures = summarize(members.map((member) => member.ms));
  console.log(
    `    ${form.padEnd(22)} n=${String(members.length).padStart(3)}  p50 ${ms(figures.p50).padStart(9)}  p95 ${ms(figures.p95).padStart(9)}`,
  );
}
console.log(
  `  planted words: ${plantedFoundAtAll} of 50 found, ${plantedRight} with the right page ` +
    `(baseline: ${baselinePlanted} of 50 found at all, the rest lie past the cut body)`,
);
console.log(`\nImport of the ${docCount} documents:`);
console.log(`  baseline    switch ${seconds(baseline.switchMs)}; catalog ${(baseline.bytes / 1e6).toFixed(0)} MB`);
console.log(
  `  page text   verify (read, hash, parse) ${seconds(paged.verifyMs)} + switch ${seconds(paged.switchMs)}; ` +
    `catalog ${(paged.bytes / 1e6).toFixed(0)} MB`,
);
console.log(
  `  ratio       import ${((paged.verifyMs + paged.switchMs) / baseline.switchMs).toFixed(2)}×, ` +
    `catalog size ${(paged.bytes / baseline.bytes).toFixed(2)}×`,
);
console.log(
  `\nGoal: search p95 ≤ 50 ms ${b.p95 <= 50 ? 'met' : 'MISSED'}; every planted page named ${plantedRight === 50 ? 'met' : 'MISSED'}`,
);
rmSync(work, { recursive: true, force: true });
