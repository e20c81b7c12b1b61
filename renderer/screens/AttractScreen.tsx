/** The screen a passer-by sees: the room's name, an invitation, and a touch anywhere starts a visit. */
import { useI18n } from '../i18n/i18n.tsx';
import { useVisit } from '../visit/visit.tsx';

export function AttractScreen() {
  const { t } = useI18n();
  const { go } = useVisit();
  return (
    <button type="button" className="attract" onClick={() => go({ name: 'home' })} data-testid="attract">
      <span className="attract-title">{t('app.name')}</span>
      <span className="attract-tagline">{t('attract.tagline')}</span>
      <span className="attract-cta">{t('attract.touchToStart')}</span>
    </button>
  );
}
