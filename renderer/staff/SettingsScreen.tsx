/**
 * The venue's settings: its name (typed on the on-screen keyboard), the language visits start in, how
 * long an unattended visit lasts, how long an arrival counts as new, which subjects visitors see, whether
 * search words are kept, the quiz board (on, how often it starts afresh, typed nicknames) and how updates
 * arrive (channels, feed address, window, speed) — each a row of big choices rather than a field to type into. Saved together; the next visit takes them up.
 */
import { useEffect, useState } from 'react';
import {
  FeedUrl,
  type DownloadWindow,
  type QuizBoardSettings,
  type VenueSettings,
} from '../../preload/contract/settings.ts';
import type { CallResponse } from '../../preload/contract/contract.ts';
import { locales, type Locale } from '../../preload/contract/schemas.ts';
import { KioskError } from '../../preload/contract/client.ts';
import type { ErrorCode } from '../../preload/contract/envelope.ts';
import { localeNames, useI18n } from '../i18n/i18n.tsx';
import { defaultInputMethod, webAddress } from '../keyboard/input-methods.ts';
import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard.tsx';
import { emptyEntry, entryText, type TextEntry } from '../keyboard/text-entry.ts';
import { Choices, Toggles } from './ChipGroup.tsx';
import { StaffErrorPanel } from './StaffErrorPanel.tsx';
import './staff.css';
import { useStaffCall } from './use-staff-call.ts';

const idleChoices = [60, 120, 180, 300, 600] as const;
const newChoices = [7, 14, 30, 60, 90] as const;
const speedChoices = [0, 64, 256, 1024, 4096] as const;
/** Nights, and the hours a reading room is usually closed. */
const windowChoices: readonly (DownloadWindow | null)[] = [
  null,
  { fromHour: 22, toHour: 6 },
  { fromHour: 18, toHour: 8 },
];
const maxVenueName = 80;

type Choices = CallResponse<'staff.settingChoices'>;

export function SettingsScreen({ firstRun = false }: { firstRun?: boolean }) {
  const { t } = useI18n();
  const call = useStaffCall();
  const [loads, setLoads] = useState(0);
  const { locale } = useI18n();
  const [loaded, setLoaded] = useState<{ settings: VenueSettings; choices: Choices } | { failed: ErrorCode }>();
  useEffect(() => {
    Promise.all([call('staff.settings', {}), call('staff.settingChoices', { locale })]).then(
      ([settings, choices]) => setLoaded({ settings, choices }),
      (error: unknown) => setLoaded({ failed: error instanceof KioskError ? error.code : 'internal' }),
    );
  }, [call, loads, locale]);
  return (
    <main className="staff staff-settings" aria-busy={loaded === undefined}>
      <h1>{t('staff.settings.title')}</h1>
      {firstRun && <p className="notice">{t('staff.settings.firstRun')}</p>}
      {loaded && 'failed' in loaded && <StaffErrorPanel code={loaded.failed} onRetry={() => setLoads((n) => n + 1)} />}
      {loaded && !('failed' in loaded) && <SettingsForm initial={loaded.settings} choices={loaded.choices} />}
    </main>
  );
}

function SettingsForm({ initial, choices }: { initial: VenueSettings; choices: Choices }) {
  const { t, locale } = useI18n();
  const call = useStaffCall();
  const [settings, setSettings] = useState(initial);
  const [name, setName] = useState<TextEntry>(() => ({
    ...emptyEntry(defaultInputMethod(locale)),
    keys: [...initial.venueName],
  }));
  const [feed, setFeed] = useState<TextEntry>(() => ({ ...emptyEntry(webAddress), keys: [...initial.feedUrl] }));
  const [editingFeed, setEditingFeed] = useState(false);
  const [saved, setSaved] = useState<'saved' | 'failed' | 'bad-feed' | undefined>();
  const venueName = entryText(name).slice(0, maxVenueName);
  const feedUrl = entryText(feed).trim();
  const toggle = (list: readonly string[], value: string) =>
    list.includes(value) ? list.filter((entry) => entry !== value) : [...list, value];
  const change = (next: Partial<VenueSettings>) => {
    setSettings((current) => ({ ...current, ...next }));
    setSaved(undefined);
  };
  const save = async () => {
    if (!FeedUrl.safeParse(feedUrl).success) {
      setSaved('bad-feed');
      setEditingFeed(true);
      return;
    }
    try {
      setSettings(await call('staff.saveSettings', { settings: { ...settings, venueName, feedUrl } }));
      setEditingFeed(false);
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
      <Toggles
        title={t('staff.settings.subjects')}
        hint={t('staff.settings.subjectsHint')}
        options={choices.subjects.map((subject) => ({ value: subject.id, label: subject.name }))}
        isOn={(id) => !settings.hiddenSubjects.includes(id)}
        onToggle={(id) => change({ hiddenSubjects: toggle(settings.hiddenSubjects, id) })}
        testId="shown-subjects"
      />
      <Choices
        title={t('staff.settings.searchWords')}
        hint={t('staff.settings.searchWordsHint')}
        options={[
          { value: 'count', label: t('staff.settings.searchCount') },
          { value: 'keep', label: t('staff.settings.searchKeep') },
        ]}
        value={settings.keepSearchWords ? 'keep' : 'count'}
        onChoose={(value: string) => change({ keepSearchWords: value === 'keep' })}
      />
      <BoardSettings board={settings.board} onChange={(board) => change({ board })} />
      <h2 className="staff-settings-part">{t('staff.settings.updates')}</h2>
      <Toggles
        title={t('staff.settings.channels')}
        hint={choices.channels.length === 0 ? t('staff.settings.channelsNone') : t('staff.settings.channelsHint')}
        options={choices.channels.map((channel) => ({ value: channel, label: channel }))}
        isOn={(channel) => settings.channels.includes(channel)}
        onToggle={(channel) => change({ channels: toggle(settings.channels, channel) })}
        testId="channels"
      />
      <section className="staff-setting">
        <h2>{t('staff.settings.feedUrl')}</h2>
        <p className="staff-venue-name" data-testid="feed-url-entry" dir="ltr">
          {feedUrl || <span className="quiet">{t('staff.settings.feedUrlEmpty')}</span>}
        </p>
        {saved === 'bad-feed' && (
          <p className="notice" role="alert">
            {t('staff.settings.feedUrlBad')}
          </p>
        )}
        {editingFeed ? (
          <OnScreenKeyboard
            entry={feed}
            methods={[webAddress]}
            onChange={(entry) => {
              setFeed(entry);
              setSaved(undefined);
            }}
          />
        ) : (
          <button type="button" className="button big" onClick={() => setEditingFeed(true)} data-testid="edit-feed-url">
            {t('staff.settings.feedUrlEdit')}
          </button>
        )}
      </section>
      <Choices
        title={t('staff.settings.window')}
        options={withCurrentWindow(settings.downloadWindow).map((window) => ({
          value: windowKey(window),
          label: window
            ? t('staff.settings.windowHours', { from: hourLabel(window.fromHour), to: hourLabel(window.toHour) })
            : t('staff.settings.windowAny'),
        }))}
        value={windowKey(settings.downloadWindow)}
        onChoose={(key: string) =>
          change({
            downloadWindow: withCurrentWindow(settings.downloadWindow).find((w) => windowKey(w) === key) ?? null,
          })
        }
      />
      <Choices
        title={t('staff.settings.speed')}
        options={withCurrent(speedChoices, settings.downloadKilobytesPerSecond).map((kilobytes) => ({
          value: kilobytes,
          label:
            kilobytes === 0
              ? t('staff.settings.speedNone')
              : kilobytes >= 1024
                ? t('staff.settings.speedMb', { megabytes: Math.round((kilobytes / 1024) * 10) / 10 })
                : t('staff.settings.speedKb', { kilobytes }),
        }))}
        value={settings.downloadKilobytesPerSecond}
        onChoose={(downloadKilobytesPerSecond: number) => change({ downloadKilobytesPerSecond })}
      />
      <button type="button" className="button primary big" onClick={() => void save()} data-testid="save-settings">
        {t('staff.settings.save')}
      </button>
      <p role="status" className="pin-message" data-testid="settings-status">
        {saved === 'saved' && t('staff.settings.saved')}
        {saved === 'failed' && t('staff.settings.failed')}
        {saved === 'bad-feed' && t('staff.settings.feedUrlBad')}
      </p>
    </>
  );
}

/** The venue's quiz board: on or off, how often it starts afresh, and whether visitors may type a nickname. */
function BoardSettings({
  board,
  onChange,
}: {
  board: QuizBoardSettings;
  onChange: (board: QuizBoardSettings) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <h2 className="staff-settings-part">{t('staff.settings.board')}</h2>
      <Choices
        title={t('staff.settings.boardShown')}
        hint={t('staff.settings.boardHint')}
        options={[
          { value: 'off', label: t('staff.settings.boardOff') },
          { value: 'on', label: t('staff.settings.boardOn') },
        ]}
        value={board.enabled ? 'on' : 'off'}
        onChoose={(value: string) => onChange({ ...board, enabled: value === 'on' })}
      />
      {/* What a board that is off would do is no question to ask staff yet. */}
      {board.enabled && (
        <>
          <Choices
            title={t('staff.settings.boardPeriod')}
            options={[
              { value: 'day', label: t('staff.settings.boardDaily') },
              { value: 'week', label: t('staff.settings.boardWeekly') },
            ]}
            value={board.period}
            onChoose={(period: QuizBoardSettings['period']) => onChange({ ...board, period })}
          />
          <Choices
            title={t('staff.settings.nicknames')}
            hint={t('staff.settings.nicknamesHint')}
            options={[
              { value: 'generated', label: t('staff.settings.nicknamesGenerated') },
              { value: 'typed', label: t('staff.settings.nicknamesTyped') },
            ]}
            value={board.typedNicknames ? 'typed' : 'generated'}
            onChoose={(value: string) => onChange({ ...board, typedNicknames: value === 'typed' })}
          />
        </>
      )}
    </>
  );
}

/** The usual choices, plus the current value when it is none of them (set by the host, or an older choice). */
function withCurrent(choices: readonly number[], current: number): number[] {
  return [...new Set([...choices, current])].sort((a, b) => a - b);
}

const windowKey = (window: DownloadWindow | null) => (window ? `${window.fromHour}-${window.toHour}` : 'any');
const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** The usual windows, plus the current one when it is none of them. */
function withCurrentWindow(current: DownloadWindow | null): (DownloadWindow | null)[] {
  return windowChoices.some((window) => windowKey(window) === windowKey(current))
    ? [...windowChoices]
    : [...windowChoices, current];
}
