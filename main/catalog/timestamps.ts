/**
 * The catalog keeps every time as an ISO 8601 UTC string of one length (`toISOString`), so times
 * compare as text and an index on them is in time order.
 */

/** `value` as the catalog stores it; `what` names the value in the error a malformed one gets. */
export function isoTimestamp(value: string, what: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new Error(`${what} is not an ISO date: ${JSON.stringify(value).slice(0, 80)}`);
  return new Date(time).toISOString();
}
