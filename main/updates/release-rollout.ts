/**
 * Staged rollout: which kiosks take a release while its rollout percentage is below 100. Each kiosk falls in
 * one of 100 buckets per release, from its stable id and the release's version, so it stays in or out for
 * that release, a higher percentage only adds kiosks, and the same kiosks are not always the first to try.
 */
import { createHash } from 'node:crypto';
import { compareVersions, type ReleaseStatement } from './release-statement.ts';

/** 0–99, fixed for one kiosk and one version. */
export function rolloutBucket(kioskId: string, version: string): number {
  const digest = createHash('sha256').update(`${kioskId}\n${version}`, 'utf8').digest();
  // 2^32 is not a multiple of 100; the bias this leaves is below one in forty million.
  return digest.readUInt32BE(0) % 100;
}

/** A kiosk below the release's minimum version takes it at once, whatever the rollout says. */
export function isWithinRollout(statement: ReleaseStatement, kioskId: string, runningVersion: string): boolean {
  if (compareVersions(runningVersion, statement.minimumVersion) < 0) return true;
  return rolloutBucket(kioskId, statement.version) < statement.rolloutPercent;
}
