/** What counts as new at this kiosk: an item that arrived here within the last N days. */

/** How long an item counts as new when the venue has not said otherwise. */
export const defaultNewForDays = 30;

/** The earliest arrival that still counts as new at `now`, as an ISO timestamp. */
export function newSince(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}
