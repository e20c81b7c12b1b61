/**
 * Between visits, beside the spotlight: the venue's quiz boards (the best challenges of the day or week, by
 * nickname) and the contests running or just ended, with each team's average score as bars. Read again
 * whenever a board or standing changes (`quiz.boardsChanged`), so a challenge just finished shows at once.
 * Drawn with CSS alone: the attract screen never loads the staff's chart library.
 */
import { useEffect, useState } from 'react';
import type { CallResponse } from '../../preload/contract/contract.ts';
import type { Board } from '../../preload/contract/quiz.ts';
import type { Locale } from '../../preload/contract/schemas.ts';
import { useI18n, type I18n } from '../i18n/i18n.tsx';
import { kiosk } from '../kiosk.ts';
import { nicknameText } from '../quiz/nickname-words.ts';
import { nameIn } from './content-languages.ts';
import { StandingBars } from './StandingBars.tsx';
import './quiz-board.css';

/** Entries a board shows from afar; the contract sends up to ten. */
const entriesShown = 5;

type Boards = CallResponse<'quiz.boards'>;

export function AttractBoards({ onTouch }: { onTouch: () => void }) {
  const { t, locale } = useI18n();
  const [loads, setLoads] = useState(0);
  // The last answer stays up while the next is read, so a refresh never blinks the boards away.
  const [boards, setBoards] = useState<Boards | undefined>();
  useEffect(() => {
    let current = true;
    // No one at the attract screen could act on an error: a failed read leaves the last boards up.
    kiosk.call('quiz.boards', { locale }).then(
      (value) => current && setBoards(value),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [locale, loads]);
  useEffect(() => kiosk.on('quiz.boardsChanged', () => setLoads((n) => n + 1)), []);
  if (!boards || (boards.boards.length === 0 && boards.contests.length === 0)) return null;
  return (
    // A touch here starts a visit as anywhere else on the attract screen; its button is the way in for keys.
    <aside className="attract-boards" aria-label={t('board.label')} onClick={onTouch} data-testid="attract-boards">
      {boards.contests.map((contest) => {
        const name = nameIn(contest.names, locale);
        return (
          <section key={contest.contestId} className="board-card contest" data-testid="attract-contest">
            <span className="board-kicker">
              {t(contest.state === 'running' ? 'board.contestRunning' : 'board.contestEnded')}
            </span>
            <h2 className="board-title" lang={name.lang}>
              {name.text}
            </h2>
            <StandingBars standing={contest} />
          </section>
        );
      })}
      {boards.boards.map((board) => (
        <section key={board.itemId} className="board-card" data-testid="attract-board">
          <span className="board-kicker">{boardPeriod(board, t, locale)}</span>
          <h2 className="board-title">{board.title}</h2>
          <ol className="board-entries">
            {board.entries.slice(0, entriesShown).map((entry, index) => (
              <li key={`${entry.at}-${index}`} className="board-entry" data-testid="board-entry">
                <span className="board-place" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="board-nickname" lang={entry.nickname.kind === 'generated' ? locale : undefined}>
                  {nicknameText(entry.nickname, locale)}
                </span>
                <span className="board-score">{t('board.points', { points: Math.round(entry.score) })}</span>
              </li>
            ))}
          </ol>
        </section>
      ))}
      <span className="board-hint">{t('board.playHint')}</span>
    </aside>
  );
}

/**
 * Since when the board counts, in words: a daily board, and a weekly one on its Monday, hold today's best;
 * later in the week a weekly one counts since Monday.
 */
function boardPeriod(board: Board, t: I18n['t'], locale: Locale): string {
  const since = new Date(board.since);
  if (since.toDateString() === new Date().toDateString()) return t('board.bestToday');
  const weekday = new Intl.DateTimeFormat(locale.startsWith('mn') ? 'mn' : locale, { weekday: 'long' });
  return t('board.bestSince', { day: weekday.format(since) });
}
