/** Staff mode's first screen: what staff can do here, as large tiles, and the way out. */
import './staff.css';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { kiosk } from '../kiosk.ts';
import { useVisit } from '../visit/visit.tsx';
import { useStaffCall } from './use-staff-call.ts';

export function StaffHomeScreen() {
  const { t } = useI18n();
  const { go, end } = useVisit();
  const call = useStaffCall();
  const [closing, setClosing] = useState<'asking' | 'closed' | 'cannot' | undefined>();
  const close = () => {
    call('staff.exitKiosk', {}).then(
      () => setClosing('closed'),
      () => setClosing('cannot'),
    );
  };
  const leave = () => {
    void kiosk.call('staff.signOut', {}).finally(end);
  };
  return (
    <main className="staff staff-home" data-testid="staff-home">
      <h1>{t('staff.title')}</h1>
      <div className="staff-tiles">
        <button type="button" className="staff-tile" onClick={() => go({ name: 'staff-import' })}>
          <span className="staff-tile-title">{t('staff.import.title')}</span>
          <span className="staff-tile-hint">{t('staff.import.hint')}</span>
        </button>
        <button type="button" className="staff-tile" onClick={() => go({ name: 'staff-collection' })}>
          <span className="staff-tile-title">{t('staff.collection.title')}</span>
          <span className="staff-tile-hint">{t('staff.collection.hint')}</span>
        </button>
        <button type="button" className="staff-tile" onClick={() => go({ name: 'staff-settings' })}>
          <span className="staff-tile-title">{t('staff.settings.title')}</span>
          <span className="staff-tile-hint">{t('staff.settings.hint')}</span>
        </button>
        <button type="button" className="staff-tile" onClick={() => go({ name: 'staff-contests' })}>
          <span className="staff-tile-title">{t('staff.contests.title')}</span>
          <span className="staff-tile-hint">{t('staff.contests.hint')}</span>
        </button>
        <button type="button" className="staff-tile" onClick={() => go({ name: 'staff-stats' })}>
          <span className="staff-tile-title">{t('staff.stats.title')}</span>
          <span className="staff-tile-hint">{t('staff.stats.hint')}</span>
        </button>
        <button type="button" className="staff-tile" onClick={() => go({ name: 'staff-updates' })}>
          <span className="staff-tile-title">{t('updates.title')}</span>
          <span className="staff-tile-hint">{t('updates.hint')}</span>
        </button>
        <button type="button" className="staff-tile" onClick={() => go({ name: 'staff-log' })}>
          <span className="staff-tile-title">{t('staff.log.title')}</span>
          <span className="staff-tile-hint">{t('staff.log.hint')}</span>
        </button>
      </div>
      <div className="staff-actions">
        <button type="button" className="button primary big" onClick={leave} data-testid="staff-leave">
          {t('staff.leave')}
        </button>
        <button type="button" className="button big" onClick={() => setClosing('asking')}>
          {t('staff.exit.button')}
        </button>
      </div>
      {closing === 'cannot' && (
        <p className="staff-outcome failed" role="alert">
          {t('staff.exit.cannot')}
        </p>
      )}
      {closing === 'closed' && (
        <p className="staff-outcome done" role="status">
          {t('staff.exit.closing')}
        </p>
      )}
      {closing === 'asking' && <ConfirmExit onYes={close} onNo={() => setClosing(undefined)} />}
    </main>
  );
}

function ConfirmExit({ onYes, onNo }: { onYes: () => void; onNo: () => void }) {
  const { t } = useI18n();
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => stay.current?.focus(), []);
  return (
    <div className="overlay" onKeyDown={(event) => event.key === 'Escape' && onNo()}>
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="exit-title"
        aria-describedby="exit-text"
      >
        <h2 id="exit-title">{t('staff.exit.confirmTitle')}</h2>
        <p id="exit-text">{t('staff.exit.confirmBody')}</p>
        <button ref={stay} type="button" className="button big" onClick={onNo}>
          {t('staff.exit.stay')}
        </button>
        <button type="button" className="button primary big" onClick={onYes}>
          {t('staff.exit.now')}
        </button>
      </div>
    </div>
  );
}
