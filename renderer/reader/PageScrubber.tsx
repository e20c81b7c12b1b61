/**
 * A slider over the whole document, so page 2,000 of 2,415 is one slide away instead of hundreds of
 * flings along the page strip. While the finger moves it shows the page it would open; the page is
 * opened when the finger lifts (drawing every page passed on the way would only slow the slide).
 */
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export function PageScrubber({
  pageCount,
  value,
  onPreview,
  onGo,
}: {
  pageCount: number;
  /** The page the slider points at: the one on screen, or the one a slide is passing over. */
  value: number;
  onPreview(page: number): void;
  onGo(page: number): void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLInputElement>(null);
  const latestGo = useRef(onGo);
  useEffect(() => {
    latestGo.current = onGo;
  });
  // React's onChange is the input event; the native change event comes once, when the slide ends.
  useEffect(() => {
    const input = ref.current!;
    const commit = () => latestGo.current(Number(input.value));
    input.addEventListener('change', commit);
    return () => input.removeEventListener('change', commit);
  }, []);
  return (
    <div className="reader-scrubber">
      <input
        ref={ref}
        type="range"
        min={1}
        max={pageCount}
        step={1}
        value={value}
        aria-label={t('reader.scrubber')}
        aria-valuetext={t('reader.scrubber.page', { page: value, count: pageCount })}
        data-testid="reader-scrubber"
        onChange={(event) => onPreview(Number(event.target.value))}
      />
      <output className="reader-scrubber-page" data-testid="reader-scrubber-page">
        {t('reader.scrubber.page', { page: value, count: pageCount })}
      </output>
    </div>
  );
}
