/**
 * What a kiosk fetches from a feed: for every pack in a channel the venue takes whose feed version is above the
 * installed one, the delta from the installed version where there is one and it is smaller, the full pack
 * otherwise.
 */
import type { Feed, FeedForm } from './feed.ts';

export interface PlannedUpdate {
  packId: string;
  channel: string;
  version: number;
  /** The installed version a delta applies to; absent for a full pack. */
  baseVersion?: number;
  form: FeedForm;
}

export function planUpdates(
  feed: Feed,
  installed: readonly { id: string; version: number }[],
  channels: readonly string[],
): PlannedUpdate[] {
  const versions = new Map(installed.map((pack) => [pack.id, pack.version]));
  return feed.packs.flatMap((pack): PlannedUpdate[] => {
    if (!channels.includes(pack.channel)) return [];
    const have = versions.get(pack.id);
    if (have !== undefined && have >= pack.version) return [];
    const delta = pack.deltas.find((candidate) => candidate.baseVersion === have);
    const common = { packId: pack.id, channel: pack.channel, version: pack.version };
    if (delta && delta.fileBytes < pack.full.fileBytes) {
      const { baseVersion, ...form } = delta;
      return [{ ...common, baseVersion, form }];
    }
    return [{ ...common, form: pack.full }];
  });
}
