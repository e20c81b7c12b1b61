/** The kiosk's root: asks the service for the venue's settings, then runs visits one after another. */
import { Suspense, useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import type { CallResponse } from '../preload/contract/contract.ts';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { ErrorPanel } from './components/ErrorPanel.tsx';
import { Reconnecting } from './connection/Reconnecting.tsx';
import { useHostConnection } from './connection/host-connection.ts';
import { TopBar } from './components/TopBar.tsx';
import { useKioskCall } from './components/use-kiosk-call.ts';
import { I18nProvider, isVerticalLocale, useI18n } from './i18n/i18n.tsx';
import { kiosk } from './kiosk.ts';
import { screens } from './screens.ts';
import { useStaffGesture } from './staff/use-staff-gesture.ts';
import { screenKey, useVisit, VisitProvider } from './visit/visit.tsx';

export function App() {
  const info = useKioskCall('app.info', {});
  // Settings staff save reach the screens without a restart; the visit in progress is not interrupted.
  const [saved, setSaved] = useState<CallResponse<'app.info'> | undefined>();
  // A page that starts (a reload after a crash, a browser reopened) starts as a visitor's: a staff
  // session the screen held before ends now rather than when it lapses.
  useEffect(signOutStaff, []);
  useEffect(
    () =>
      kiosk.on('settings.changed', () => {
        kiosk.call('app.info', {}).then(setSaved, () => undefined);
      }),
    [],
  );
  // A start that failed because the service was away is tried again, once, when it is back.
  const { restored } = useHostConnection();
  const handledReturn = useRef(restored);
  const { retry } = info;
  const failed = info.status === 'failed';
  useEffect(() => {
    if (restored === handledReturn.current) return;
    handledReturn.current = restored;
    if (failed) retry();
  }, [restored, failed, retry]);
  if (info.status === 'loading') return null;
  if (info.status === 'failed') {
    return (
      <I18nProvider locale="en">
        <ErrorPanel code={info.code} onRetry={info.retry} />
        <Reconnecting />
      </I18nProvider>
    );
  }
  const { defaultLocale, idleSeconds, venueName } = saved ?? info.value;
  return (
    <I18nProvider locale={defaultLocale}>
      <ErrorBoundary>
        <VisitProvider settings={{ defaultLocale, idleSeconds, venueName }} onEnd={signOutStaff}>
          <CurrentScreen />
        </VisitProvider>
      </ErrorBoundary>
    </I18nProvider>
  );
}

/** A visit's end (idle reset, Finish) ends a staff session too: the next person at the screen is a visitor. */
function signOutStaff() {
  kiosk.call('staff.signOut', {}).catch(() => undefined);
}

function CurrentScreen() {
  const { screen, locale, go } = useVisit();
  // Each return of the service loads the screen again (its key changes). A staff screen then finds its
  // session gone with the old server and asks for the PIN, as when a session lapses.
  const { restored } = useHostConnection();
  useStaffGesture(
    useCallback(() => go({ name: 'staff-sign-in' }), [go]),
    screen.name === 'attract',
  );
  // Screen readers pick their voice from the document's language.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  // A new screen takes the focus, so keyboard and screen-reader users start at its top, not on a
  // button that no longer exists.
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (screen.name !== 'attract') body.current?.focus({ preventScroll: true });
  }, [screen]);
  // Each screen gets exactly the parameters it was opened with; the registry's types keep the two in step.
  const Current = screens[screen.name] as ComponentType<typeof screen>;
  return (
    <>
      <div className={isVerticalLocale(locale) ? 'screen vertical' : 'screen'} lang={locale} data-screen={screen.name}>
        {screen.name !== 'attract' && <TopBar />}
        <div className="screen-body" ref={body} tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <Current key={`${screenKey(screen)}#${restored}`} {...screen} />
          </Suspense>
        </div>
      </div>
      <Reconnecting />
    </>
  );
}

function Loading() {
  const { t } = useI18n();
  return <p className="quiet">{t('common.loading')}</p>;
}
