/** Installing, replacing and removing packs; shelves and item pages; on real SQLite files. */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  hashOf,
  installedAt,
  item,
  multilingualPack,
  newSince,
  openTestCatalog,
  pack,
  type TestCatalog,
} from './catalog-fixtures.ts';

let catalog: TestCatalog;
let file: string;

beforeEach(() => {
  catalog = openTestCatalog();
  file = catalog.file;
});
afterEach(() => catalog.close());

/** Every row of every table, read through a second connection, to compare whole states. */
function snapshot(): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'search_index%' AND name NOT LIKE 'page_index%' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    const state = Object.fromEntries(
      tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all()]),
    );
    // The contentless index keeps no text; what it answers is what matters.
    state['search:solar'] = db.prepare("SELECT rowid FROM search_index WHERE search_index MATCH 'solar*'").all();
    state['search:first'] = db.prepare("SELECT rowid FROM search_index WHERE search_index MATCH 'first*'").all();
    return state;
  } finally {
    db.close();
  }
}

const files = [
  { sha256: hashOf(1), size: 1000, mediaType: 'application/pdf' },
  { sha256: hashOf(2), size: 20, mediaType: 'image/webp' },
  { sha256: hashOf(3), size: 300, mediaType: 'text/vtt' },
];

describe('installPack', () => {
  it('replaces every row of the pack with the new version', () => {
    catalog.install(
      pack('p', [item('old-one', { texts: { en: { title: 'First solar edition', summary: '' } } }), item('kept')]),
    );
    catalog.install(
      pack('p', [item('kept', { texts: { en: { title: 'Kept, renamed', summary: 'new' } } }), item('new-one')], {
        version: 2,
      }),
    );
    expect(catalog.reader.installedPacks()).toMatchObject([{ id: 'p', channel: 'test', version: 2 }]);
    const all = catalog.reader.listItems({ locale: 'en', newSince, offset: 0, limit: 10 });
    expect(all.items.map((entry) => entry.id).sort()).toEqual(['kept', 'new-one']);
    expect(all.items.find((entry) => entry.id === 'kept')?.title).toBe('Kept, renamed');
    expect(catalog.reader.search({ locale: 'en', newSince, query: 'first', offset: 0, limit: 10 }).total).toBe(0);
    expect(catalog.reader.search({ locale: 'en', newSince, query: 'renamed', offset: 0, limit: 10 }).items[0]?.id).toBe(
      'kept',
    );
  });

  it('leaves the old version exactly as it was when the new one fails half-way', () => {
    catalog.install(multilingualPack());
    catalog.install(
      pack('other', [item('first-thing', { texts: { en: { title: 'First thing', summary: '' } } })], { files }),
    );
    const before = snapshot();
    const revision = catalog.reader.revision();

    // Items are written in order: the third breaks the kind CHECK after the old rows are gone
    // and two new items are in, so the failure happens deep inside the transaction.
    const broken = multilingualPack();
    broken.version = 2;
    broken.items = [item('fresh-a'), item('fresh-b'), item('fresh-c', { kind: 'hologram' as 'pdf' })];
    expect(() => catalog.install(broken)).toThrow(/CHECK constraint failed/);

    // An item another pack already provides is refused the same way.
    const stealing = pack('science', [item('fresh-a'), item('first-thing')], { version: 3 });
    expect(() => catalog.install(stealing)).toThrow(
      'Pack "science" contains item "first-thing", which pack "other" already provides.',
    );

    expect(snapshot()).toEqual(before);
    expect(catalog.reader.revision()).toBe(revision);
    expect(catalog.reader.search({ locale: 'en', newSince, query: 'solar', offset: 0, limit: 5 }).items[0]?.id).toBe(
      'solar-power',
    );
  });

  it('refuses a record with dangling references, naming the culprit', () => {
    expect(() => catalog.install(pack('p', [item('a', { subjects: ['nowhere'] })]))).toThrow(
      'Item "a" of pack "p" names subject "nowhere", which the pack does not list.',
    );
    expect(() => catalog.install(pack('p', [item('a', { files: [{ role: 'main', hash: hashOf(9) }] })]))).toThrow(
      `Item "a" of pack "p" uses file ${hashOf(9)}, which the pack does not list.`,
    );
    expect(() => catalog.install(pack('p', [item('a'), item('a')]))).toThrow('Pack "p" lists item "a" twice.');
    expect(() => catalog.install(pack('p', [item('a', { addedAt: 'last week' })]))).toThrow(
      'item "a" addedAt is not an ISO date: "last week"',
    );
    expect(catalog.reader.installedPacks()).toEqual([]);
  });

  it('changes the revision with every change and never goes back', () => {
    const start = catalog.reader.revision();
    catalog.install(pack('p', [item('a')]));
    const afterInstall = catalog.reader.revision();
    catalog.install(pack('p', [item('a')], { version: 2 }));
    const afterReplace = catalog.reader.revision();
    catalog.writer.removePack('p');
    expect(start).toBeLessThan(afterInstall);
    expect(afterInstall).toBeLessThan(afterReplace);
    expect(afterReplace).toBeLessThan(catalog.reader.revision());
    expect(catalog.writer.removePack('p')).toBe(false);
    expect(catalog.reader.revision()).toBe(afterReplace + 1);
  });
});

describe('files, subjects and removal', () => {
  it('reports the hashes installed items use, shared files once, and forgets unused ones', () => {
    catalog.install(
      pack(
        'a',
        [
          item('a1', {
            files: [
              { role: 'main', hash: hashOf(1) },
              { role: 'cover', hash: hashOf(2) },
            ],
          }),
          item('a2', { files: [{ role: 'main', hash: hashOf(1) }] }),
        ],
        { files: files.slice(0, 2) },
      ),
    );
    catalog.install(
      pack('b', [item('b1', { files: [{ role: 'subtitles', hash: hashOf(3), language: 'ko' }] })], {
        files: [files[2]!, files[0]!],
      }),
    );
    expect(catalog.reader.referencedHashes()).toEqual([hashOf(1), hashOf(2), hashOf(3)]);

    catalog.install(pack('a', [item('a1', { files: [{ role: 'main', hash: hashOf(1) }] })], { files, version: 2 }));
    expect(catalog.reader.referencedHashes()).toEqual([hashOf(1), hashOf(3)]);

    expect(catalog.writer.removePack('b')).toBe(true);
    expect(catalog.reader.referencedHashes()).toEqual([hashOf(1)]);
    expect(catalog.reader.installedPacks().map((installed) => installed.id)).toEqual(['a']);

    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT hash FROM files ORDER BY hash').pluck().all()).toEqual([hashOf(1)]);
    db.close();
  });

  it('drops a subject with its last item and keeps one another pack still uses', () => {
    catalog.install(pack('a', [item('a1', { subjects: ['soil'] }), item('a2', { subjects: ['energy'] })]));
    catalog.install(pack('b', [item('b1', { subjects: ['energy'] })]));
    expect(catalog.reader.subjects('en').map((subject) => [subject.id, subject.itemCount])).toEqual([
      ['energy', 2],
      ['soil', 1],
    ]);
    catalog.writer.removePack('a');
    expect(catalog.reader.subjects('ko')).toEqual([{ id: 'energy', name: '에너지', itemCount: 1 }]);
    catalog.writer.removePack('b');
    expect(catalog.reader.subjects('en')).toEqual([]);
    expect(catalog.reader.listItems({ locale: 'en', newSince, offset: 0, limit: 10 })).toEqual({ items: [], total: 0 });
    expect(catalog.reader.search({ locale: 'en', newSince, query: 'title', offset: 0, limit: 10 })).toEqual({
      items: [],
      total: 0,
    });
  });

  it('gives back the installed state as a record that installs to the same state', () => {
    const original = pack(
      'a',
      [
        item('a1', {
          pages: 12,
          featured: true,
          files: [
            { role: 'main', hash: hashOf(1), language: 'en', pages: 12 },
            { role: 'subtitles', hash: hashOf(3), language: 'mn-Cyrl' },
          ],
          texts: {
            en: { title: 'One', summary: 'S', body: 'Full text' },
            zh: { title: '一', summary: '摘要', body: '' },
          },
        }),
        item('a2', { durationSeconds: 61.5, kind: 'video', subjects: ['health', 'energy'] }),
      ],
      { files: [files[0]!, files[2]!] },
    );
    catalog.install(original);
    const record = catalog.writer.packRecord('a')!;
    expect(record.items.find((entry) => entry.id === 'a1')).toMatchObject({
      pages: 12,
      featured: true,
      addedAt: '2026-11-01T00:00:00.000Z',
      files: original.items[0]!.files,
      texts: original.items[0]!.texts,
    });
    expect(record.items.find((entry) => entry.id === 'a2')).toMatchObject({
      durationSeconds: 61.5,
      subjects: ['energy', 'health'],
    });
    expect(record.items.find((entry) => entry.id === 'a2')).not.toHaveProperty('featured');
    expect(record.files).toEqual([files[0], files[2]]);
    expect(catalog.writer.packRecord('missing')).toBeUndefined();

    const before = snapshot();
    catalog.install(record);
    const after = snapshot();
    // Rows are written afresh (new seq numbers, install time, revision); everything else is identical.
    for (const state of [before, after]) {
      delete state['packs'];
      delete state['catalog_meta'];
    }
    const withoutSeq = (state: Record<string, unknown[]>) => ({
      ...state,
      items: (state['items'] as { seq: number }[]).map(({ seq: _seq, ...rest }) => rest),
      'search:solar': undefined,
      'search:first': undefined,
    });
    expect(withoutSeq(after)).toEqual(withoutSeq(before));
  });
});

/**
 * The science pack's items arrive one version at a time, each at its own install time, so the shelves'
 * order (newest arrival first) is solar-power, clean-water, healthy-soil, wind-mill.
 */
const arrivals = [
  ['wind-mill', '2026-10-05T00:00:00.000Z'],
  ['healthy-soil', '2026-11-03T00:00:00.000Z'],
  ['clean-water', '2026-11-16T00:00:00.000Z'],
  ['solar-power', '2026-11-21T09:00:00.000Z'],
] as const;

function installScienceInTurn(): void {
  const science = multilingualPack();
  arrivals.forEach(([, now], index) => {
    const ids = new Set<string>(arrivals.slice(0, index + 1).map(([id]) => id));
    catalog.install({ ...science, version: index + 1, items: science.items.filter((entry) => ids.has(entry.id)) }, now);
  });
}

describe('listItems', () => {
  beforeEach(installScienceInTurn);

  it('lists the newest arrivals first with the total, titled in the visitor’s language', () => {
    const page = catalog.reader.listItems({ locale: 'ko', newSince, offset: 0, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.items.map((entry) => [entry.id, entry.title, entry.language])).toEqual([
      ['solar-power', '태양광 발전의 기초', 'ko'],
      ['clean-water', 'Safe drinking water at home', 'en'],
    ]);
    expect(page.items[0]!.languages).toEqual(['ko', 'en', 'zh']);
  });

  it('falls back through languages.ts: traditional Mongolian prefers Cyrillic Mongolian next', () => {
    const page = catalog.reader.listItems({ locale: 'mn-Mong', newSince, offset: 0, limit: 10 });
    const titles = Object.fromEntries(page.items.map((entry) => [entry.id, entry.language]));
    expect(titles).toEqual({
      'solar-power': 'en',
      'clean-water': 'mn-Cyrl',
      'healthy-soil': 'mn-Mong',
      'wind-mill': 'mn-Mong',
    });
  });

  it('filters by subject and by arrival, for a "new this week" shelf', () => {
    expect(
      catalog.reader
        .listItems({ locale: 'en', newSince, subject: 'health', offset: 0, limit: 10 })
        .items.map((e) => e.id),
    ).toEqual(['clean-water', 'healthy-soil']);
    const week = catalog.reader.listItems({ locale: 'en', newSince, arrivedSince: '2026-11-14', offset: 0, limit: 10 });
    expect(week).toMatchObject({ total: 2, items: [{ id: 'solar-power' }, { id: 'clean-water' }] });
    const both = catalog.reader.listItems({
      locale: 'en',
      newSince,
      subject: 'energy',
      arrivedSince: '2026-11-20T08:00:00+00:00',
      offset: 0,
      limit: 10,
    });
    expect(both).toMatchObject({ total: 1, items: [{ id: 'solar-power' }] });
    expect(() =>
      catalog.reader.listItems({ locale: 'en', newSince, arrivedSince: 'yesterday', offset: 0, limit: 1 }),
    ).toThrow(/arrivedSince is not an ISO date/);
  });

  it('lists only featured items, newest arrival first, alone or with a subject and date, and says which are', () => {
    const old = item('f-old', { subjects: ['health'], featured: true });
    catalog.install(pack('featured', [old]), '2026-10-02T00:00:00.000Z');
    catalog.install(
      pack(
        'featured',
        [
          old,
          item('f-new', { subjects: ['energy', 'health'], featured: true }),
          item('f-not', { subjects: ['health'], featured: false }),
        ],
        { version: 2 },
      ),
      '2026-11-19T00:00:00.000Z',
    );
    const featured = catalog.reader.listItems({ locale: 'en', newSince, featured: true, offset: 0, limit: 10 });
    expect(featured.total).toBe(2);
    expect(featured.items.map((entry) => [entry.id, entry.featured])).toEqual([
      ['f-new', true],
      ['f-old', true],
    ]);
    const all = catalog.reader.listItems({ locale: 'en', newSince, offset: 0, limit: 10 });
    expect(all.total).toBe(7);
    expect(all.items.filter((entry) => entry.featured).map((entry) => entry.id)).toEqual(['f-new', 'f-old']);
    expect(catalog.reader.listItems({ locale: 'en', newSince, featured: false, offset: 0, limit: 10 }).total).toBe(7);

    const health = catalog.reader.listItems({
      locale: 'en',
      newSince,
      subject: 'health',
      featured: true,
      offset: 0,
      limit: 10,
    });
    expect(health).toMatchObject({ total: 2, items: [{ id: 'f-new' }, { id: 'f-old' }] });
    const energy = catalog.reader.listItems({
      locale: 'en',
      newSince,
      subject: 'energy',
      featured: true,
      offset: 0,
      limit: 10,
    });
    expect(energy).toMatchObject({ total: 1, items: [{ id: 'f-new' }] });
    const recent = catalog.reader.listItems({
      locale: 'en',
      newSince,
      featured: true,
      arrivedSince: '2026-11-01',
      offset: 0,
      limit: 10,
    });
    expect(recent).toMatchObject({ total: 1, items: [{ id: 'f-new' }] });
    expect(
      catalog.reader.listItems({ locale: 'en', newSince, featured: true, offset: 1, limit: 1 }).items.map((e) => e.id),
    ).toEqual(['f-old']);
  });

  it('stops featuring an item when a new version of its pack does not feature it', () => {
    catalog.install(pack('featured', [item('f-1', { featured: true })]));
    expect(catalog.reader.listItems({ locale: 'en', newSince, featured: true, offset: 0, limit: 10 }).total).toBe(1);
    catalog.install(pack('featured', [item('f-1')], { version: 2 }));
    expect(catalog.reader.listItems({ locale: 'en', newSince, featured: true, offset: 0, limit: 10 })).toEqual({
      items: [],
      total: 0,
    });
    expect(
      catalog.reader.listItems({ locale: 'en', newSince, subject: 'energy', featured: true, offset: 0, limit: 10 })
        .total,
    ).toBe(0);
  });
});

describe('item', () => {
  it('gives the item with its files as content URLs, pages and duration', () => {
    catalog.install(
      pack(
        'p',
        [
          item('doc', {
            pages: 40,
            files: [
              { role: 'main', hash: hashOf(1) },
              { role: 'cover', hash: hashOf(2) },
            ],
            texts: { en: { title: 'Doc', summary: 'S' }, ko: { title: '문서', summary: '요약' } },
          }),
          item('film', { kind: 'video', durationSeconds: 95, files: [{ role: 'main', hash: hashOf(1) }] }),
        ],
        { files },
      ),
    );
    expect(catalog.reader.item({ locale: 'ko', newSince, id: 'doc' })).toEqual({
      id: 'doc',
      kind: 'pdf',
      title: '문서',
      summary: '요약',
      language: 'ko',
      languages: ['ko', 'en'],
      subjects: ['energy'],
      addedAt: '2026-11-01T00:00:00.000Z',
      arrivedAt: installedAt,
      isNew: true,
      featured: false,
      // No label from the pack: 40 pages make a booklet.
      documentType: 'booklet',
      pages: 40,
      files: [
        { role: 'main', hash: hashOf(1), size: 1000, mediaType: 'application/pdf', url: `/content/${hashOf(1)}` },
        { role: 'cover', hash: hashOf(2), size: 20, mediaType: 'image/webp', url: `/content/${hashOf(2)}` },
      ],
    });
    expect(catalog.reader.item({ locale: 'en', newSince, id: 'film' })).toMatchObject({
      durationSeconds: 95,
      kind: 'video',
    });
    expect(catalog.reader.item({ locale: 'en', newSince, id: 'film' })).not.toHaveProperty('pages');
    expect(catalog.reader.item({ locale: 'en', newSince, id: 'film' })).not.toHaveProperty('documentType');
    expect(catalog.reader.item({ locale: 'en', newSince, id: 'nothing-here' })).toBeNull();
  });

  it("gives each language version's own page count, and none for a file whose pack did not say", () => {
    catalog.install(
      pack(
        'p',
        [
          item('leaflet', {
            pages: 2,
            files: [
              { role: 'main', hash: hashOf(1), language: 'en', pages: 2 },
              { role: 'main', hash: hashOf(4), language: 'mn-Mong', pages: 1 },
              { role: 'main', hash: hashOf(2), language: 'ko' },
            ],
            texts: { en: { title: 'Leaflet', summary: 'S' }, 'mn-Mong': { title: 'ᠨᠢᠭᠤᠷ', summary: 'ᠨᠢᠭᠤᠷ' } },
          }),
        ],
        { files: [...files, { sha256: hashOf(4), size: 900, mediaType: 'application/pdf' }] },
      ),
    );
    const detail = catalog.reader.item({ locale: 'mn-Mong', newSince, id: 'leaflet' })!;
    expect(detail.pages).toBe(2);
    expect(detail.files.map((file) => [file.language, file.pages])).toEqual([
      ['en', 2],
      ['mn-Mong', 1],
      ['ko', undefined],
    ]);
    expect(detail.files[2]).not.toHaveProperty('pages');
  });

  it('labels a PDF as its pack says, or by its page count when the pack says nothing', () => {
    catalog.install(
      pack('p', [
        item('manual', { pages: 2415, documentType: 'manual' }),
        item('short-manual', { pages: 2, documentType: 'manual' }),
        item('folded', { pages: 2 }),
        item('stapled', { pages: 48 }),
        item('bound', { pages: 49 }),
        item('unknown-length', {}),
        item('quiz', { kind: 'quiz' }),
      ]),
    );
    const labels = catalog.reader
      .listItems({ locale: 'en', newSince, offset: 0, limit: 10 })
      .items.map((entry) => [entry.id, entry.documentType]);
    expect(Object.fromEntries(labels)).toEqual({
      manual: 'manual',
      'short-manual': 'manual',
      folded: 'leaflet',
      stapled: 'booklet',
      bound: 'book',
      'unknown-length': 'leaflet',
      quiz: undefined,
    });
    const found = catalog.reader.search({ locale: 'en', query: 'bound', newSince, offset: 0, limit: 10 }).items;
    expect(found.map((entry) => [entry.id, entry.documentType])).toEqual([['bound', 'book']]);
    // Only what the pack said is its record: a delta on it must not turn a guess into the publisher's word.
    const record = catalog.writer.packRecord('p')!;
    expect(record.items.find((entry) => entry.id === 'manual')).toHaveProperty('documentType', 'manual');
    expect(record.items.find((entry) => entry.id === 'bound')).not.toHaveProperty('documentType');
  });
});
