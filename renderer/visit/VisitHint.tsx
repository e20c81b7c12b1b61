/**
 * A tip shown once in a visit (how to turn the reader's pages, that shelves scroll sideways): a card with
 * an icon, a sentence and a big "Got it". It counts as shown as soon as it appears, so a visitor who walks
 * on without dismissing it is not shown it again; the next visit, which forgets everything, shows it anew.
 * `done` hides it early, once the visitor has done what it explains.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { useVisit, type VisitHint as Hint } from './visit.tsx';

export function VisitHint({
  hint,
  text,
  icon,
  done = false,
  className,
}: {
  hint: Hint;
  text: MessageKey;
  icon: ReactNode;
  done?: boolean;
  /** Where the card sits: the screen's own class for it. */
  className?: string;
}) {
  const { t } = useI18n();
  const { hintsShown, hintShown } = useVisit();
  // Decided once, when the screen opens: the visit's record changes as soon as the card is up.
  const [open, setOpen] = useState(() => !hintsShown.has(hint));
  const id = useId();
  useEffect(() => {
    if (open) hintShown(hint);
  }, [open, hint, hintShown]);
  if (!open || done) return null;
  return (
    <aside
      className={className ? `visit-hint ${className}` : 'visit-hint'}
      aria-labelledby={`${id}-text`}
      data-testid={`hint-${hint}`}
    >
      <span className="visit-hint-icon" aria-hidden="true">
        {icon}
      </span>
      <p id={`${id}-text`} className="visit-hint-text">
        {t(text)}
      </p>
      <button type="button" className="button primary big visit-hint-dismiss" onClick={() => setOpen(false)}>
        {t('hint.dismiss')}
      </button>
    </aside>
  );
}
