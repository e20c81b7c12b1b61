/** Staff mode's first screen: what staff can do here, as large tiles, and the way out. */
import './staff.css';
import { useI18n } from '../i18n/i18n.tsx';
import { kiosk } from '../kiosk.ts';
import { useVisit } from '../visit/visit.tsx';

export function StaffHomeScreen() {
  const { t } = useI18n();
  const { go, end } = useVisit();
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
        <button type="button" className="staff-tile" onClick={() => go({ name: 'staff-stats' })}>
          <span className="staff-tile-title">{t('staff.stats.title')}</span>
          <span className="staff-tile-hint">{t('staff.stats.hint')}</span>
        </button>
        <button type="button" className="staff-tile" onClick={() => go({ name: 'staff-log' })}>
          <span className="staff-tile-title">{t('staff.log.title')}</span>
          <span className="staff-tile-hint">{t('staff.log.hint')}</span>
        </button>
      </div>
      <button type="button" className="button big" onClick={leave} data-testid="staff-leave">
        {t('staff.leave')}
      </button>
    </main>
  );
}
