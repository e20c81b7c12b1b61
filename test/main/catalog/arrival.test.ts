/**
 * "New" means new to this kiosk: items are dated by when they arrived here (the install time the
 * import passes in), kept across new versions of their pack, and shelves list the newest arrivals
 * first whatever date the publisher gave them. Real SQLite files, fixed clocks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultNewForDays, newSince } from '../../../main/catalog/recency.ts';
import { item, openTestCatalog, pack, type TestCatalog } from './catalog-fixtures.ts';

let catalog: TestCatalog;
beforeEach(() => (catalog = openTestCatalog()));
afterEach(() => catalog.close());

const october = '2026-10-10T10:00:00.000Z';
const november = '2026-11-20T15:30:00.000Z';
const december = '2026-12-05T08:00:00.000Z';

/** Id and arrival of every item, as the main shelf lists them. */
function shelf(query: { subject?: string; featured?: boolean; arrivedSince?: string } = {}): [string, string][] {
  return catalog.reader
    .listItems({ locale: 'en', newSince: october, offset: 0, limit: 50, ...query })
    .items.map((entry) => [entry.id, entry.arrivedAt]);
}

describe('arrival', () => {
  it('keeps an item’s arrival across new versions of its pack and dates the new ones by the new install', () => {
    catalog.install(pack('p', [item('a'), item('b')]), october);
    catalog.install(
      pack('p', [item('a', { texts: { en: { title: 'A, revised', summary: '' } } }), item('b'), item('c')], {
        version: 2,
      }),
      november,
    );
    expect(catalog.reader.installedPacks()).toMatchObject([{ id: 'p', version: 2, installedAt: november }]);
    expect(shelf()).toEqual([
      ['c', november],
      ['a', october],
      ['b', october],
    ]);
  });

  it('gives an item that comes back after a version without it a new arrival', () => {
    catalog.install(pack('p', [item('a'), item('b')]), october);
    catalog.install(pack('p', [item('a')], { version: 2 }), november);
    catalog.install(pack('p', [item('a'), item('b')], { version: 3 }), december);
    expect(shelf()).toEqual([
      ['b', december],
      ['a', october],
    ]);
  });

  it('dates everything anew when a pack is removed and installed again, or an item moves to another pack', () => {
    catalog.install(pack('p', [item('a'), item('moving')]), october);
    catalog.install(pack('p', [item('a')], { version: 2 }), november);
    catalog.install(pack('q', [item('moving')]), november);
    expect(catalog.writer.removePack('p')).toBe(true);
    catalog.install(pack('p', [item('a')]), december);
    expect(shelf()).toEqual([
      ['a', december],
      ['moving', november],
    ]);
  });

  it('lists by arrival, not by the publisher’s date, on every shelf, ties by id, and keeps the publisher’s date', () => {
    catalog.install(
      pack('early', [
        item('fresh-from-publisher', { addedAt: '2026-12-01T00:00:00Z', subjects: ['energy', 'soil'], featured: true }),
        item('also-early', { subjects: ['energy'], featured: true }),
      ]),
      october,
    );
    catalog.install(
      pack('late', [
        item('old-from-publisher', { addedAt: '2020-01-01T00:00:00Z', subjects: ['energy', 'soil'], featured: true }),
      ]),
      november,
    );
    const order = ['old-from-publisher', 'also-early', 'fresh-from-publisher'];
    expect(shelf().map(([id]) => id)).toEqual(order);
    expect(shelf({ subject: 'energy' }).map(([id]) => id)).toEqual(order);
    expect(shelf({ featured: true }).map(([id]) => id)).toEqual(order);
    expect(shelf({ subject: 'energy', featured: true }).map(([id]) => id)).toEqual(order);
    expect(shelf({ subject: 'soil' }).map(([id]) => id)).toEqual(['old-from-publisher', 'fresh-from-publisher']);
    const [first] = catalog.reader.listItems({ locale: 'en', newSince: october, offset: 0, limit: 1 }).items;
    expect(first).toMatchObject({ addedAt: '2020-01-01T00:00:00.000Z', arrivedAt: november });
  });

  it('filters by arrival from the given time on, inclusive, on the main and subject shelves', () => {
    catalog.install(pack('p', [item('a')]), october);
    catalog.install(pack('q', [item('b')]), november);
    expect(shelf({ arrivedSince: november })).toEqual([['b', november]]);
    expect(shelf({ arrivedSince: '2026-11-20T15:30:00.001Z' })).toEqual([]);
    expect(shelf({ arrivedSince: '2026-10-11', subject: 'energy' })).toEqual([['b', november]]);
    expect(shelf({ arrivedSince: '2026-10-10T12:00:00+02:00' })).toHaveLength(2);
  });

  it('refuses an install time that is not a time, and installs nothing', () => {
    expect(() => catalog.writer.installPack(pack('p', [item('a')]), 'soon')).toThrow(
      'the install time is not an ISO date: "soon"',
    );
    expect(catalog.reader.installedPacks()).toEqual([]);
  });

  it('stores the install time in UTC, so arrivals compare as text', () => {
    catalog.install(pack('p', [item('a')]), '2026-11-20T17:30:00+02:00');
    expect(shelf()).toEqual([['a', november]]);
  });
});

describe('isNew', () => {
  beforeEach(() =>
    catalog.install(pack('p', [item('a', { texts: { en: { title: 'Solar', summary: '' } } })]), november),
  );

  /** isNew of item `a` in a list, a search and an item page, with the cut-off at `newSince`. */
  function isNew(newSince: string): boolean[] {
    const listed = catalog.reader.listItems({ locale: 'en', newSince, offset: 0, limit: 1 }).items[0]!;
    const found = catalog.reader.search({ locale: 'en', newSince, query: 'solar', offset: 0, limit: 1 }).items[0]!;
    const page = catalog.reader.item({ locale: 'en', newSince, id: 'a' })!;
    return [listed.isNew, found.isNew, page.isNew];
  }

  it('is new from the cut-off on: an arrival exactly at it counts, one a millisecond before does not', () => {
    expect(isNew(october)).toEqual([true, true, true]);
    expect(isNew(november)).toEqual([true, true, true]);
    expect(isNew('2026-11-20T15:30:00.001Z')).toEqual([false, false, false]);
    expect(isNew(december)).toEqual([false, false, false]);
  });

  it('reads the cut-off in any time zone, and refuses one that is not a time', () => {
    expect(isNew('2026-11-20T17:30:00+02:00')).toEqual([true, true, true]);
    expect(isNew('2026-11-20T17:30:00.001+02:00')).toEqual([false, false, false]);
    expect(() => isNew('recently')).toThrow('newSince is not an ISO date: "recently"');
  });
});

describe('newSince', () => {
  it('counts the days back from the given clock, in UTC', () => {
    expect(newSince(new Date('2026-12-05T08:00:00+09:00'), defaultNewForDays)).toBe('2026-11-04T23:00:00.000Z');
    expect(newSince(new Date(december), 0)).toBe(december);
  });
});
