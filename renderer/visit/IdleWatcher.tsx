/**
 * Watches for a visitor walking away: any touch, key or wheel keeps the visit alive; after the
 * venue's idle time a countdown asks whether anyone is still there, and then the visit ends.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { isVerticalLocale, useI18n } from '../i18n/i18n.tsx';
import { idlePhase, type IdlePhase } from './idle-clock.ts';

const inputEvents = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function IdleWatcher({
  idleSeconds,
  onIdle,
  activityRef,
}: {
  idleSeconds: number;
  onIdle: () => void;
  activityRef: RefObject<() => void>;
}) {
  const lastInput = useRef(0);
  const warning = useRef(false);
  const [phase, setPhase] = useState<IdlePhase>({ state: 'active' });

  const stayAwake = useCallback(() => {
    lastInput.current = performance.now();
    warning.current = false;
    setPhase({ state: 'active' });
  }, []);

  useEffect(() => {
    // While the countdown shows, a touch is the countdown's to answer: were the overlay to vanish
    // on pointerdown, the same touch would land on whatever lies beneath it.
    const noteInput = () => {
      if (!warning.current) lastInput.current = performance.now();
    };
    lastInput.current = performance.now();
    activityRef.current = stayAwake;
    for (const name of inputEvents) window.addEventListener(name, noteInput, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      const next = idlePhase(performance.now() - lastInput.current, idleSeconds);
      if (next.state === 'over') return onIdle();
      warning.current = next.state === 'warning';
      setPhase((current) => (samePhase(current, next) ? current : next));
    }, 250);
    return () => {
      window.clearInterval(timer);
      for (const name of inputEvents) window.removeEventListener(name, noteInput, { capture: true });
      activityRef.current = () => undefined;
    };
  }, [idleSeconds, onIdle, activityRef, stayAwake]);

  return phase.state === 'warning' ? <IdleCountdown secondsLeft={phase.secondsLeft} onStay={stayAwake} /> : null;
}

function samePhase(a: IdlePhase, b: IdlePhase): boolean {
  return a.state === b.state && (a.state !== 'warning' || b.state !== 'warning' || a.secondsLeft === b.secondsLeft);
}

function IdleCountdown({ secondsLeft, onStay }: { secondsLeft: number; onStay: () => void }) {
  const { t, locale } = useI18n();
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => stay.current?.focus(), []);
  return (
    // Any touch on the dimmed screen answers "still here"; the button gives it an obvious place to land.
    <div
      // Drawn over the screen, outside it: it carries the visitor's language and its direction itself.
      className={isVerticalLocale(locale) ? 'overlay idle-overlay vertical' : 'overlay idle-overlay'}
      lang={locale}
      data-testid="idle-countdown"
      onClick={onStay}
      onKeyDown={(event) => event.key === 'Escape' && onStay()}
    >
      <div
        className="idle-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-text"
      >
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p id="idle-text">{t('idle.body', { seconds: secondsLeft })}</p>
        <div className="idle-count" aria-hidden="true">
          {secondsLeft}
        </div>
        <button ref={stay} type="button" className="button primary big">
          {t('idle.stay')}
        </button>
      </div>
    </div>
  );
}
