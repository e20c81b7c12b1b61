/** How far into the document the page on screen is: a bar along the foot of the page, filled to the page. */
import { useI18n } from '../i18n/i18n.tsx';
import { readingProgress } from './reading-progress.ts';

export function ReaderProgress({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useI18n();
  const percent = readingProgress(page, pageCount);
  return (
    <div
      className="reader-progress"
      role="progressbar"
      aria-label={t('reader.progress')}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={t('reader.page', { page, count: pageCount })}
      data-testid="reader-progress"
    >
      <div className="reader-progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
