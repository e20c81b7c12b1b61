/**
 * What "new" means at this kiosk: arrived within the last few days. The catalog takes the cut-off as
 * an input; the main thread computes it from its own clock, so nothing in the catalog reads the time.
 */

/** How many days an item counts as new after it arrives, until venues can set their own. */
export const DEFAULT_NEW_DAYS = 30;

/** The earliest arrival that still counts as new at `now`, as the catalog's queries take it. */
export function newSince(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}
