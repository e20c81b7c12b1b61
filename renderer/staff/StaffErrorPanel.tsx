/** A staff screen's failure: a lapsed session (`forbidden`) leads back to the PIN pad; anything else is the usual error with a retry. */
import type { ErrorCode } from '../../preload/contract/envelope.ts';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useVisit } from '../visit/visit.tsx';

export function StaffErrorPanel({ code, onRetry }: { code: ErrorCode; onRetry: () => void }) {
  const { t } = useI18n();
  const { go } = useVisit();
  if (code !== 'forbidden') return <ErrorPanel code={code} onRetry={onRetry} />;
  return (
    <div className="error-panel" role="alert">
      <p>{t('staff.lapsed')}</p>
      <button type="button" className="button primary" onClick={() => go({ name: 'staff-sign-in' })}>
        {t('staff.pin.again')}
      </button>
    </div>
  );
}
