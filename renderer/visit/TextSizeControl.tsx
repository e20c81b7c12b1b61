/**
 * The top bar's text-size button: three steps (normal, large, largest) for the whole interface, each
 * shown with a letter at its size. The choice is the visit's, so the next visitor starts at normal.
 */
import { useState } from 'react';
import { ChoiceDialog } from '../components/ChoiceDialog.tsx';
import { TextSizeIcon } from '../components/icons.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { textScale, textSizes, type TextSize } from './text-size.ts';
import { useVisit } from './visit.tsx';

export function TextSizeControl() {
  const { t } = useI18n();
  const { textSize, setTextSize } = useVisit();
  const [open, setOpen] = useState(false);
  const choose = (size: TextSize) => {
    setTextSize(size);
    setOpen(false);
  };
  return (
    <>
      <button
        type="button"
        className="button text-size-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
        data-testid="text-size"
      >
        <TextSizeIcon />
        <span className="label">{t('textSize.button')}</span>
      </button>
      {open && (
        <ChoiceDialog
          title={t('textSize.title')}
          onClose={() => setOpen(false)}
          className="text-size-dialog"
          testId="text-size-dialog"
        >
          {textSizes.map((size) => (
            <button
              key={size}
              type="button"
              className="button text-size-option"
              aria-pressed={size === textSize}
              onClick={() => choose(size)}
              data-size={size}
            >
              {/* The sample at the step's size, whatever the size on screen now. */}
              <span
                className="text-size-sample"
                aria-hidden="true"
                style={{ fontSize: `${(1.3 * textScale(size)) / textScale(textSize)}rem` }}
              >
                {t('textSize.sample')}
              </span>
              <span className="label">{t(`textSize.${size}`)}</span>
            </button>
          ))}
        </ChoiceDialog>
      )}
    </>
  );
}
