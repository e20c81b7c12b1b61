/**
 * One visit is one session: the visitor's language and text size, where they are and have been, what
 * they typed into search and which tips they have seen. Everything a visitor leaves behind lives below
 * `VisitProvider`, which remounts on each new visit so nothing carries over to the next person.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ContentLanguage, Locale } from '../../preload/contract/schemas.ts';
import { I18nProvider } from '../i18n/i18n.tsx';
import type { Screen } from '../screens.ts';
import { defaultInputMethod } from '../keyboard/input-methods.ts';
import { emptyEntry, type TextEntry } from '../keyboard/text-entry.ts';
import { IdleWatcher } from './IdleWatcher.tsx';
import { flushReports, report } from '../stats/report.ts';
import { applyTextSize, clearTextSize, type TextSize } from './text-size.ts';

export type { Screen };

/** The one-time tips a visit shows: how to turn the reader's pages, that shelves scroll sideways. */
export type VisitHint = 'reader-pages' | 'shelves';

export interface SearchState {
  entry: TextEntry;
  subject?: string;
  language?: ContentLanguage;
}

export interface Visit {
  screen: Screen;
  /** The venue's name as staff set it; empty until they do. */
  venueName: string;
  locale: Locale;
  canGoBack: boolean;
  search: SearchState;
  /** The text size the visitor chose for the whole interface. */
  textSize: TextSize;
  /** The tips shown so far in this visit: each is shown once. */
  hintsShown: ReadonlySet<VisitHint>;
  go(screen: Screen): void;
  back(): void;
  setLocale(locale: Locale): void;
  setSearch(search: SearchState): void;
  setTextSize(size: TextSize): void;
  hintShown(hint: VisitHint): void;
  /** Something is happening without a touch (a video playing): the visit is not idle. */
  stillHere(): void;
  /** Ends the visit: every trace of it is dropped and the attract screen returns. */
  end(): void;
}

const VisitContext = createContext<Visit | null>(null);

export interface VisitSettings {
  defaultLocale: Locale;
  idleSeconds: number;
  venueName: string;
}

export function VisitProvider({
  settings,
  onEnd,
  children,
}: {
  settings: VisitSettings;
  /** Told whenever a visit ends, before the next begins. */
  onEnd?: () => void;
  children: ReactNode;
}) {
  const [visitNumber, setVisitNumber] = useState(0);
  const end = useCallback(() => {
    onEnd?.();
    setVisitNumber((n) => n + 1);
  }, [onEnd]);
  return (
    <OneVisit key={visitNumber} settings={settings} onEnd={end}>
      {children}
    </OneVisit>
  );
}

function OneVisit({ settings, onEnd, children }: { settings: VisitSettings; onEnd: () => void; children: ReactNode }) {
  const [history, setHistory] = useState<Screen[]>([{ name: 'attract' }]);
  const [locale, setLocale] = useState<Locale>(settings.defaultLocale);
  const [search, setSearch] = useState<SearchState>(() => ({
    entry: emptyEntry(defaultInputMethod(settings.defaultLocale)),
  }));
  const activity = useRef<() => void>(() => undefined);
  const [textSize, setTextSize] = useState<TextSize>('normal');
  const [hintsShown, setHintsShown] = useState<ReadonlySet<VisitHint>>(() => new Set());
  const hintShown = useCallback(
    (hint: VisitHint) => setHintsShown((shown) => (shown.has(hint) ? shown : new Set([...shown, hint]))),
    [],
  );
  // The size scales the root font, so every screen and overlay follows; the next visit starts from normal.
  useEffect(() => {
    applyTextSize(document.documentElement, textSize);
    return () => clearTextSize(document.documentElement);
  }, [textSize]);

  const go = useCallback(
    (screen: Screen) => setHistory((past) => (sameScreen(past.at(-1)!, screen) ? past : [...past, screen])),
    [],
  );
  const back = useCallback(() => setHistory((past) => (past.length > 2 ? past.slice(0, -1) : past)), []);
  const chooseLocale = useCallback((next: Locale) => {
    setLocale(next);
    // A visitor who has not typed yet gets the keyboard of the language they just chose.
    setSearch((current) =>
      current.entry.keys.length === 0 ? { ...current, entry: emptyEntry(defaultInputMethod(next)) } : current,
    );
  }, []);
  const stillHere = useCallback(() => activity.current(), []);

  const screen = history.at(-1)!;
  // A visit counts from its first screen past the attract one; staff at work are not visitors.
  const startedAt = useRef<number | undefined>(undefined);
  const counted = history.some((step) => step.name !== 'attract' && !step.name.startsWith('staff'));
  useEffect(() => {
    if (!counted || startedAt.current !== undefined) return;
    startedAt.current = performance.now();
    report({ kind: 'visit-start', detail: locale });
  }, [counted, locale]);
  const endAs = useCallback(
    (how: 'finish' | 'idle') => {
      if (startedAt.current !== undefined) {
        const seconds = Math.min(6 * 3600, Math.round((performance.now() - startedAt.current) / 1000));
        report({ kind: 'visit-end', amount: seconds, detail: how });
        flushReports();
      }
      onEnd();
    },
    [onEnd],
  );
  const finish = useCallback(() => endAs('finish'), [endAs]);
  const idle = useCallback(() => endAs('idle'), [endAs]);
  const visit = useMemo<Visit>(
    () => ({
      screen,
      venueName: settings.venueName,
      locale,
      canGoBack: history.length > 2,
      search,
      textSize,
      hintsShown,
      go,
      back,
      setLocale: chooseLocale,
      setSearch,
      setTextSize,
      hintShown,
      stillHere,
      end: finish,
    }),
    [
      screen,
      settings.venueName,
      locale,
      history.length,
      search,
      textSize,
      hintsShown,
      go,
      back,
      chooseLocale,
      hintShown,
      stillHere,
      finish,
    ],
  );
  return (
    <VisitContext value={visit}>
      <I18nProvider locale={locale}>
        {children}
        {screen.name !== 'attract' && (
          <IdleWatcher idleSeconds={settings.idleSeconds} onIdle={idle} activityRef={activity} />
        )}
      </I18nProvider>
    </VisitContext>
  );
}

/** Which place a screen is: going there again adds no step, and a new place mounts anew. */
export function screenKey(screen: Screen): string {
  return 'id' in screen ? `${screen.name}:${screen.id}` : screen.name;
}

function sameScreen(a: Screen, b: Screen): boolean {
  return screenKey(a) === screenKey(b);
}

export function useVisit(): Visit {
  const visit = useContext(VisitContext);
  if (!visit) throw new Error('useVisit outside VisitProvider');
  return visit;
}
