/**
 * Watches for a visitor walking away: any touch, key or wheel keeps the visit alive; after the
 * venue's idle time a countdown asks whether anyone is still there, and then the visit ends.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
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
  const [phase, setPhase] = useState<IdlePhase>({ state: 'active' });

  useEffect(() => {
    const noteInput = () => {
      lastInput.current = performance.now();
      setPhase({ state: 'active' });
    };
    noteInput();
    activityRef.current = noteInput;
    for (const name of inputEvents) window.addEventListener(name, noteInput, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      const next = idlePhase(performance.now() - lastInput.current, idleSeconds);
      if (next.state === 'over') onIdle();
      else setPhase((current) => (samePhase(current, next) ? current : next));
    }, 250);
    return () => {
      window.clearInterval(timer);
      for (const name of inputEvents) window.removeEventListener(name, noteInput, { capture: true });
      activityRef.current = () => undefined;
    };
  }, [idleSeconds, onIdle, activityRef]);

  return phase.state === 'warning' ? <IdleCountdown secondsLeft={phase.secondsLeft} /> : null;
}

function samePhase(a: IdlePhase, b: IdlePhase): boolean {
  return a.state === b.state && (a.state !== 'warning' || b.state !== 'warning' || a.secondsLeft === b.secondsLeft);
}

function IdleCountdown({ secondsLeft }: { secondsLeft: number }) {
  const { t } = useI18n();
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => stay.current?.focus(), []);
  return (
    <div className="overlay idle-overlay" data-testid="idle-countdown">
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
        {/* Any touch counts as input; the button gives that touch an obvious place to land. */}
        <button ref={stay} type="button" className="button primary big">
          {t('idle.stay')}
        </button>
      </div>
    </div>
  );
}
