import { afterAll, describe, expect, it } from 'vitest';
import {
  dayChoices,
  defaultSpan,
  fromDayHour,
  stepHour,
  toDayHour,
  withDay,
} from '../../../renderer/staff/contest-time.ts';

// The chooser works on the kiosk's local time: try it where Mongolia is, and where clocks jump forward in March.
const zones = ['Asia/Ulaanbaatar', 'America/New_York', 'UTC'] as const;
const original = process.env.TZ;
afterAll(() => {
  process.env.TZ = original;
});

describe.each(zones)('contest times in %s', (zone) => {
  const inZone = <T>(run: () => T): T => {
    process.env.TZ = zone;
    return run();
  };

  it('reads an instant as its local day and hour, and writes a day and hour back as that instant', () =>
    inZone(() => {
      const start = { day: '2027-03-01', hour: 9 };
      const iso = fromDayHour(start);
      expect(new Date(iso).getHours()).toBe(9);
      expect(toDayHour(iso)).toEqual(start);
    }));

  it('steps an hour across midnight into the next day and back', () =>
    inZone(() => {
      expect(stepHour({ day: '2027-02-28', hour: 23 }, 1)).toEqual({ day: '2027-03-01', hour: 0 });
      expect(stepHour({ day: '2027-03-01', hour: 0 }, -1)).toEqual({ day: '2027-02-28', hour: 23 });
      expect(stepHour({ day: '2027-12-31', hour: 12 }, 3)).toEqual({ day: '2027-12-31', hour: 15 });
    }));

  it('keeps the hour when another day is chosen', () =>
    inZone(() =>
      expect(withDay({ day: '2027-03-01', hour: 14 }, '2027-03-05')).toEqual({ day: '2027-03-05', hour: 14 }),
    ));

  it('offers consecutive days from today across a month’s end, and keeps a saved day outside them', () =>
    inZone(() => {
      const today = new Date(2027, 1, 26, 10);
      expect(dayChoices(today, 4)).toEqual(['2027-02-26', '2027-02-27', '2027-02-28', '2027-03-01']);
      expect(dayChoices(today, 2, ['2027-01-15', '2027-02-27'])).toEqual(['2027-01-15', '2027-02-26', '2027-02-27']);
    }));

  it('starts a new contest at this hour and ends it at six a week later', () =>
    inZone(() => {
      const { start, end } = defaultSpan(new Date(2027, 2, 1, 9, 40));
      expect(start).toEqual({ day: '2027-03-01', hour: 9 });
      expect(end).toEqual({ day: '2027-03-08', hour: 18 });
      expect(fromDayHour(start) < fromDayHour(end)).toBe(true);
    }));
});

describe('a spring-forward day', () => {
  it('steps over the missing hour in New York', () => {
    process.env.TZ = 'America/New_York';
    // 2027-03-14: 02:00 does not exist; an hour after 01:00 is 03:00.
    expect(stepHour({ day: '2027-03-14', hour: 1 }, 1)).toEqual({ day: '2027-03-14', hour: 3 });
  });
});
