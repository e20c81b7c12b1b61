/** Search in every script the kiosk serves, ranking, filters, paging and hostile input, on a real SQLite file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchQuery } from '../../../main/catalog/catalog-reader.ts';
import {
  item,
  multilingualPack,
  newSince,
  openTestCatalog,
  pack,
  subjects,
  type TestCatalog,
} from './catalog-fixtures.ts';

let catalog: TestCatalog;

const filler = 'Plain words about nothing in particular, repeated to make a long body. '.repeat(20);

beforeAll(() => {
  catalog = openTestCatalog();
  catalog.install(multilingualPack());
  catalog.install(
    pack('ranking', [
      item('graphene-body', {
        texts: { en: { title: 'Carbon sheets', summary: 'Thin layers.', body: `Graphene. ${filler}` } },
      }),
      item('graphene-title', { texts: { en: { title: 'Graphene', summary: 'A carbon material.', body: filler } } }),
      item('graphene-summary', {
        texts: { en: { title: 'New materials', summary: 'All about graphene.', body: filler } },
      }),
      item('ko-body', {
        texts: { ko: { title: '탄소 이야기', summary: '얇은 층.', body: `그래핀은 강하다. ${filler}` } },
      }),
      item('ko-title', { texts: { ko: { title: '그래핀의 세계', summary: '탄소 물질.', body: filler } } }),
    ]),
  );
  catalog.install(
    pack(
      'paging',
      Array.from({ length: 60 }, (_, index) =>
        item(`magnet-${String(index).padStart(2, '0')}`, {
          subjects: index % 3 === 0 ? ['soil'] : ['energy'],
          texts: {
            en: {
              title: index % 4 === 0 ? `Iron magnets, part ${index}` : `Magnets, part ${index}`,
              summary: 'Poles attract.',
              body: 'Iron filings.',
            },
          },
        }),
      ),
    ),
  );
});
afterAll(() => {
  catalog.close();
});

function search(query: string, extra: Partial<SearchQuery> = {}) {
  return catalog.reader.search({ locale: 'en', newSince, query, offset: 0, limit: 50, ...extra });
}
const ids = (query: string, extra: Partial<SearchQuery> = {}) => search(query, extra).items.map((found) => found.id);

describe('Korean (Hangul)', () => {
  it('finds titles by one or two syllables, at the start or inside a word', () => {
    expect(ids('건')).toContain('healthy-soil');
    expect(ids('강')).toContain('healthy-soil');
    expect(ids('흙')).toEqual(['healthy-soil']);
    expect(ids('건강')).toEqual(['healthy-soil']);
    expect(ids('수확')).toEqual(['healthy-soil']);
    expect(ids('양광')).toEqual(['solar-power']);
  });

  it('finds longer substrings and several words in summaries and full text', () => {
    expect(ids('태양광 발전')).toEqual(['solar-power']);
    expect(ids('햇빛을')).toEqual(['solar-power']);
    expect(ids('규소로')).toEqual(['solar-power']);
    expect(ids('돌려짓')).toEqual(['healthy-soil']);
    expect(ids('태양광발전')).toEqual([]);
  });
});

describe('Chinese (Han)', () => {
  it('finds titles by one or two characters anywhere in them', () => {
    expect(ids('土')).toEqual(['healthy-soil']);
    expect(ids('阳')).toEqual(['solar-power']);
    expect(ids('土壤')).toEqual(['healthy-soil']);
    expect(ids('发电')).toEqual(['solar-power']);
  });

  it('finds longer substrings across word boundaries, in titles and full text', () => {
    expect(ids('健康的土')).toEqual(['healthy-soil']);
    expect(ids('由硅制成')).toEqual(['solar-power']);
    expect(ids('蚯蚓')).toEqual(['healthy-soil']);
    expect(ids('健康土')).toEqual([]);
  });
});

describe('Mongolian', () => {
  it('matches Cyrillic Mongolian whatever the case, by word prefix', () => {
    expect(ids('эрүүл')).toEqual(['healthy-soil']);
    expect(ids('ЭРҮҮ')).toEqual(['healthy-soil']);
    expect(ids('өвөл')).toEqual(['clean-water']);
    expect(ids('ундн')).toEqual(['clean-water']);
    expect(ids('ус')).toEqual(['clean-water']);
  });

  it('matches traditional Mongolian by word and prefix, whatever shaping controls either side typed', () => {
    expect(ids('ᠡᠷᠡᠭᠦᠯ')).toEqual(['healthy-soil']);
    expect(ids('ᠰᠠᠯᠬ')).toEqual(['wind-mill']);
    // The summary writes the word with a vowel separator (U+180E) before its last letter; a keyboard may not type one.
    expect(ids('ᠪᠣᠷᠳᠣᠭᠠ')).toEqual(['healthy-soil']);
    expect(ids('ᠪᠣᠷᠳᠣᠭ\u180eᠠ')).toEqual(['healthy-soil']);
    // A free variation selector and a narrow no-break space before the case suffix.
    expect(ids('ᠮᠣᠩ\u180bᠭᠣᠯ\u202fᠤᠨ').sort()).toEqual(['healthy-soil', 'wind-mill']);
  });
});

describe('English', () => {
  it('matches any case by word prefix, in titles, summaries and full text', () => {
    expect(ids('sOLa')).toEqual(['solar-power']);
    expect(ids('PHOTOVOLT')).toEqual(['solar-power']);
    expect(ids('harv')).toEqual(['healthy-soil']);
    expect(ids('drinking WAT')).toEqual(['clean-water']);
    expect(ids('ＳＯＬＡＲ')).toEqual(['solar-power']);
  });
});

describe('ranking', () => {
  it('ranks title hits above summary hits above full-text hits (bm25)', () => {
    expect(ids('graphene')).toEqual(['graphene-title', 'graphene-summary', 'graphene-body']);
    expect(ids('그래핀')).toEqual(['ko-title', 'ko-body']);
  });

  it('titles each result in the visitor’s language, whichever language matched', () => {
    const [found] = search('태양광', { locale: 'en' }).items;
    expect(found).toMatchObject({ id: 'solar-power', title: 'Solar Power Basics', language: 'en' });
    const [chinese] = search('solar', { locale: 'zh-Hans' }).items;
    expect(chinese).toMatchObject({ title: '太阳能发电基础', language: 'zh' });
  });
});

describe('filters and paging', () => {
  it('filters by subject and by content language', () => {
    expect(ids('water soil', {}).length).toBe(0);
    expect(ids('건강', { subject: 'health' })).toEqual(['healthy-soil']);
    expect(ids('건강', { subject: 'energy' })).toEqual([]);
    expect(ids('ᠮᠣᠩᠭᠣᠯ', { language: 'mn-Mong' }).sort()).toEqual(['healthy-soil', 'wind-mill']);
    expect(ids('ᠮᠣᠩᠭᠣᠯ', { language: 'en' })).toEqual(['healthy-soil']);
    expect(ids('ᠮᠣᠩᠭᠣᠯ', { language: 'ko', subject: 'energy' })).toEqual([]);
  });

  it('pages through every match once, with the same total on every page', () => {
    for (const filter of [{}, { subject: 'soil' }, { subject: 'energy', language: 'en' as const }]) {
      const seen: string[] = [];
      const totals = new Set<number>();
      for (let offset = 0; offset < 70; offset += 7) {
        const page = catalog.reader.search({ locale: 'en', newSince, query: 'magnets', offset, limit: 7, ...filter });
        totals.add(page.total);
        seen.push(...page.items.map((found) => found.id));
      }
      const expected = filter.subject === 'soil' ? 20 : filter.subject === 'energy' ? 40 : 60;
      expect([...totals]).toEqual([expected]);
      expect(seen.length).toBe(expected);
      expect(new Set(seen).size).toBe(expected);
    }
  });

  it('pages across the boundary between title hits and full-text hits', () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 63; offset += 7) {
      const page = catalog.reader.search({ locale: 'en', newSince, query: 'IRON', offset, limit: 7 });
      expect(page.total).toBe(60);
      seen.push(...page.items.map((found) => found.id));
    }
    expect(new Set(seen).size).toBe(60);
    const titled = (id: string) => Number(id.slice('magnet-'.length)) % 4 === 0;
    expect(seen.slice(0, 15).every(titled)).toBe(true);
    expect(seen.slice(15).some(titled)).toBe(false);
  });

  it('lists a single-character query newest-installed first among title hits, without ranking', () => {
    const results = search('土', {});
    expect(results.total).toBe(1);
    catalog.install(
      pack('later', [item('late-soil', { texts: { zh: { title: '土', summary: '', body: '' } } })], { subjects }),
    );
    expect(ids('土')).toEqual(['late-soil', 'healthy-soil']);
    catalog.writer.removePack('later');
  });
});

describe('hostile queries', () => {
  const hostile = [
    '"',
    '""',
    '"solar',
    'solar"',
    '*',
    'sol*',
    '* solar',
    'AND',
    'solar AND',
    'OR NOT',
    'NEAR(solar power, 2)',
    'NEAR',
    '(',
    ')',
    '((solar',
    'title: solar',
    'title_chars : 건',
    '{title summary}: solar',
    '-solar',
    '^solar',
    'solar + power',
    "'; DROP TABLE items; --",
    '\\',
    '🌞 solar',
    '\u0301',
    '\u180e',
    'ᠠ\u180b',
    '건"강',
    '%_%',
    'x'.repeat(200),
    '건'.repeat(100),
  ];
  it.each(hostile)('treats %j as plain text', (query) => {
    expect(() => search(query)).not.toThrow();
  });

  it('never matches the hidden facet tokens', () => {
    expect(search('s656e65726779')).toEqual({ items: [], total: 0 });
    expect(search('l656e')).toEqual({ items: [], total: 0 });
  });

  it('still finds what the plain words ask for', () => {
    expect(ids('"solar')).toEqual(['solar-power']);
    expect(ids('NEAR(solar power, 2)')).toEqual([]);
    expect(ids('(solar) power*')).toEqual(['solar-power']);
    expect(ids('title: solar')).toEqual([]);
    expect(ids('건"강')).toEqual(ids('건 강'));
    expect(search('*** ( )')).toEqual({ items: [], total: 0 });
  });
});
