import { describe, expect, it } from 'vitest';
import { decideRelease, type ReleaseDecision } from '../../../main/updates/release-decision.ts';
import { isWithinRollout, rolloutBucket } from '../../../main/updates/release-rollout.ts';
import { sha512, decisionInput, releaseKey, statement, installerName } from './release-fixtures.ts';

const kiosks = Array.from({ length: 1000 }, (_, index) => `k-${index.toString(16).padStart(16, '0')}`);

function refusedCode(decision: ReleaseDecision): string | undefined {
  return decision.action === 'refuse' ? decision.error.code : undefined;
}

describe('the release decision', () => {
  const key = releaseKey();

  it('downloads a good release not yet downloaded, and installs it once downloaded', () => {
    expect(decideRelease(decisionInput(key, { downloaded: undefined })).action).toBe('download');
    const install = decideRelease(decisionInput(key));
    expect(install.action).toBe('install');
    expect(install.action === 'install' && install.artifact.name).toBe(installerName);
  });

  it('waits while a visitor is at the screen, and while an import runs', () => {
    expect(decideRelease(decisionInput(key, { visitorActive: true }))).toMatchObject({
      action: 'wait',
      reason: 'visitor-active',
    });
    expect(decideRelease(decisionInput(key, { importRunning: true }))).toMatchObject({
      action: 'wait',
      reason: 'import-running',
    });
    // Neither holds back the download, which leaves the visitor's screen alone.
    expect(decideRelease(decisionInput(key, { downloaded: undefined, visitorActive: true })).action).toBe('download');
    expect(decideRelease(decisionInput(key, { downloaded: undefined, importRunning: true })).action).toBe('download');
  });

  it('refuses a tampered statement, a lower or equal version, and a wrong download', () => {
    const input = decisionInput(key);
    const tampered = { ...input.release, text: input.release.text.replace('"1.0.0"', '"1.4.0"') };
    expect(refusedCode(decideRelease({ ...input, release: tampered }))).toBe('bad-signature');
    expect(refusedCode(decideRelease({ ...input, runningVersion: '1.5.0' }))).toBe('not-newer');
    expect(refusedCode(decideRelease({ ...input, runningVersion: '1.6.0' }))).toBe('not-newer');
    const wrong = { ...input.downloaded!, sha512: sha512(Buffer.from('something else')) };
    expect(refusedCode(decideRelease({ ...input, downloaded: wrong }))).toBe('artifact-mismatch');
  });

  it('refuses before downloading when the update feed offers files the statement did not sign', () => {
    const input = decisionInput(key, { downloaded: undefined });
    const other = { name: installerName, sha512: sha512(Buffer.from('evil')), size: 12 };
    expect(refusedCode(decideRelease({ ...input, offered: { version: '1.5.0', files: [other] } }))).toBe(
      'offer-mismatch',
    );
    const extra = { name: 'reading-room-kiosk-1.5.0.AppImage', sha512: other.sha512 };
    const files = [...input.offered.files, extra];
    expect(refusedCode(decideRelease({ ...input, offered: { version: '1.5.0', files } }))).toBe('offer-mismatch');
    expect(refusedCode(decideRelease({ ...input, offered: { ...input.offered, version: '1.6.0' } }))).toBe(
      'offer-mismatch',
    );
    expect(refusedCode(decideRelease({ ...input, offered: { version: '1.5.0', files: [] } }))).toBe('offer-mismatch');
  });

  it('refuses a release signed by a key the kiosk does not trust', () => {
    const stranger = releaseKey('stranger');
    expect(refusedCode(decideRelease(decisionInput(stranger, { trust: decisionInput(key).trust })))).toBe(
      'unknown-key',
    );
  });

  it('keeps a kiosk outside the rollout waiting, before and after a download', () => {
    const outside = kiosks.find((kioskId) => rolloutBucket(kioskId, '1.5.0') >= 10)!;
    const inside = kiosks.find((kioskId) => rolloutBucket(kioskId, '1.5.0') < 10)!;
    for (const downloaded of [undefined, decisionInput(key).downloaded]) {
      const at10 = (kioskId: string) =>
        decideRelease(decisionInput(key, { kioskId, downloaded }, { rolloutPercent: 10 })).action;
      expect(at10(outside)).toBe('wait');
      expect(at10(inside)).toBe(downloaded ? 'install' : 'download');
    }
    expect(decideRelease(decisionInput(key, { kioskId: outside }, { rolloutPercent: 10 }))).toMatchObject({
      reason: 'outside-rollout',
    });
  });

  it('takes a kiosk below the minimum version at once, whatever the rollout', () => {
    const input = decisionInput(key, { runningVersion: '0.9.0' }, { rolloutPercent: 0 });
    expect(decideRelease(input).action).toBe('install');
    expect(decideRelease({ ...input, runningVersion: '1.0.0' })).toMatchObject({ reason: 'outside-rollout' });
  });
});

describe('rollout buckets', () => {
  it('keeps one kiosk in one bucket for one release, and moves it for the next', () => {
    expect(rolloutBucket(kiosks[1]!, '1.5.0')).toBe(rolloutBucket(kiosks[1]!, '1.5.0'));
    const moved = kiosks.filter((kioskId) => rolloutBucket(kioskId, '1.5.0') !== rolloutBucket(kioskId, '1.6.0'));
    expect(moved.length).toBeGreaterThan(900);
  });

  it('only adds kiosks as the percentage rises, and takes about that share', () => {
    const key = releaseKey();
    let previous = new Set<string>();
    for (const rolloutPercent of [0, 1, 5, 10, 25, 50, 90, 100]) {
      const signed = statement(key, { rolloutPercent });
      const inside = new Set(kiosks.filter((kioskId) => isWithinRollout(signed, kioskId, '1.4.2')));
      for (const kioskId of previous) expect(inside.has(kioskId)).toBe(true);
      expect(Math.abs(inside.size - rolloutPercent * 10)).toBeLessThanOrEqual(40);
      previous = inside;
    }
    expect(previous.size).toBe(kiosks.length);
  });
});
