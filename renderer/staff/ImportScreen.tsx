/**
 * Loading content from USB: every pack found on the inserted sticks, what it is and whether it can be
 * loaded, a big button for those that can, progress with the time left while one loads, and what
 * happened at the end — each refusal in words that say what to do.
 */
import { useEffect, useState } from 'react';
import type { ImportFailure, ImportOutcome, ImportProgress } from '../../preload/contract/packs.ts';
import type { DetectedPack } from '../../preload/contract/sources.ts';
import './staff.css';
import { useI18n, type I18n } from '../i18n/i18n.tsx';
import { kiosk } from '../kiosk.ts';
import { useVisit } from '../visit/visit.tsx';
import { formatBytes } from './format-bytes.ts';
import { useStaffCall } from './use-staff-call.ts';

export function ImportScreen() {
  const { t } = useI18n();
  const call = useStaffCall();
  const { stillHere } = useVisit();
  const [packs, setPacks] = useState<DetectedPack[] | undefined>();
  const [progress, setProgress] = useState<ImportProgress | undefined>();
  const [outcome, setOutcome] = useState<ImportOutcome | undefined>();
  const [importing, setImporting] = useState<string | undefined>();

  const [checks, setChecks] = useState(0);
  useEffect(() => {
    // Asking lists the sticks now rather than at the watcher's next look.
    call('staff.packs', {}).then(
      (answer) => setPacks(answer.packs),
      () => setPacks([]),
    );
  }, [call, checks]);
  useEffect(() => {
    const stopPacks = kiosk.on('sources.packs', (event) => setPacks(event.packs));
    // A load can outlast the visit's idle time: its progress counts as someone being here.
    const stopProgress = kiosk.on('import.progress', (event) => {
      setProgress(event);
      stillHere();
    });
    return () => {
      stopPacks();
      stopProgress();
    };
  }, [call, stillHere]);

  const load = async (source: string) => {
    setImporting(source);
    setOutcome(undefined);
    setProgress(undefined);
    try {
      setOutcome(await call('staff.import', { source }));
    } finally {
      setImporting(undefined);
    }
  };

  return (
    <main className="staff staff-import" aria-busy={packs === undefined}>
      <h1>{t('staff.import.title')}</h1>
      <button
        type="button"
        className="button"
        onClick={() => setChecks((n) => n + 1)}
        disabled={importing !== undefined}
      >
        {t('staff.import.checkAgain')}
      </button>
      {outcome && <OutcomePanel outcome={outcome} />}
      {importing && progress && (
        <ProgressPanel
          progress={progress}
          onCancel={() => void call('staff.cancelImport', {}).catch(() => undefined)}
        />
      )}
      {packs === undefined && <p className="quiet">{t('common.loading')}</p>}
      {packs?.length === 0 && (
        <p className="quiet" data-testid="no-packs">
          {t('staff.import.none')}
        </p>
      )}
      <ul className="staff-packs">
        {packs?.map((pack) => (
          <PackCard
            key={pack.source}
            pack={pack}
            busy={importing !== undefined}
            onLoad={() => void load(pack.source)}
          />
        ))}
      </ul>
    </main>
  );
}

function PackCard({ pack, busy, onLoad }: { pack: DetectedPack; busy: boolean; onLoad: () => void }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  return (
    <li className={`staff-pack ${pack.status}`} data-testid="staff-pack">
      <div className="staff-pack-what">
        <strong>{pack.packId ?? t('staff.import.unknownPack')}</strong>
        {pack.version !== undefined && (
          <span>{t('staff.import.version', { version: pack.version, kind: pack.kind ?? 'full' })}</span>
        )}
        {pack.channel && <span>{t('staff.import.channel', { channel: pack.channel })}</span>}
        {pack.bytes !== undefined && pack.files !== undefined && (
          <span>{t('staff.import.size', { files: pack.files, size: formatBytes(pack.bytes, locale) })}</span>
        )}
        {pack.changes && (
          <span data-testid="pack-changes">
            {t('staff.import.changes', {
              added: pack.changes.added,
              replaced: pack.changes.replaced,
              removed: pack.changes.removed,
            })}
          </span>
        )}
        {pack.freeBytesAfter !== undefined && (
          <span>{t('staff.import.freeAfter', { size: formatBytes(Math.max(0, pack.freeBytesAfter), locale) })}</span>
        )}
        <span className="staff-pack-where">{pack.location}</span>
      </div>
      {pack.status === 'ready' ? (
        <button type="button" className="button primary big" disabled={busy} onClick={onLoad}>
          {t('staff.import.load')}
        </button>
      ) : (
        <p className="staff-pack-problem">
          {pack.status === 'installed' ? t('staff.import.installed') : failureText(i18n, pack.problem)}
        </p>
      )}
    </li>
  );
}

function ProgressPanel({ progress, onCancel }: { progress: ImportProgress; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const share = progress.bytesTotal > 0 ? progress.bytesDone / progress.bytesTotal : 0;
  return (
    <section className="staff-progress" aria-live="polite" data-testid="import-progress">
      <p>{t(`staff.import.phase.${progress.phase}`)}</p>
      {progress.phase === 'copying' && (
        <>
          <progress max={1} value={share} />
          <p>
            {t('staff.import.copied', {
              done: formatBytes(progress.bytesDone, locale),
              total: formatBytes(progress.bytesTotal, locale),
            })}
            {progress.secondsLeft !== null &&
              ` · ${t('staff.import.timeLeft', { minutes: Math.max(1, Math.ceil(progress.secondsLeft / 60)) })}`}
          </p>
        </>
      )}
      {/* Once the switch has begun the pack is as good as loaded: stopping then would only confuse. */}
      {(progress.phase === 'verifying' || progress.phase === 'checking-space' || progress.phase === 'copying') && (
        <button type="button" className="button big" onClick={onCancel} data-testid="cancel-import">
          {t('staff.import.cancel')}
        </button>
      )}
    </section>
  );
}

function OutcomePanel({ outcome }: { outcome: ImportOutcome }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  return (
    <section
      className={outcome.ok ? 'staff-outcome done' : 'staff-outcome failed'}
      role={outcome.ok ? 'status' : 'alert'}
      data-testid="import-outcome"
    >
      {outcome.ok
        ? t('staff.import.loaded', {
            pack: outcome.packId,
            version: outcome.version,
            files: outcome.filesCopied,
            size: formatBytes(outcome.bytesCopied, locale),
          })
        : failureText(i18n, outcome.error)}
    </section>
  );
}

function failureText({ t, locale }: I18n, failure: ImportFailure | undefined): string {
  if (!failure) return t('packs.error.copy-failed');
  return t(`packs.error.${failure.code}`, {
    needed: formatBytes(failure.neededBytes ?? 0, locale),
    free: formatBytes(failure.freeBytes ?? 0, locale),
    item: failure.itemId ?? '',
    owner: failure.ownerPackId ?? '',
  });
}
