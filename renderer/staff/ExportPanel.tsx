/**
 * Sending usage to the centre: this kiosk's venue id and key fingerprint (which the centre registers
 * once), the sticks inserted now, and one button per stick that writes the signed export onto it.
 */
import { useEffect, useState } from 'react';
import type { CallResponse } from '../../preload/contract/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useStaffCall } from './use-staff-call.ts';

type Sticks = CallResponse<'staff.exportSticks'>['sticks'];
type Outcome = CallResponse<'staff.exportStats'>;

export function ExportPanel() {
  const { t } = useI18n();
  const call = useStaffCall();
  const [identity, setIdentity] = useState<CallResponse<'staff.identity'> | undefined>();
  const [sticks, setSticks] = useState<Sticks | undefined>();
  const [looks, setLooks] = useState(0);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  useEffect(() => {
    call('staff.identity', {}).then(setIdentity, () => undefined);
  }, [call]);
  useEffect(() => {
    call('staff.exportSticks', {}).then(
      (answer) => setSticks(answer.sticks),
      () => setSticks([]),
    );
  }, [call, looks]);
  const send = async (handle: string) => {
    setBusy(true);
    try {
      setOutcome(await call('staff.exportStats', { stick: handle }));
    } catch {
      setOutcome({ ok: false, reason: 'write-failed', detail: '' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="staff-chart staff-export" data-testid="export-panel">
      <h2>{t('staff.export.title')}</h2>
      {identity && (
        <p>
          {t('staff.export.venue', { venue: identity.venueId })}
          <br />
          <span className="staff-fingerprint" data-testid="fingerprint">
            {identity.fingerprint.match(/.{1,8}/g)!.join(' ')}
          </span>
        </p>
      )}
      {sticks?.length === 0 && <p className="quiet">{t('staff.export.noStick')}</p>}
      <ul className="staff-packs">
        {sticks?.map((stick) => (
          <li key={stick.handle} className="staff-pack">
            <span className="staff-pack-where">{stick.location}</span>
            <button
              type="button"
              className="button primary big"
              disabled={busy}
              onClick={() => void send(stick.handle)}
            >
              {t('staff.export.send')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={() => setLooks((n) => n + 1)}>
        {t('staff.import.checkAgain')}
      </button>
      {outcome && (
        <p
          className={outcome.ok ? 'staff-outcome done' : 'staff-outcome failed'}
          role={outcome.ok ? 'status' : 'alert'}
          data-testid="export-outcome"
        >
          {outcome.ok
            ? t('staff.export.sent', { sequence: outcome.sequence, from: outcome.fromDay, to: outcome.toDay })
            : t(`staff.export.${outcome.reason}`)}
        </p>
      )}
    </section>
  );
}
