/**
 * What the kiosk does about an app release, decided from the signed statement and the kiosk's state alone:
 * download it, wait (outside the rollout, a visitor at the screen, an import running), install it, or refuse
 * it. Pure and Electron-free; `main/host/electron/app-updater.ts` asks it before downloading and again
 * right before installing.
 */
import type { TrustStore } from '../packs/trust-store.ts';
import { ReleaseError } from './release-error.ts';
import { isWithinRollout } from './release-rollout.ts';
import {
  checkArtifact,
  verifyReleaseStatement,
  type ArtifactFacts,
  type ReleaseArtifact,
  type ReleaseStatement,
} from './release-statement.ts';

/** A file electron-updater's feed (latest-linux.yml) offers; the feed may leave out the size. */
export interface OfferedFile {
  name: string;
  sha512: string;
  size?: number;
}

export interface ReleaseDecisionInput {
  /** `release.json` and `release.sig` as fetched. */
  release: { text: string; signature: string };
  trust: TrustStore;
  runningVersion: string;
  /** A stable id of this kiosk (its venue id), for the rollout. */
  kioskId: string;
  /** What electron-updater found on the server: it downloads one of these files and checks it by this SHA-512. */
  offered: { version: string; files: readonly OfferedFile[] };
  /** The installer electron-updater downloaded, as the kiosk hashed it; absent until it is downloaded. */
  downloaded?: ArtifactFacts;
  visitorActive: boolean;
  importRunning: boolean;
  now: Date;
}

export type WaitReason = 'outside-rollout' | 'visitor-active' | 'import-running';

export type ReleaseDecision =
  | { action: 'download'; statement: ReleaseStatement }
  | { action: 'wait'; reason: WaitReason; statement: ReleaseStatement }
  | { action: 'install'; statement: ReleaseStatement; artifact: ReleaseArtifact }
  | { action: 'refuse'; error: ReleaseError };

export function decideRelease(input: ReleaseDecisionInput): ReleaseDecision {
  let statement: ReleaseStatement;
  let artifact: ReleaseArtifact | undefined;
  try {
    statement = verifyReleaseStatement(input.release.text, input.release.signature, {
      trust: input.trust,
      runningVersion: input.runningVersion,
      now: input.now,
    });
    checkOffer(statement, input.offered);
    if (input.downloaded) artifact = checkArtifact(statement, input.downloaded);
  } catch (error) {
    if (error instanceof ReleaseError) return { action: 'refuse', error };
    throw error;
  }
  // Checked again after the download: a centre halts a rollout by lowering its percentage.
  if (!isWithinRollout(statement, input.kioskId, input.runningVersion)) {
    return { action: 'wait', reason: 'outside-rollout', statement };
  }
  if (!artifact) return { action: 'download', statement };
  if (input.visitorActive) return { action: 'wait', reason: 'visitor-active', statement };
  if (input.importRunning) return { action: 'wait', reason: 'import-running', statement };
  return { action: 'install', statement, artifact };
}

/**
 * electron-updater verifies its download against the feed's SHA-512 only, so every file the feed offers must
 * be one the statement signed, with the same digest: then whichever it picks is bound to the signature.
 */
function checkOffer(statement: ReleaseStatement, offered: ReleaseDecisionInput['offered']): void {
  if (offered.version !== statement.version) {
    throw new ReleaseError(
      'offer-mismatch',
      `the update feed offers version ${offered.version}, the signed release is ${statement.version}`,
    );
  }
  if (offered.files.length === 0) throw new ReleaseError('offer-mismatch', 'the update feed offers no files');
  for (const file of offered.files) {
    const artifact = statement.artifacts.find((candidate) => candidate.name === file.name);
    if (!artifact || artifact.sha512 !== file.sha512 || (file.size !== undefined && file.size !== artifact.size)) {
      throw new ReleaseError(
        'offer-mismatch',
        `the update feed offers ${file.name} (SHA-512 ${file.sha512.slice(0, 16)}…), which release ` +
          `${statement.version} ${artifact ? 'signed with another digest or size' : 'does not name'}`,
      );
    }
  }
}
