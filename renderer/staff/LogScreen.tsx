/**
 * The kiosk's log for staff: newest first, each entry's time in the screen's language, how serious it
 * is, and for an import failure the same words the import screen used; the technical detail folds out
 * for the centre.
 */
import type { LogEntry } from '../../preload/contract/log.ts';
import { ImportFailureCode } from '../../preload/contract/packs.ts';
import { useKioskCall } from '../components/use-kiosk-call.ts';
import './staff.css';
import { useI18n } from '../i18n/i18n.tsx';
import { StaffErrorPanel } from './StaffErrorPanel.tsx';

const shown = 200;

export function LogScreen() {
  const { t } = useI18n();
  const log = useKioskCall('staff.log', { limit: shown });
  return (
    <main className="staff staff-log" aria-busy={log.status === 'loading'}>
      <h1>{t('staff.log.title')}</h1>
      {log.status === 'failed' && <StaffErrorPanel code={log.code} onRetry={log.retry} />}
      {log.status === 'done' && log.value.entries.length === 0 && <p className="quiet">{t('staff.log.empty')}</p>}
      {log.status === 'done' && (
        <ol className="staff-log-entries">
          {log.value.entries.map((entry, index) => (
            <LogLine key={`${entry.at}-${index}`} entry={entry} />
          ))}
        </ol>
      )}
    </main>
  );
}

function LogLine({ entry }: { entry: LogEntry }) {
  const { t, locale } = useI18n();
  const code = ImportFailureCode.safeParse(entry.code);
  const when = new Intl.DateTimeFormat(locale.startsWith('mn') ? 'mn' : locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(entry.at));
  return (
    <li className={`staff-log-entry ${entry.level}`} data-testid="log-entry">
      <span className="staff-log-when">
        <time dateTime={entry.at}>{when}</time> · {t(`staff.log.level.${entry.level}`)}
      </span>
      {code.success && (
        <p className="staff-log-words">
          {t(`packs.error.${code.data}`, { needed: '—', free: '—', item: '—', owner: '—' })}
        </p>
      )}
      <p className="staff-log-message">{entry.message}</p>
      {entry.detail && (
        <details>
          <summary>{t('staff.log.detail')}</summary>
          <pre>{entry.detail}</pre>
        </details>
      )}
    </li>
  );
}
