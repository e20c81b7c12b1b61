import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statsEventKinds, type DailyRow } from '../../../main/stats/daily-row.ts';
import { StatsExport, compareRowKeys, parseStatsExport } from '../../../main/stats/stats-export.ts';

const header = {
  format: 1,
  venueId: 'k-0123456789abcdef',
  venueName: 'Riverside Library',
  keyId: 'k-0123456789abcdef',
  sequence: 7,
  createdAt: '2027-03-01T09:00:00.000Z',
  fromDay: '2027-02-01',
  toDay: '2027-02-28',
};

const row = (day: string, kind: DailyRow['kind'], itemId: string, count = 1): DailyRow => ({
  day,
  kind,
  itemId,
  itemTitle: itemId ? `Title of ${itemId}` : '',
  subject: itemId ? 'energy' : '',
  count,
  amount: 0,
});

/** Valid rows, sorted and one per (day, kind, item), as a kiosk writes them. */
const validRows = fc
  .uniqueArray(
    fc.record({
      day: fc.integer({ min: 1, max: 28 }).map((d) => `2027-02-${String(d).padStart(2, '0')}`),
      kind: fc.constantFrom(...statsEventKinds),
      itemId: fc.constantFrom('', 'solar', 'soil-quiz/ph', 'contest-1/team-a', 'x'.repeat(130)),
      itemTitle: fc.string({ maxLength: 40 }),
      subject: fc.constantFrom('', 'energy', 's'.repeat(64)),
      count: fc.nat(),
      amount: fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
    }),
    { selector: (r) => `${r.day}/${r.kind}/${r.itemId}`, maxLength: 12 },
  )
  .map((rows) => rows.toSorted(compareRowKeys));

/** One change to one row, or to the rows' order: each either keeps the export valid or makes it malformed. */
/** The row at `at`, as an object whose fields a mutation may change. */
const of = (rows: unknown[], at: number) => rows[at] as Record<string, unknown>;

const mutations: ((rows: unknown[], at: number) => void)[] = [
  (rows, at) => (of(rows, at).count = -1),
  (rows, at) => (of(rows, at).count = 1.5),
  (rows, at) => (of(rows, at).count = '3'),
  (rows, at) => (of(rows, at).count = 2 ** 53),
  (rows, at) => (of(rows, at).amount = -0.5),
  (rows, at) => (of(rows, at).amount = Infinity),
  (rows, at) => (of(rows, at).amount = null),
  (rows, at) => (of(rows, at).kind = 'visit'),
  (rows, at) => (of(rows, at).itemId = 'x'.repeat(131)),
  (rows, at) => (of(rows, at).itemTitle = 't'.repeat(501)),
  (rows, at) => (of(rows, at).subject = 's'.repeat(65)),
  (rows, at) => (of(rows, at).day = '2027-1-05'),
  (rows, at) => (of(rows, at).day = '2027-02-30'),
  (rows, at) => (of(rows, at).day = '2027-03-01'),
  (rows, at) => (of(rows, at).extra = true),
  (rows, at) => delete of(rows, at).subject,
  (rows, at) => {
    // The same fields, in another order: valid, but not as a kiosk writes them.
    const { day, ...rest } = of(rows, at);
    rows[at] = { ...rest, day };
  },
  (rows, at) => rows.splice(at, 0, { ...of(rows, at) }),
  (rows) => rows.reverse(),
  (rows, at) => (rows[at] = [1, 2]),
  (rows, at) => (rows[at] = null),
];

describe('parseStatsExport', () => {
  it('accepts and refuses exactly what the schema does, with the same message', () => {
    fc.assert(
      fc.property(
        validRows,
        fc.nat(),
        fc.constantFrom(...mutations.keys()),
        fc.boolean(),
        (rows, at, mutation, mutate) => {
          const changed: unknown[] = structuredClone(rows);
          if (mutate && changed.length > 0) mutations[mutation]!(changed, at % changed.length);
          const json: unknown = JSON.parse(JSON.stringify({ ...header, rows: changed }));
          const fast = parseStatsExport(json);
          const schema = StatsExport.safeParse(json);
          expect(fast.success).toBe(schema.success);
          if (fast.success && schema.success) expect(fast.data).toEqual(schema.data);
          else expect(fast.error?.issues).toEqual(schema.error?.issues);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses a row on a day the calendar does not have, between two that it has', () => {
    const result = parseStatsExport({ ...header, rows: [row('2027-02-29', 'search', '')] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['rows', 0, 'day'],
      message: '2027-02-29 is not a day of the calendar',
    });
  });

  it('takes rows out of order or with their keys in another order, as the schema does', () => {
    const rows = [row('2027-02-05', 'item-open', 'b'), row('2027-02-03', 'item-open', 'a')];
    const reordered = rows.map(({ count, ...rest }) => ({ count, ...rest }));
    for (const json of [
      { ...header, rows },
      { ...header, rows: reordered },
    ]) {
      const result = parseStatsExport(json);
      expect(result.success).toBe(true);
      expect(Object.keys(result.data!.rows[0]!)).toEqual([
        'day',
        'kind',
        'itemId',
        'itemTitle',
        'subject',
        'count',
        'amount',
      ]);
    }
  });
});
