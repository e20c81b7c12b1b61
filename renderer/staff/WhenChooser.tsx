/**
 * A moment chosen by touch: a row of day chips and the hour with a button either side. No field to type in,
 * since the kiosk has no keyboard; an hour past midnight moves the day chip along.
 */
import { useI18n } from '../i18n/i18n.tsx';
import { dayForLabel, fromDayHour, stepHour, withDay, type DayHour } from './contest-time.ts';

export function WhenChooser({
  title,
  value,
  days,
  onChange,
  testId,
}: {
  title: string;
  value: DayHour;
  days: readonly string[];
  onChange: (value: DayHour) => void;
  testId: string;
}) {
  const { t, locale } = useI18n();
  const intlLocale = locale.startsWith('mn') ? 'mn' : locale;
  const dayLabel = new Intl.DateTimeFormat(intlLocale, { weekday: 'short', month: 'short', day: 'numeric' });
  const hourLabel = new Intl.DateTimeFormat(intlLocale, { hour: 'numeric', minute: '2-digit' });
  const hour = hourLabel.format(new Date(fromDayHour(value)));
  return (
    <section className="staff-setting" role="group" aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      <div className="chip-row" role="group" aria-label={t('staff.contests.day')}>
        {days.map((day) => (
          <button
            key={day}
            type="button"
            className="chip"
            aria-pressed={day === value.day}
            onClick={() => onChange(withDay(value, day))}
          >
            {dayLabel.format(dayForLabel(day))}
          </button>
        ))}
      </div>
      <div className="staff-stepper">
        <button
          type="button"
          className="button big"
          aria-label={t('staff.contests.hourEarlier', { title })}
          onClick={() => onChange(stepHour(value, -1))}
        >
          −
        </button>
        <output className="staff-stepper-value" aria-live="polite" data-testid={`${testId}-hour`}>
          {hour}
        </output>
        <button
          type="button"
          className="button big"
          aria-label={t('staff.contests.hourLater', { title })}
          onClick={() => onChange(stepHour(value, 1))}
        >
          +
        </button>
      </div>
    </section>
  );
}
