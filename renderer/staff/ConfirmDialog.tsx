/**
 * The question staff answer before something that cannot be undone (remove a pack or a contest, close the
 * kiosk). The safe answer is first and has the focus, so a stray Enter or a second tap keeps things as they
 * are; Escape says no too.
 */
import { useEffect, useId, useRef } from 'react';

export interface ConfirmDialogProps {
  title: string;
  body: string;
  /** The words of the safe answer (keep, stay). */
  no: string;
  /** The words of the answer that acts. */
  yes: string;
  onYes: () => void;
  onNo: () => void;
  /** For tests to find the answer that acts. */
  yesTestId?: string;
}

export function ConfirmDialog({ title, body, no, yes, onYes, onNo, yesTestId }: ConfirmDialogProps) {
  const safe = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => safe.current?.focus(), []);
  return (
    <div className="overlay" onKeyDown={(event) => event.key === 'Escape' && onNo()}>
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-text`}>{body}</p>
        <button ref={safe} type="button" className="button big" onClick={onNo}>
          {no}
        </button>
        <button type="button" className="button primary big" onClick={onYes} data-testid={yesTestId}>
          {yes}
        </button>
      </div>
    </div>
  );
}
