/**
 * What the visitor sees while the kiosk service is away (its server restarting): a calm word that it
 * comes back by itself, in the visitor's language, and nothing to press. It goes when the service is back.
 */
import { isVerticalLocale, useI18n } from '../i18n/i18n.tsx';
import { useHostConnection } from './host-connection.ts';

export function Reconnecting() {
  const { t, locale } = useI18n();
  const { reconnecting } = useHostConnection();
  if (!reconnecting) return null;
  return (
    // Drawn over the screen, outside it: it carries the visitor's language and its direction itself.
    <div
      className={isVerticalLocale(locale) ? 'overlay reconnecting-overlay vertical' : 'overlay reconnecting-overlay'}
      lang={locale}
      data-testid="reconnecting"
    >
      <div className="dialog" role="status" aria-live="polite">
        <h2>{t('connection.title')}</h2>
        <p>{t('connection.body')}</p>
        <div className="reconnecting-spinner" aria-hidden="true" />
      </div>
    </div>
  );
}
