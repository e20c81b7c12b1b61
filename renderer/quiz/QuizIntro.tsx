/**
 * Before a quiz: its title and number of questions, and the choice between Practice (no clock) and Challenge
 * (against the clock, points for speed). During a contest of this quiz a challenger first picks their team.
 */
import { useState } from 'react';
import type { ItemDetail } from '../../preload/contract/catalog.ts';
import type { Contest } from '../../preload/contract/quiz.ts';
import { nameIn } from '../catalog/content-languages.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { AttemptMode } from './engine/attempt.ts';
import type { TeamChoice } from './quiz-finish.ts';

export function QuizIntro({
  item,
  questionCount,
  contests,
  onStart,
}: {
  item: ItemDetail;
  questionCount: number;
  contests: readonly Contest[];
  onStart(mode: AttemptMode, team?: TeamChoice): void;
}) {
  const { t } = useI18n();
  const [choosingTeam, setChoosingTeam] = useState(false);
  return (
    <section className="quiz-step quiz-intro" data-testid="quiz-intro" aria-labelledby="quiz-intro-title">
      <p className="quiz-band label">{t('item.kind.quiz')}</p>
      <h1 id="quiz-intro-title" className="quiz-title" lang={item.language}>
        {item.title}
      </h1>
      {item.summary !== '' && (
        <p className="quiz-summary" lang={item.language}>
          {item.summary}
        </p>
      )}
      <p className="quiz-count label" data-testid="quiz-count" data-count={questionCount}>
        {t('quiz.questionCount', { count: questionCount })}
      </p>
      {choosingTeam ? (
        <TeamPicker contests={contests} onPick={(team) => onStart('contest', team)} />
      ) : (
        <div className="quiz-modes">
          <button type="button" className="quiz-mode practice" onClick={() => onStart('practice')} data-mode="practice">
            <span className="quiz-mode-icon" aria-hidden="true">
              🌱
            </span>
            <span className="quiz-mode-name label">{t('quiz.practice')}</span>
            <span className="quiz-mode-hint label">{t('quiz.practiceHint')}</span>
          </button>
          <button
            type="button"
            className="quiz-mode challenge"
            onClick={() => (contests.length > 0 ? setChoosingTeam(true) : onStart('contest'))}
            data-mode="contest"
          >
            <span className="quiz-mode-icon" aria-hidden="true">
              ⏱
            </span>
            <span className="quiz-mode-name label">{t('quiz.challenge')}</span>
            <span className="quiz-mode-hint label">{t('quiz.challengeHint')}</span>
          </button>
        </div>
      )}
    </section>
  );
}

function TeamPicker({ contests, onPick }: { contests: readonly Contest[]; onPick(team?: TeamChoice): void }) {
  const { t, locale } = useI18n();
  return (
    <div className="quiz-teams" data-testid="quiz-teams">
      <h2 className="quiz-subtitle label">{t('quiz.chooseTeam')}</h2>
      {contests.map((contest) => (
        <div key={contest.id} className="quiz-contest" role="group" aria-label={nameIn(contest.names, locale).text}>
          {contests.length > 1 && (
            <h3 className="quiz-contest-name" lang={nameIn(contest.names, locale).lang}>
              {nameIn(contest.names, locale).text}
            </h3>
          )}
          <ul className="quiz-team-list">
            {contest.teams.map((team) => (
              <li key={team.id}>
                <button
                  type="button"
                  className="quiz-choice quiz-team"
                  data-team={team.id}
                  onClick={() => onPick({ contestId: contest.id, teamId: team.id })}
                >
                  <span className="quiz-choice-text" lang={nameIn(team.names, locale).lang}>
                    {nameIn(team.names, locale).text}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <button type="button" className="button big" onClick={() => onPick()} data-team="">
        <span className="label">{t('quiz.noTeam')}</span>
      </button>
    </div>
  );
}
