/** A number pad for the staff PIN: big keys, the digits shown as dots, no keyboard needed. */
import { useI18n } from '../i18n/i18n.tsx';

export const pinLength = { min: 6, max: 12 } as const;

export function PinPad({
  value,
  onChange,
  onSubmit,
  disabled = false,
}: {
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const press = (digit: string) => {
    if (value.length < pinLength.max) onChange(value + digit);
  };
  return (
    <div className="pin-pad">
      <output className="pin-dots" aria-label={t('staff.pin.entered', { count: value.length })} data-testid="pin-dots">
        {Array.from({ length: Math.max(pinLength.min, value.length) }, (_, index) => (
          <span key={index} className={index < value.length ? 'pin-dot filled' : 'pin-dot'} />
        ))}
      </output>
      <div className="pin-keys">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit) => (
          <button key={digit} type="button" className="button pin-key" disabled={disabled} onClick={() => press(digit)}>
            {digit}
          </button>
        ))}
        <button
          type="button"
          className="button pin-key"
          disabled={disabled || value.length === 0}
          onClick={() => onChange(value.slice(0, -1))}
          aria-label={t('staff.pin.delete')}
        >
          ⌫
        </button>
        <button type="button" className="button pin-key" disabled={disabled} onClick={() => press('0')}>
          0
        </button>
        <button
          type="button"
          className="button primary pin-key"
          disabled={disabled || value.length < pinLength.min}
          onClick={onSubmit}
        >
          {t('staff.pin.ok')}
        </button>
      </div>
    </div>
  );
}
