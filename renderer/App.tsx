/** The kiosk's root: asks the service for its defaults, then runs visits one after another. */
import { ErrorPanel } from './components/ErrorPanel.tsx';
import { useKioskCall } from './components/use-kiosk-call.ts';
import { I18nProvider } from './i18n/i18n.tsx';
import { AttractScreen } from './screens/AttractScreen.tsx';
import { HomeScreen } from './screens/HomeScreen.tsx';
import { useVisit, VisitProvider } from './visit/visit.tsx';

export function App() {
  const info = useKioskCall('app.info', {});
  if (info.status === 'loading') return null;
  if (info.status === 'failed') {
    return (
      <I18nProvider locale="en">
        <ErrorPanel code={info.code} onRetry={info.retry} />
      </I18nProvider>
    );
  }
  return (
    <VisitProvider defaultLocale={info.value.defaultLocale}>
      <CurrentScreen />
    </VisitProvider>
  );
}

function CurrentScreen() {
  const { screen, locale } = useVisit();
  return (
    <div className="screen" lang={locale} data-screen={screen.name}>
      {screen.name === 'attract' ? <AttractScreen /> : <HomeScreen />}
    </div>
  );
}
