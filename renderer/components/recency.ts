/** What counts as new in the room: added within the last seven days. */

export const NEW_FOR_DAYS = 7;

export function newSince(now: Date): string {
  return new Date(now.getTime() - NEW_FOR_DAYS * 86_400_000).toISOString();
}

export function isNew(addedAt: string, now: Date): boolean {
  const added = Date.parse(addedAt);
  return Number.isFinite(added) && added >= Date.parse(newSince(now)) && added <= now.getTime();
}
