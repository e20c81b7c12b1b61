/**
 * A challenge question's clock: a bar that shrinks as the time runs out, drawn each frame without React, and
 * the whole seconds left, which change once a second, for reading and for screen readers.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export function TimerBar({ deadline, limitMs }: { deadline: number; limitMs: number }) {
  const { t } = useI18n();
  const bar = useRef<HTMLDivElement>(null);
  const left = () => Math.max(0, deadline - performance.now());
  const [seconds, setSeconds] = useState(() => Math.ceil(left() / 1000));
  useEffect(() => {
    let frame = requestAnimationFrame(function draw() {
      const remaining = Math.max(0, deadline - performance.now());
      bar.current?.style.setProperty('--left', String(remaining / limitMs));
      setSeconds(Math.ceil(remaining / 1000));
      if (remaining > 0) frame = requestAnimationFrame(draw);
    });
    return () => cancelAnimationFrame(frame);
  }, [deadline, limitMs]);
  return (
    <div className="quiz-timer" data-testid="quiz-timer" data-seconds={seconds}>
      <div className="quiz-timer-track" aria-hidden="true">
        <div ref={bar} className={seconds <= 5 ? 'quiz-timer-bar short' : 'quiz-timer-bar'} />
      </div>
      <span className="quiz-timer-seconds number" role="timer" aria-label={t('quiz.timeLeft')}>
        {seconds}
      </span>
    </div>
  );
}
