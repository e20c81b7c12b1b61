/**
 * When the venue's board last started afresh: at midnight today, or at midnight on this week's Monday, on the
 * kiosk's own time zone (a board that reset at 08:00 because the clock reads UTC would puzzle a venue).
 */
export type BoardPeriod = 'day' | 'week';

export function boardSince(now: Date, period: BoardPeriod): Date {
  const since = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  // getDay: Sunday 0, Monday 1; a week runs Monday to Sunday.
  if (period === 'week') since.setDate(since.getDate() - ((since.getDay() + 6) % 7));
  return since;
}
