/**
 * Updates for staff: whether the kiosk takes packs from the centre's feed, what the last check found, a download's
 * progress with the time left, what waits for the download window, and every problem in words that say what to
 * do; "Check now" asks at once. Where the feed is and when it may download are settings, summed up here with the
 * way to change them.
 */
import '../staff/staff.css';
import './updates.css';
import { useCallback, useEffect, useState } from 'react';
import { ImportFailureCode } from '../../preload/contract/packs.ts';
import type { VenueSettings } from '../../preload/contract/settings.ts';
import { feedProblemCodes, type UpdatesProblem, type UpdatesStatus } from '../../preload/contract/updates.ts';
import { useI18n, type I18n } from '../i18n/i18n.tsx';
import { kiosk } from '../kiosk.ts';
import type { MessageKey } from '../messages.ts';
import { StaffErrorPanel } from '../staff/StaffErrorPanel.tsx';
import { formatBytes } from '../staff/format-bytes.ts';
import { useStaffCall } from '../staff/use-staff-call.ts';
import { useVisit } from '../visit/visit.tsx';
import { KioskError } from '../../preload/contract/client.ts';
import type { ErrorCode } from '../../preload/contract/envelope.ts';

/** The feed problems have words of their own; a pack's import refusals use the import's words. */
const feedProblems: ReadonlySet<string> = new Set(feedProblemCodes);

export function UpdatesScreen() {
  const { t } = useI18n();
  const { go } = useVisit();
  const call = useStaffCall();
  const [status, setStatus] = useState<UpdatesStatus>();
  const [settings, setSettings] = useState<VenueSettings>();
  const [failure, setFailure] = useState<ErrorCode>();
  const load = useCallback(() => {
    Promise.all([call('staff.updates', {}), call('staff.settings', {})]).then(
      ([next, saved]) => {
        setStatus(next);
        setSettings(saved);
        setFailure(undefined);
      },
      (error: unknown) => setFailure(error instanceof KioskError ? error.code : 'internal'),
    );
  }, [call]);
  useEffect(() => {
    load();
    return kiosk.on('updates.changed', () => {
      void call('staff.updates', {}).then(setStatus, () => undefined);
    });
  }, [load, call]);
  const checkNow = () => void call('staff.checkUpdates', {}).then(setStatus, () => undefined);
  const busy = status?.state === 'checking' || status?.state === 'downloading';
  return (
    <main className="staff staff-updates" aria-busy={!status} data-testid="staff-updates">
      <h1>{t('updates.title')}</h1>
      {failure && <StaffErrorPanel code={failure} onRetry={load} />}
      {status && settings && (
        <>
          <StatePanel status={status} />
          {status.progress && <ProgressPanel progress={status.progress} />}
          {status.problems.length > 0 && <ProblemList problems={status.problems} />}
          {status.pending.length > 0 && <PendingList status={status} />}
          {status.loaded.length > 0 && status.state !== 'checking' && <LoadedList status={status} />}
          <div className="staff-actions">
            <button
              type="button"
              className="button primary big"
              disabled={busy || status.state === 'off'}
              onClick={checkNow}
              data-testid="check-now"
            >
              {busy ? t('updates.checking') : t('updates.checkNow')}
            </button>
          </div>
          <SettingsSummary settings={settings} onChange={() => go({ name: 'staff-settings' })} />
          <p className="quiet" data-testid="app-version">
            {t('updates.appVersion', { version: status.appVersion })}
          </p>
          {status.appUpdate && (
            <p className="staff-outcome done" data-testid="app-update">
              {t(`updates.app.${status.appUpdate.state}`, { version: status.appUpdate.version })}
            </p>
          )}
        </>
      )}
    </main>
  );
}

function when(i18n: I18n, iso: string): string {
  return new Intl.DateTimeFormat(i18n.locale.startsWith('mn') ? 'mn' : i18n.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

function StatePanel({ status }: { status: UpdatesStatus }) {
  const i18n = useI18n();
  const { t } = i18n;
  const tone = status.state === 'failed' ? 'failed' : status.state === 'off' ? 'quiet' : 'done';
  return (
    <section className={`staff-outcome updates-state ${tone}`} role="status" data-testid="updates-state">
      <p className="updates-state-words">{t(`updates.state.${status.state}`)}</p>
      {status.lastCheckAt && <p>{t('updates.lastCheck', { when: when(i18n, status.lastCheckAt) })}</p>}
      {status.nextCheckAt && status.state !== 'off' && (
        <p>{t('updates.nextCheck', { when: when(i18n, status.nextCheckAt) })}</p>
      )}
      {status.windowOpensAt && <p>{t('updates.windowOpens', { when: when(i18n, status.windowOpensAt) })}</p>}
    </section>
  );
}

function ProgressPanel({ progress }: { progress: NonNullable<UpdatesStatus['progress']> }) {
  const { t, locale } = useI18n();
  const share = progress.totalBytes > 0 ? progress.receivedBytes / progress.totalBytes : 0;
  return (
    <section className="staff-progress" aria-live="polite" data-testid="updates-progress">
      <p>{t('updates.downloading', { pack: progress.packId })}</p>
      <progress max={1} value={share} />
      <p>
        {t('updates.received', {
          done: formatBytes(progress.receivedBytes, locale),
          total: formatBytes(progress.totalBytes, locale),
        })}
        {progress.secondsLeft !== null &&
          ` · ${t('updates.timeLeft', { minutes: Math.max(1, Math.ceil(progress.secondsLeft / 60)) })}`}
      </p>
    </section>
  );
}

function problemWords(i18n: I18n, problem: UpdatesProblem): string {
  if (feedProblems.has(problem.code)) return i18n.t(`updates.problem.${problem.code}` as MessageKey);
  const code = ImportFailureCode.safeParse(problem.code);
  if (code.success) return i18n.t(`packs.error.${code.data}`, { needed: '—', free: '—', item: '—', owner: '—' });
  return i18n.t('updates.problem.failed');
}

function ProblemList({ problems }: { problems: readonly UpdatesProblem[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section className="updates-problems" role="alert">
      <h2>{t('updates.problems')}</h2>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${problem.code}-${index}`} className="staff-outcome failed" data-testid="updates-problem">
            {problem.packId && <p className="updates-pack">{problem.packId}</p>}
            <p>{problemWords(i18n, problem)}</p>
            <details>
              <summary>{t('staff.log.detail')}</summary>
              <pre>{problem.detail}</pre>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PendingList({ status }: { status: UpdatesStatus }) {
  const { t, locale } = useI18n();
  return (
    <section className="updates-list">
      <h2>{t('updates.pending')}</h2>
      <ul>
        {status.pending.map((pack) => (
          <li key={pack.packId}>
            {t('updates.packLine', { pack: pack.packId, version: pack.version, size: formatBytes(pack.bytes, locale) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function LoadedList({ status }: { status: UpdatesStatus }) {
  const { t, locale } = useI18n();
  return (
    <section className="updates-list" data-testid="updates-loaded">
      <h2>{t('updates.loaded')}</h2>
      <ul>
        {status.loaded.map((pack) => (
          <li key={pack.packId}>
            {t('updates.packLine', {
              pack: pack.packId,
              version: pack.version,
              size: formatBytes(pack.fetchedBytes, locale),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SettingsSummary({ settings, onChange }: { settings: VenueSettings; onChange: () => void }) {
  const { t } = useI18n();
  const window = settings.downloadWindow;
  const speed = settings.downloadKilobytesPerSecond;
  const hour = (value: number) => `${String(value).padStart(2, '0')}:00`;
  return (
    <section className="updates-settings" data-testid="updates-settings">
      <h2>{t('updates.settings')}</h2>
      <dl>
        <dt>{t('staff.settings.feedUrl')}</dt>
        <dd className="updates-address">{settings.feedUrl || t('staff.settings.feedUrlEmpty')}</dd>
        <dt>{t('staff.settings.channels')}</dt>
        <dd>{settings.channels.length > 0 ? settings.channels.join(' · ') : t('staff.settings.channelsNone')}</dd>
        <dt>{t('staff.settings.window')}</dt>
        <dd>
          {window
            ? t('staff.settings.windowHours', { from: hour(window.fromHour), to: hour(window.toHour) })
            : t('staff.settings.windowAny')}
        </dd>
        <dt>{t('staff.settings.speed')}</dt>
        <dd>
          {speed === 0
            ? t('staff.settings.speedNone')
            : speed >= 1024
              ? t('staff.settings.speedMb', { megabytes: speed / 1024 })
              : t('staff.settings.speedKb', { kilobytes: speed })}
        </dd>
      </dl>
      <button type="button" className="button big" onClick={onChange}>
        {t('updates.changeSettings')}
      </button>
    </section>
  );
}
