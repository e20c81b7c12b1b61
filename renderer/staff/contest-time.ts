/**
 * A contest's start and end as staff choose them on a touch screen: a day from a row of chips and an hour
 * moved up and down, on the kiosk's own clock and time zone, stored as the ISO instants the contract takes.
 */

/** A local day (`YYYY-MM-DD`) and a whole hour of it. */
export interface DayHour {
  readonly day: string;
  readonly hour: number;
}

export function localDay(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** Local midnight of a `YYYY-MM-DD` day. */
function dayStart(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date);
}

/** The day and hour an instant falls in; minutes are dropped, as the chooser offers whole hours only. */
export function toDayHour(iso: string): DayHour {
  const date = new Date(iso);
  return { day: localDay(date), hour: date.getHours() };
}

export function fromDayHour({ day, hour }: DayHour): string {
  const date = dayStart(day);
  date.setHours(hour);
  return date.toISOString();
}

/** The same hour on another day, as a day chip chooses it. */
export function withDay(value: DayHour, day: string): DayHour {
  return { day, hour: value.hour };
}

/** An hour later or earlier; past midnight it moves to the next or previous day, as a clock does. */
export function stepHour(value: DayHour, hours: number): DayHour {
  const date = dayStart(value.day);
  date.setHours(value.hour + hours);
  return { day: localDay(date), hour: date.getHours() };
}

/**
 * The days offered: `count` days from `today`, and any day in `keep` (a saved contest's, however far off) so
 * that editing a contest never silently moves it.
 */
export function dayChoices(today: Date, count: number, keep: readonly string[] = []): string[] {
  const days = new Set<string>();
  for (let offset = 0; offset < count; offset++)
    days.add(localDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset)));
  for (const day of keep) days.add(day);
  return [...days].sort();
}

/** A new contest's default: from the current hour today to six in the evening a week later. */
export function defaultSpan(now: Date): { start: DayHour; end: DayHour } {
  const start = { day: localDay(now), hour: now.getHours() };
  const end = { day: localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 7)), hour: 18 };
  return { start, end };
}

/** Noon of the day, for labelling it with Intl without a time zone shifting it to a neighbour. */
export function dayForLabel(day: string): Date {
  const date = dayStart(day);
  date.setHours(12);
  return date;
}
