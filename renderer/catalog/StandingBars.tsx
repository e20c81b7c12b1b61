/**
 * A contest's teams as bars drawn with CSS: each team's average score in percent and how many challenges it
 * played, best first. Shared by the attract screen and the staff's contests, so it uses no chart library.
 */
import type { ContestStanding } from '../../preload/contract/quiz.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { nameIn } from './content-languages.ts';
import './quiz-board.css';

export function StandingBars({ standing }: { standing: Pick<ContestStanding, 'teams'> }) {
  const { t, locale } = useI18n();
  return (
    <ol className="standing-bars" data-testid="standing-bars">
      {standing.teams.map((team) => {
        const name = nameIn(team.names, locale);
        const percent = Math.round(team.averagePercent);
        return (
          <li key={team.teamId} className="standing-team" data-testid="standing-team">
            <span className="standing-name" lang={name.lang}>
              {name.text}
            </span>
            <span className="standing-track" aria-hidden="true">
              <span
                className="standing-bar"
                style={{ inlineSize: `${team.attempts > 0 ? Math.max(2, percent) : 0}%` }}
              />
            </span>
            <span className="standing-figures">
              {team.attempts > 0
                ? t('board.teamResult', { percent, attempts: team.attempts })
                : t('board.teamNoAttempts')}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
