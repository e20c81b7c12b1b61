/**
 * A small dialog of big choices over the screen (the text size, the reader's languages): tapping a choice
 * acts and closes it; a tap beside it, Close or Escape closes it without a change.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export function ChoiceDialog({
  title,
  onClose,
  className,
  testId,
  children,
}: {
  title: string;
  onClose: () => void;
  /** Added to the dialog's own class, for a layout of its choices. */
  className?: string;
  testId?: string;
  /** The choices: buttons, each of which closes the dialog itself. */
  children: ReactNode;
}) {
  const { t } = useI18n();
  const id = useId();
  const first = useRef<HTMLDivElement>(null);
  // The chosen option (or the first) takes the focus, so a keyboard user starts among the choices.
  useEffect(() => {
    const choices = first.current;
    (choices?.querySelector<HTMLElement>('[aria-pressed="true"]') ?? choices?.querySelector('button'))?.focus();
  }, []);
  return (
    <div
      className="overlay choice-overlay"
      onClick={(event) => event.target === event.currentTarget && onClose()}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <div
        className={className ? `dialog choice-dialog ${className}` : 'dialog choice-dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        data-testid={testId}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <div className="choice-options" ref={first}>
          {children}
        </div>
        <button type="button" className="button big choice-close" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}
