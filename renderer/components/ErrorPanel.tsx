/** Says what went wrong in the visitor's language and offers to try again. */
import type { ErrorCode } from '../../preload/contract/envelope.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function ErrorPanel({ code, onRetry }: { code: ErrorCode; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="error-panel" role="alert">
      <h2>{t('error.title')}</h2>
      <p>{t(`error.${code}`)}</p>
      <button type="button" className="button primary" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
