/**
 * The venue's settings: its name (typed on the on-screen keyboard), the language visits start in, how
 * long an unattended visit lasts and how long an arrival counts as new — each a row of big choices
 * rather than a field to type into. Saved together; the next visit takes them up.
 */
import { useEffect, useState } from 'react';
import type { VenueSettings } from '../../preload/contract/settings.ts';
import { locales, type Locale } from '../../preload/contract/schemas.ts';
import { KioskError } from '../../preload/contract/client.ts';
import type { ErrorCode } from '../../preload/contract/envelope.ts';
import { localeNames, useI18n } from '../i18n/i18n.tsx';
import { defaultInputMethod } from '../keyboard/input-methods.ts';
import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard.tsx';
import { emptyEntry, entryText, type TextEntry } from '../keyboard/text-entry.ts';
import { StaffErrorPanel } from './StaffErrorPanel.tsx';
import './staff.css';
import { useStaffCall } from './use-staff-call.ts';

const idleChoices = [60, 120, 180, 300, 600] as const;
const newChoices = [7, 14, 30, 60, 90] as const;
const maxVenueName = 80;

export function SettingsScreen({ firstRun = false }: { firstRun?: boolean }) {
  const { t } = useI18n();
  const call = useStaffCall();
  const [loads, setLoads] = useState(0);
  const [loaded, setLoaded] = useState<VenueSettings | { failed: ErrorCode } | undefined>();
  useEffect(() => {
    call('staff.settings', {}).then(setLoaded, (error: unknown) =>
      setLoaded({ failed: error instanceof KioskError ? error.code : 'internal' }),
    );
  }, [call, loads]);
  return (
    <main className="staff staff-settings" aria-busy={loaded === undefined}>
      <h1>{t('staff.settings.title')}</h1>
      {firstRun && <p className="notice">{t('staff.settings.firstRun')}</p>}
      {loaded && 'failed' in loaded && <StaffErrorPanel code={loaded.failed} onRetry={() => setLoads((n) => n + 1)} />}
      {loaded && !('failed' in loaded) && <SettingsForm initial={loaded} />}
    </main>
  );
}

function SettingsForm({ initial }: { initial: VenueSettings }) {
  const { t, locale } = useI18n();
  const call = useStaffCall();
  const [settings, setSettings] = useState(initial);
  const [name, setName] = useState<TextEntry>(() => ({
    ...emptyEntry(defaultInputMethod(locale)),
    keys: [...initial.venueName],
  }));
  const [saved, setSaved] = useState<'saved' | 'failed' | undefined>();
  const venueName = entryText(name).slice(0, maxVenueName);
  const change = (next: Partial<VenueSettings>) => {
    setSettings((current) => ({ ...current, ...next }));
    setSaved(undefined);
  };
  const save = async () => {
    try {
      setSettings(await call('staff.saveSettings', { settings: { ...settings, venueName } }));
      setSaved('saved');
    } catch {
      setSaved('failed');
    }
  };
  return (
    <>
      <section className="staff-setting">
        <h2>{t('staff.settings.venueName')}</h2>
        <p className="staff-venue-name" data-testid="venue-name-entry">
          {venueName || <span className="quiet">{t('staff.settings.venueNameEmpty')}</span>}
        </p>
        <OnScreenKeyboard
          entry={name}
          onChange={(entry) => {
            setName(entry);
            setSaved(undefined);
          }}
        />
      </section>
      <Choices
        title={t('staff.settings.language')}
        options={locales.map((option) => ({ value: option, label: localeNames[option], lang: option }))}
        value={settings.defaultLocale}
        onChoose={(defaultLocale: Locale) => change({ defaultLocale })}
      />
      <Choices
        title={t('staff.settings.idle')}
        options={withCurrent(idleChoices, settings.idleSeconds).map((seconds) => ({
          value: seconds,
          label: t('staff.settings.minutes', { minutes: Math.round((seconds / 60) * 10) / 10 }),
        }))}
        value={settings.idleSeconds}
        onChoose={(idleSeconds: number) => change({ idleSeconds })}
      />
      <Choices
        title={t('staff.settings.newFor')}
        options={withCurrent(newChoices, settings.newForDays).map((days) => ({
          value: days,
          label: t('staff.settings.days', { days }),
        }))}
        value={settings.newForDays}
        onChoose={(newForDays: number) => change({ newForDays })}
      />
      <button type="button" className="button primary big" onClick={() => void save()} data-testid="save-settings">
        {t('staff.settings.save')}
      </button>
      <p role="status" className="pin-message" data-testid="settings-status">
        {saved === 'saved' && t('staff.settings.saved')}
        {saved === 'failed' && t('staff.settings.failed')}
      </p>
    </>
  );
}

/** The usual choices, plus the current value when it is none of them (set by the host, or an older choice). */
function withCurrent(choices: readonly number[], current: number): number[] {
  return [...new Set([...choices, current])].sort((a, b) => a - b);
}

function Choices<T extends string | number>({
  title,
  options,
  value,
  onChoose,
}: {
  title: string;
  options: { value: T; label: string; lang?: string }[];
  value: T;
  onChoose: (value: T) => void;
}) {
  return (
    <section className="staff-setting" role="group" aria-label={title}>
      <h2>{title}</h2>
      <div className="chip-row">
        {options.map((option) => (
          <button
            key={String(option.value)}
            type="button"
            className="chip"
            lang={option.lang}
            aria-pressed={option.value === value}
            onClick={() => onChoose(option.value)}
          >
            {option.label}
          </button>
        ))}
      </div>
    </section>
  );
}
