/**
 * Usage at a glance for staff: how many visits, items opened and hours of reading over a span, visits and
 * items per day, reading by subject, the most used items and the quizzes — as charts, since staff would
 * rather look than read. Loaded only when staff open it (see `screens.ts`), so visitors never download the charts.
 */
import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { UsageSummary } from '../../preload/contract/stats.ts';
import { KioskError } from '../../preload/contract/client.ts';
import type { ErrorCode } from '../../preload/contract/envelope.ts';
import { useKioskCall } from '../components/use-kiosk-call.ts';
import { isVerticalLocale, useI18n } from '../i18n/i18n.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { QuizStatistics } from './QuizStatistics.tsx';
import { StaffErrorPanel } from './StaffErrorPanel.tsx';
import './staff.css';
import { useStaffCall } from './use-staff-call.ts';

const spans = [7, 30, 90] as const;
const ink = '#1f2a2e';
const accent = '#1d6b5c';
const warm = '#c98a1a';

export function StatisticsScreen() {
  const { t } = useI18n();
  const call = useStaffCall();
  const [days, setDays] = useState<(typeof spans)[number]>(30);
  const [loads, setLoads] = useState(0);
  const [usage, setUsage] = useState<UsageSummary | { failed: ErrorCode } | undefined>();
  useEffect(() => {
    call('staff.usage', { days }).then(setUsage, (error: unknown) =>
      setUsage({ failed: error instanceof KioskError ? error.code : 'internal' }),
    );
  }, [call, days, loads]);
  return (
    <main className="staff staff-stats" aria-busy={usage === undefined}>
      <h1>{t('staff.stats.title')}</h1>
      <div className="chip-row" role="group" aria-label={t('staff.stats.span')}>
        {spans.map((span) => (
          <button key={span} type="button" className="chip" aria-pressed={span === days} onClick={() => setDays(span)}>
            {t('staff.stats.lastDays', { days: span })}
          </button>
        ))}
      </div>
      {usage && 'failed' in usage && <StaffErrorPanel code={usage.failed} onRetry={() => setLoads((n) => n + 1)} />}
      {usage && 'days' in usage && <Charts usage={usage} />}
      <QuizStatistics days={days} />
      <ExportPanel />
    </main>
  );
}

function Charts({ usage }: { usage: UsageSummary }) {
  const { t, locale } = useI18n();
  // Every subject, hidden ones too: a subject staff hid still has its reading hours, under its name.
  const subjects = useKioskCall('staff.settingChoices', { locale });
  const names = new Map(subjects.status === 'done' ? subjects.value.subjects.map((s) => [s.id, s.name]) : []);
  const total = (pick: (day: UsageSummary['days'][number]) => number) =>
    usage.days.reduce((sum, day) => sum + pick(day), 0);
  const hours = (seconds: number) => Math.round((seconds / 3600) * 10) / 10;
  const dayLabel = new Intl.DateTimeFormat(locale.startsWith('mn') ? 'mn' : locale, { month: 'short', day: 'numeric' });
  const perDay = usage.days.map((day) => ({
    label: dayLabel.format(new Date(`${day.day}T12:00:00Z`)),
    visits: day.visits,
    opens: day.opens,
  }));
  const bySubject = usage.subjects.map((subject) => ({
    label: names.get(subject.subject) ?? subject.subject,
    hours: hours(subject.readingSeconds),
  }));
  const vertical = isVerticalLocale(locale);
  if (usage.days.length === 0) return <p className="quiet">{t('staff.stats.none')}</p>;
  return (
    <>
      <div className="staff-figures">
        <Figure value={total((day) => day.visits)} label={t('staff.stats.visits')} />
        <Figure value={total((day) => day.opens)} label={t('staff.stats.opens')} />
        <Figure value={hours(total((day) => day.readingSeconds + day.videoSeconds))} label={t('staff.stats.hours')} />
        <Figure value={total((day) => day.searches)} label={t('staff.stats.searches')} />
      </div>
      <section className="staff-chart" data-testid="chart-per-day">
        <h2>{t('staff.stats.perDay')}</h2>
        <BarChart responsive data={perDay} style={{ width: '100%', height: 320 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fill: ink, fontSize: 14 }} />
          <YAxis allowDecimals={false} tick={{ fill: ink, fontSize: 14 }} width={48} />
          <Tooltip />
          <Legend />
          <Bar dataKey="visits" name={t('staff.stats.visits')} fill={accent} isAnimationActive={false} />
          <Bar dataKey="opens" name={t('staff.stats.opens')} fill={warm} isAnimationActive={false} />
        </BarChart>
      </section>
      {bySubject.length > 0 && (
        <section className="staff-chart" data-testid="chart-by-subject">
          <h2>{t('staff.stats.bySubject')}</h2>
          <BarChart
            responsive
            data={bySubject}
            layout={vertical ? 'horizontal' : 'vertical'}
            style={{ width: '100%', height: vertical ? 360 : Math.max(160, bySubject.length * 48) }}
            accessibilityLayer
          >
            <CartesianGrid strokeDasharray="3 3" />
            {vertical ? (
              <>
                {/* Traditional Mongolian names stand in columns under their bars. */}
                <XAxis dataKey="label" type="category" height={140} interval={0} tick={<ColumnTick />} />
                <YAxis type="number" tick={{ fill: ink, fontSize: 14 }} width={48} />
              </>
            ) : (
              <>
                <XAxis type="number" tick={{ fill: ink, fontSize: 14 }} />
                <YAxis dataKey="label" type="category" width={180} tick={{ fill: ink, fontSize: 15 }} />
              </>
            )}
            <Tooltip />
            <Bar dataKey="hours" name={t('staff.stats.hours')} fill={accent} isAnimationActive={false} />
          </BarChart>
        </section>
      )}
      {usage.topItems.length > 0 && (
        <section className="staff-chart">
          <h2>{t('staff.stats.topItems')}</h2>
          <ol className="staff-top-items" data-testid="top-items">
            {usage.topItems.map((item) => (
              <li key={item.itemId}>
                <span className="staff-top-title">{item.itemTitle || item.itemId}</span>
                <span
                  className="staff-top-bar"
                  style={{ inlineSize: `${(item.opens / Math.max(1, usage.topItems[0]!.opens)) * 100}%` }}
                  aria-hidden="true"
                />
                <span className="staff-top-count">{t('staff.stats.opened', { count: item.opens })}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
      {usage.searchWords.length > 0 && (
        <section className="staff-chart">
          <h2>{t('staff.stats.searchWords')}</h2>
          <ol className="staff-top-items" data-testid="search-words">
            {usage.searchWords.map((entry) => (
              <li key={entry.words}>
                <span className="staff-top-title">{entry.words}</span>
                <span
                  className="staff-top-bar"
                  style={{ inlineSize: `${(entry.searches / Math.max(1, usage.searchWords[0]!.searches)) * 100}%` }}
                  aria-hidden="true"
                />
                <span className="staff-top-count">{t('staff.stats.searched', { count: entry.searches })}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

function Figure({ value, label }: { value: number; label: string }) {
  return (
    <div className="staff-figure">
      <strong>{value}</strong>
      <span>{label}</span>
    </div>
  );
}

function ColumnTick({ x, y, payload }: { x?: number; y?: number; payload?: { value: string } }) {
  return (
    <text x={x} y={(y ?? 0) + 8} fill={ink} fontSize={15} writingMode="vertical-lr" lang="mn-Mong">
      {payload?.value}
    </text>
  );
}
