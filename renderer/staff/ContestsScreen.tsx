/**
 * Contests between teams or units (classes, villages, shifts): each one's state and standings, and the way
 * to create, change or remove one. While a contest runs, a timed challenge on one of its quizzes counts for
 * the team the visitor picks; the standings here move as challenges finish.
 */
import { useEffect, useRef, useState } from 'react';
import type { ItemSummary } from '../../preload/contract/catalog.ts';
import { KioskError } from '../../preload/contract/client.ts';
import type { ErrorCode } from '../../preload/contract/envelope.ts';
import type { Contest, ContestStanding } from '../../preload/contract/quiz.ts';
import { nameIn } from '../catalog/content-languages.ts';
import { StandingBars } from '../catalog/StandingBars.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { kiosk } from '../kiosk.ts';
import { ContestEditor } from './ContestEditor.tsx';
import { quizItems } from './quiz-items.ts';
import { StaffErrorPanel } from './StaffErrorPanel.tsx';
import './staff.css';
import { useStaffCall } from './use-staff-call.ts';

interface Loaded {
  contests: Contest[];
  standings: ReadonlyMap<string, ContestStanding>;
  quizzes: ItemSummary[];
}

export function ContestsScreen() {
  const { t, locale } = useI18n();
  const call = useStaffCall();
  const [loads, setLoads] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | { failed: ErrorCode } | undefined>();
  const [editing, setEditing] = useState<Contest | 'new' | undefined>();
  const [asking, setAsking] = useState<Contest | undefined>();
  const [notice, setNotice] = useState<{ text: string; failed: boolean } | undefined>();

  useEffect(() => {
    Promise.all([call('staff.contests', {}), call('staff.quizUsage', { days: 1 }), quizItems(call, locale)]).then(
      ([{ contests }, usage, quizzes]) =>
        setLoaded({
          contests,
          standings: new Map(usage.contests.map((standing) => [standing.contestId, standing])),
          quizzes,
        }),
      (error: unknown) => setLoaded({ failed: error instanceof KioskError ? error.code : 'internal' }),
    );
  }, [call, loads, locale]);
  // A challenge finished, or a contest started or ended by another save: the standings are read again.
  useEffect(() => kiosk.on('quiz.boardsChanged', () => setLoads((n) => n + 1)), []);

  const remove = async (contest: Contest) => {
    setAsking(undefined);
    const name = nameIn(contest.names, locale).text;
    try {
      await call('staff.removeContest', { id: contest.id });
      setNotice({ text: t('staff.contests.removed', { name }), failed: false });
    } catch {
      setNotice({ text: t('staff.contests.removeFailed', { name }), failed: true });
    }
    setLoads((n) => n + 1);
  };

  return (
    <main className="staff staff-contests" aria-busy={loaded === undefined}>
      <h1>{t('staff.contests.title')}</h1>
      {notice && (
        <p className={`staff-outcome ${notice.failed ? 'failed' : 'done'}`} role="status" data-testid="contests-notice">
          {notice.text}
        </p>
      )}
      {loaded && 'failed' in loaded && <StaffErrorPanel code={loaded.failed} onRetry={() => setLoads((n) => n + 1)} />}
      {loaded && 'contests' in loaded && editing && (
        <ContestEditor
          saved={editing === 'new' ? undefined : editing}
          contests={loaded.contests}
          quizzes={loaded.quizzes}
          onDone={(savedName) => {
            setEditing(undefined);
            setNotice(
              savedName === undefined
                ? undefined
                : { text: t('staff.contests.saved', { name: savedName }), failed: false },
            );
            setLoads((n) => n + 1);
          }}
        />
      )}
      {loaded && 'contests' in loaded && !editing && (
        <>
          <p className="lead">{t('staff.contests.lead')}</p>
          <div className="staff-actions">
            <button
              type="button"
              className="button primary big"
              onClick={() => {
                setNotice(undefined);
                setEditing('new');
              }}
              data-testid="new-contest"
            >
              {t('staff.contests.new')}
            </button>
          </div>
          {loaded.contests.length === 0 && <p className="quiet">{t('staff.contests.none')}</p>}
          <ul className="staff-contest-list">
            {loaded.contests.map((contest) => (
              <ContestCard
                key={contest.id}
                contest={contest}
                standing={loaded.standings.get(contest.id)}
                quizzes={loaded.quizzes}
                onEdit={() => {
                  setNotice(undefined);
                  setEditing(contest);
                }}
                onRemove={() => setAsking(contest)}
              />
            ))}
          </ul>
        </>
      )}
      {asking && (
        <ConfirmRemoval contest={asking} onYes={() => void remove(asking)} onNo={() => setAsking(undefined)} />
      )}
    </main>
  );
}

function ContestCard({
  contest,
  standing,
  quizzes,
  onEdit,
  onRemove,
}: {
  contest: Contest;
  standing: ContestStanding | undefined;
  quizzes: readonly ItemSummary[];
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { t, locale } = useI18n();
  const name = nameIn(contest.names, locale);
  const intlLocale = locale.startsWith('mn') ? 'mn' : locale;
  const when = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short' });
  const titles = contest.quizzes.map((id) => quizzes.find((quiz) => quiz.id === id)?.title ?? id);
  // Before the first challenge the kiosk has no standing for a contest: its teams stand at nothing yet.
  const teams =
    standing?.teams ??
    contest.teams.map((team) => ({ teamId: team.id, names: team.names, attempts: 0, averagePercent: 0 }));
  return (
    <li className={`staff-contest ${standing?.state ?? ''}`} data-testid="contest" data-contest-id={contest.id}>
      <div className="staff-contest-head">
        <h2 lang={name.lang}>{name.text}</h2>
        {/* The kiosk's clock says the state; a contest saved since the standings were read waits for the next read. */}
        {standing && (
          <span className="staff-contest-state" data-testid="contest-state">
            {t(`staff.contests.state.${standing.state}`)}
          </span>
        )}
      </div>
      <p className="staff-contest-when">
        {t('staff.contests.when', {
          from: when.format(new Date(contest.startsAt)),
          to: when.format(new Date(contest.endsAt)),
        })}
      </p>
      <p className="staff-contest-quizzes">
        {t('staff.contests.onQuizzes', { quizzes: new Intl.ListFormat(intlLocale).format(titles) })}
      </p>
      <StandingBars standing={{ teams }} />
      <div className="staff-actions">
        <button type="button" className="button big" onClick={onEdit}>
          {t('staff.contests.edit')}
        </button>
        <button type="button" className="button big" onClick={onRemove}>
          {t('staff.contests.remove')}
        </button>
      </div>
    </li>
  );
}

function ConfirmRemoval({ contest, onYes, onNo }: { contest: Contest; onYes: () => void; onNo: () => void }) {
  const { t, locale } = useI18n();
  const keep = useRef<HTMLButtonElement>(null);
  // The safe answer has the focus, so a stray Enter keeps the contest.
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="overlay" onKeyDown={(event) => event.key === 'Escape' && onNo()}>
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="remove-contest-title"
        aria-describedby="remove-contest-text"
      >
        <h2 id="remove-contest-title">
          {t('staff.contests.confirmTitle', { name: nameIn(contest.names, locale).text })}
        </h2>
        <p id="remove-contest-text">{t('staff.contests.confirmBody')}</p>
        <button ref={keep} type="button" className="button big" onClick={onNo}>
          {t('staff.contests.keep')}
        </button>
        <button type="button" className="button primary big" onClick={onYes} data-testid="confirm-remove-contest">
          {t('staff.contests.removeNow')}
        </button>
      </div>
    </div>
  );
}
