/**
 * One visit is one session: the visitor's language and where they are. Everything a visitor
 * leaves behind lives below `VisitProvider`, which remounts on each new visit so nothing
 * carries over to the next person.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../../preload/contract/schemas.ts';
import { I18nProvider } from '../i18n/i18n.tsx';

export type Screen = { name: 'attract' } | { name: 'home' };

export interface Visit {
  screen: Screen;
  locale: Locale;
  go(screen: Screen): void;
  setLocale(locale: Locale): void;
  /** Ends the visit: every trace of it is dropped and the attract screen returns. */
  end(): void;
}

const VisitContext = createContext<Visit | null>(null);

export function VisitProvider({ defaultLocale, children }: { defaultLocale: Locale; children: ReactNode }) {
  const [visitNumber, setVisitNumber] = useState(0);
  const end = useCallback(() => setVisitNumber((n) => n + 1), []);
  return (
    <OneVisit key={visitNumber} defaultLocale={defaultLocale} onEnd={end}>
      {children}
    </OneVisit>
  );
}

function OneVisit({
  defaultLocale,
  onEnd,
  children,
}: {
  defaultLocale: Locale;
  onEnd: () => void;
  children: ReactNode;
}) {
  const [screen, go] = useState<Screen>({ name: 'attract' });
  const [locale, setLocale] = useState<Locale>(defaultLocale);
  const visit = useMemo<Visit>(() => ({ screen, locale, go, setLocale, end: onEnd }), [screen, locale, onEnd]);
  return (
    <VisitContext value={visit}>
      <I18nProvider locale={locale}>{children}</I18nProvider>
    </VisitContext>
  );
}

export function useVisit(): Visit {
  const visit = useContext(VisitContext);
  if (!visit) throw new Error('useVisit outside VisitProvider');
  return visit;
}
