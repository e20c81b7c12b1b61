/**
 * Which language version of a document opens, and what the item page says about it: the visitor's choice, their
 * own language, the catalog's next best; the notice when their language is missing; the length of the file that
 * opens; a lecture's spoken and subtitle languages.
 */
import { describe, expect, it } from 'vitest';
import type { ItemDetail, ItemFile } from '../../../preload/contract/catalog.ts';
import type { ContentLanguage } from '../../../preload/contract/schemas.ts';
import {
  documentChoice,
  fileFor,
  fileLanguages,
  lectureLanguages,
  subtitlesFor,
} from '../../../renderer/catalog/item-files.ts';

let hashes = 0;
function file(role: ItemFile['role'], language?: ContentLanguage, pages?: number): ItemFile {
  const hash = String(++hashes).padStart(64, '0');
  return {
    role,
    hash,
    size: 1,
    mediaType: role === 'subtitles' ? 'text/vtt' : 'application/pdf',
    url: `/content/${hash}`,
    ...(language ? { language } : {}),
    ...(pages ? { pages } : {}),
  };
}

function item(files: ItemFile[], extra: Partial<ItemDetail> = {}): ItemDetail {
  return {
    id: 'leaflet',
    kind: 'pdf',
    title: 'Leaflet',
    summary: '',
    language: 'en',
    languages: ['en'],
    subjects: ['health'],
    addedAt: '2026-11-01T00:00:00.000Z',
    arrivedAt: '2026-11-01T00:00:00.000Z',
    isNew: false,
    featured: false,
    files,
    ...extra,
  };
}

// Hand washing as the demo has it: five versions, the vertical Mongolian one a page shorter.
const en = file('main', 'en', 2);
const ko = file('main', 'ko', 2);
const zh = file('main', 'zh', 2);
const cyrillic = file('main', 'mn-Cyrl', 2);
const mongolian = file('main', 'mn-Mong', 1);
const handWashing = (language: ContentLanguage, languages: ContentLanguage[]) =>
  item([en, ko, zh, cyrillic, mongolian], { language, languages, pages: 2 });

describe('documentChoice', () => {
  it("opens the visitor's own language, lists the others in their order, and gives that file's length", () => {
    const choice = documentChoice(handWashing('mn-Mong', ['mn-Mong', 'mn-Cyrl', 'en', 'ko', 'zh']), 'mn-Mong');
    expect(choice).toEqual({
      languages: ['mn-Mong', 'mn-Cyrl', 'en', 'ko', 'zh'],
      language: 'mn-Mong',
      file: mongolian,
      pages: 1,
      missing: undefined,
    });
  });

  it("opens the version the visitor chose, with its cover file and length, whatever the interface's language", () => {
    const choice = documentChoice(handWashing('ko', ['ko', 'en', 'zh', 'mn-Cyrl', 'mn-Mong']), 'ko', 'mn-Mong');
    expect(choice).toMatchObject({ language: 'mn-Mong', file: mongolian, pages: 1, missing: undefined });
    expect(documentChoice(handWashing('en', ['en']), 'en', 'zh')).toMatchObject({ language: 'zh', file: zh });
  });

  it('ignores a choice the document has no version in', () => {
    const seeds = item([en, cyrillic], { languages: ['en', 'mn-Cyrl'] });
    expect(documentChoice(seeds, 'en', 'ko')).toMatchObject({ language: 'en', file: en, missing: undefined });
  });

  it("says so when the visitor's language is missing, and shows the catalog's next best for them", () => {
    // Seed saving has English and Cyrillic only: a Korean visitor gets English, a traditional-script reader Cyrillic.
    const seeds = (language: ContentLanguage, languages: ContentLanguage[]) =>
      item([en, cyrillic], { language, languages });
    expect(documentChoice(seeds('en', ['en', 'mn-Cyrl']), 'ko')).toMatchObject({
      language: 'en',
      file: en,
      missing: { wanted: 'ko', shown: 'en' },
    });
    expect(documentChoice(seeds('mn-Cyrl', ['mn-Cyrl', 'en']), 'mn-Mong')).toMatchObject({
      language: 'mn-Cyrl',
      missing: { wanted: 'mn-Mong', shown: 'mn-Cyrl' },
    });
    // Chinese content is tagged zh; the notice names what is shown after the visitor picks another.
    expect(documentChoice(seeds('en', ['en', 'mn-Cyrl']), 'zh-Hans', 'mn-Cyrl')).toMatchObject({
      language: 'mn-Cyrl',
      missing: { wanted: 'zh', shown: 'mn-Cyrl' },
    });
  });

  it("falls back on the first version when the item's title language has none", () => {
    // Titled in English, but only a Korean PDF: that is the one there is.
    const choice = documentChoice(item([ko], { language: 'en', languages: ['en', 'ko'] }), 'en');
    expect(choice).toMatchObject({
      languages: ['ko'],
      language: 'ko',
      file: ko,
      missing: { wanted: 'en', shown: 'ko' },
    });
  });

  it("never shows another version's length: a pack made before files had counts gives the first file's only", () => {
    const old = (files: ItemFile[]) => item(files, { pages: 2, languages: ['en', 'mn-Mong'] });
    const first = file('main', 'en');
    const second = file('main', 'mn-Mong');
    expect(documentChoice(old([first, second]), 'en').pages).toBe(2);
    expect(documentChoice(old([first, second]), 'mn-Mong').pages).toBeUndefined();
  });

  it('offers no choice and no notice for one PDF of no stated language', () => {
    const single = file('main', undefined, 12);
    expect(documentChoice(item([single], { pages: 12 }), 'ko')).toEqual({
      languages: [],
      language: undefined,
      file: single,
      pages: 12,
      missing: undefined,
    });
  });
});

describe('lecture languages', () => {
  const video = { ...file('main', 'en'), mediaType: 'video/webm' };
  const subtitles = (['en', 'ko', 'zh', 'mn-Cyrl'] as const).map((language) => file('subtitles', language));
  const lecture = (language: ContentLanguage, languages: ContentLanguage[]) =>
    item([video, file('cover'), ...subtitles], { kind: 'video', language, languages });

  it('are the spoken language and the subtitles, in the visitor’s order', () => {
    expect(lectureLanguages(lecture('ko', ['ko', 'en', 'zh', 'mn-Cyrl']))).toEqual({
      spoken: 'en',
      subtitles: ['ko', 'en', 'zh', 'mn-Cyrl'],
    });
    expect(fileLanguages(lecture('en', ['en']), 'subtitles')).toEqual(['en', 'ko', 'zh', 'mn-Cyrl']);
  });

  it("start with the visitor's subtitles, else the title's language's", () => {
    expect(subtitlesFor(lecture('ko', ['ko', 'en']), 'ko')?.language).toBe('ko');
    expect(subtitlesFor(lecture('mn-Cyrl', ['mn-Cyrl', 'en']), 'mn-Mong')?.language).toBe('mn-Cyrl');
    expect(fileFor(lecture('zh', ['zh']), 'subtitles')?.language).toBe('zh');
  });
});
