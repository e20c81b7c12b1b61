/**
 * The way into staff mode: the PIN pad, or on a kiosk's first run the choice of a PIN, typed twice.
 * Wrong PINs say how many tries are left; a lockout counts down on screen.
 */
import { useEffect, useState } from 'react';
import type { SignInOutcome } from '../../preload/contract/staff.ts';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { useKioskCall } from '../components/use-kiosk-call.ts';
import './staff.css';
import { useI18n } from '../i18n/i18n.tsx';
import { kiosk } from '../kiosk.ts';
import { useVisit } from '../visit/visit.tsx';
import { PinPad } from './PinPad.tsx';

export function StaffSignInScreen({ lapsed = false }: { lapsed?: boolean }) {
  const { t } = useI18n();
  const state = useKioskCall('staff.state', {});
  const [reset, setReset] = useState(false);
  return (
    <main className="staff staff-sign-in" aria-busy={state.status === 'loading'}>
      <h1>{t('staff.title')}</h1>
      {lapsed && <p className="notice">{t('staff.lapsed')}</p>}
      {reset && <p className="notice">{t('staff.reset.done')}</p>}
      {state.status === 'failed' && <ErrorPanel code={state.code} onRetry={state.retry} />}
      {state.status === 'done' &&
        (state.value.setUp ? (
          <EnterPin
            lockedFor={state.value.lockedForSeconds}
            onReset={() => {
              setReset(true);
              state.retry();
            }}
          />
        ) : (
          <ChoosePin />
        ))}
    </main>
  );
}

function EnterPin({ lockedFor, onReset }: { lockedFor: number; onReset: () => void }) {
  const { t } = useI18n();
  const { go } = useVisit();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Extract<SignInOutcome, { ok: false }> | undefined>();
  const [lockedUntil, setLockedUntil] = useState(() => performance.now() + lockedFor * 1000);
  const secondsLeft = useSecondsUntil(lockedUntil);
  const locked = secondsLeft > 0;
  const submit = async () => {
    setBusy(true);
    try {
      const outcome = await kiosk.call('staff.signIn', { pin });
      if (outcome.ok) {
        go({ name: 'staff' });
      } else {
        setRefusal(outcome);
        setLockedUntil(performance.now() + outcome.lockedForSeconds * 1000);
      }
    } finally {
      setPin('');
      setBusy(false);
    }
  };
  return (
    <>
      <p className="lead">{t('staff.pin.enter')}</p>
      <PinPad value={pin} onChange={setPin} onSubmit={() => void submit()} disabled={busy || locked} />
      <p className="pin-message" role="status" data-testid="pin-message">
        {!locked && refusal?.reason === 'wrong-pin' && t('staff.pin.wrong', { left: refusal.attemptsLeft })}
        {locked && t('staff.pin.locked', { seconds: secondsLeft })}
        {refusal?.reason === 'needs-reset' && t('staff.pin.needsReset')}
      </p>
      <ForgottenPin onReset={onReset} />
    </>
  );
}

function ChoosePin() {
  const { t } = useI18n();
  const { go } = useVisit();
  const [first, setFirst] = useState<string | undefined>();
  const [pin, setPin] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const submit = async () => {
    if (first === undefined) {
      setFirst(pin);
      setMismatch(false);
    } else if (first !== pin) {
      setFirst(undefined);
      setMismatch(true);
    } else {
      await kiosk.call('staff.setUp', { pin });
      // First run goes on to the venue's settings: its name and language are what staff set up next.
      go({ name: 'staff' });
      go({ name: 'staff-settings', firstRun: true });
    }
    setPin('');
  };
  return (
    <>
      <p className="lead">{first === undefined ? t('staff.setup.choose') : t('staff.setup.again')}</p>
      <PinPad value={pin} onChange={setPin} onSubmit={() => void submit()} />
      <p className="pin-message" role="status" data-testid="pin-message">
        {mismatch && t('staff.setup.mismatch')}
      </p>
    </>
  );
}

/**
 * The way back in when nobody knows the PIN: the centre sends a signed reset for this kiosk on a USB
 * stick; with it inserted, the kiosk forgets the PIN and asks for a new one.
 */
function ForgottenPin({ onReset }: { onReset: () => void }) {
  const { t } = useI18n();
  const [asked, setAsked] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const look = async () => {
    const answer = await kiosk.call('staff.resetPin', {}).catch(() => undefined);
    if (answer?.ok) onReset();
    else setProblem(answer ? t(`staff.reset.${answer.problem}`) : t('staff.reset.untrusted'));
  };
  if (!asked) {
    return (
      <button type="button" className="button" onClick={() => setAsked(true)}>
        {t('staff.reset.forgot')}
      </button>
    );
  }
  return (
    <section className="notice staff-reset" data-testid="pin-reset">
      <p>{t('staff.reset.how')}</p>
      <button type="button" className="button primary big" onClick={() => void look()}>
        {t('staff.reset.look')}
      </button>
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}

/** Seconds left until `until` (a `performance.now()` time), ticking while there are any. */
function useSecondsUntil(until: number): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => {
      const current = performance.now();
      setNow(current);
      if (current >= until) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [until]);
  return Math.max(0, Math.ceil((until - now) / 1000));
}
