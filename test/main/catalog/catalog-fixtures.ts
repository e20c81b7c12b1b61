/** Builders for catalog tests: packs written out in code, temporary catalog files, and a fixed clock. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CatalogReader } from '../../../main/catalog/catalog-reader.ts';
import { CatalogWriter } from '../../../main/catalog/catalog-writer.ts';
import type { PackItem, PackRecord } from '../../../main/packs/pack-record-types.ts';

export function tempCatalogPath(): { file: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'catalog-test-'));
  return { file: path.join(dir, 'catalog.sqlite'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The tests' clock: packs are installed at this time unless a test says otherwise. */
export const installedAt = '2026-12-01T00:00:00.000Z';
/** Arrivals from this time on are new; `installedAt` is well inside it. */
export const newSince = '2026-11-01T00:00:00.000Z';

/** A catalog file with the import worker's writer and the catalog worker's reader on it, as the kiosk has. */
export interface TestCatalog {
  file: string;
  reader: CatalogReader;
  writer: CatalogWriter;
  /** Installs at `installedAt` unless told another time. */
  install(pack: PackRecord, now?: string): void;
  close(): void;
}

export function openTestCatalog(): TestCatalog {
  const { file, cleanup } = tempCatalogPath();
  // The writer first: it creates and migrates the file the read-only reader then opens.
  const writer = new CatalogWriter(file);
  const reader = new CatalogReader(file);
  return {
    file,
    reader,
    writer,
    install: (pack, now = installedAt) => writer.installPack(pack, now),
    close: () => {
      reader.close();
      writer.close();
      cleanup();
    },
  };
}

/** A SHA-256-shaped name for test file `n`. */
export function hashOf(n: number): string {
  return n.toString(16).padStart(64, '0');
}

export const subjects: PackRecord['subjects'] = [
  { id: 'energy', names: { en: 'Energy', ko: '에너지', zh: '能源', 'mn-Cyrl': 'Эрчим хүч', 'mn-Mong': 'ᠡᠷᠴᠢᠮ ᠬᠦᠴᠦ' } },
  { id: 'health', names: { en: 'Health', ko: '건강', zh: '健康' } },
  { id: 'soil', names: { en: 'Soil' } },
];

export function item(id: string, overrides: Partial<PackItem> = {}): PackItem {
  return {
    id,
    kind: 'pdf',
    addedAt: '2026-11-01T00:00:00Z',
    subjects: ['energy'],
    texts: { en: { title: `Title of ${id}`, summary: `Summary of ${id}`, body: '' } },
    ...overrides,
  };
}

export function pack(id: string, items: PackItem[], overrides: Partial<PackRecord> = {}): PackRecord {
  return { id, channel: 'test', version: 1, subjects, files: [], items, ...overrides };
}

/**
 * A small multilingual collection: one item per script with texts a visitor would search for.
 * Titles, summaries and bodies are chosen so each test can tell which field matched.
 */
export function multilingualPack(): PackRecord {
  return pack('science', [
    item('solar-power', {
      addedAt: '2026-11-20T09:00:00Z',
      subjects: ['energy'],
      texts: {
        en: {
          title: 'Solar Power Basics',
          summary: 'How panels turn sunlight into electricity.',
          body: 'Photovoltaic cells are made of silicon.',
        },
        ko: {
          title: '태양광 발전의 기초',
          summary: '태양 전지판이 햇빛을 전기로 바꾸는 원리.',
          body: '광전지는 규소로 만든다.',
        },
        zh: { title: '太阳能发电基础', summary: '太阳能电池板如何把阳光变成电。', body: '光伏电池由硅制成。' },
      },
    }),
    item('healthy-soil', {
      addedAt: '2026-11-01T00:00:00Z',
      subjects: ['soil', 'health'],
      texts: {
        en: { title: 'Healthy soil, better harvests', summary: 'Compost and crop rotation.', body: 'Earthworms help.' },
        ko: { title: '건강한 흙, 더 나은 수확', summary: '퇴비와 돌려짓기.', body: '지렁이가 돕는다.' },
        zh: { title: '健康的土壤，更好的收成', summary: '堆肥和轮作。', body: '蚯蚓有帮助。' },
        'mn-Cyrl': {
          title: 'Эрүүл хөрс, илүү их ургац',
          summary: 'Бордоо ба сэлгэн тариалалт.',
          body: 'Шавьж тусалдаг.',
        },
        'mn-Mong': {
          title: 'ᠡᠷᠡᠭᠦᠯ ᠬᠥᠷᠥᠰᠦ',
          summary: 'ᠪᠣᠷᠳᠣᠭ᠎ᠠ ᠬᠢᠭᠡᠳ ᠰᠡᠯᠭᠡᠨ ᠲᠠᠷᠢᠶᠠᠯᠠᠩ',
          body: 'ᠮᠣᠩᠭᠣᠯ ᠤᠨ ᠭᠠᠵᠠᠷ',
        },
      },
    }),
    item('clean-water', {
      addedAt: '2026-11-15T00:00:00Z',
      kind: 'video',
      subjects: ['health'],
      texts: {
        'mn-Cyrl': {
          title: 'Гэрийн ундны ус',
          summary: 'Усыг буцалгаж, шүүж цэвэрлэх.',
          body: 'Өвөл ч гэсэн усаа буцалга.',
        },
        en: { title: 'Safe drinking water at home', summary: 'Boil, filter and store water.', body: 'Even in winter.' },
      },
    }),
    item('wind-mill', {
      addedAt: '2026-10-01T00:00:00Z',
      subjects: ['energy'],
      texts: {
        'mn-Mong': { title: 'ᠰᠠᠯᠬᠢᠨ ᠲᠡᠭᠷᠡᠮ', summary: 'ᠰᠠᠯᠬᠢ ᠡᠴᠡ ᠴᠠᠬᠢᠯᠭᠠᠨ', body: 'ᠮᠣᠩᠭᠣᠯ ᠤᠨ ᠲᠠᠯ᠎ᠠ' },
      },
    }),
  ]);
}
