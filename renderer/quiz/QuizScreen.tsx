/**
 * A quiz item's screen: the intro, then the attempt, then the results, all under the top bar, so the visitor
 * can change language mid-quiz or finish their visit. The attempt lives in this screen's state only.
 */
import { useState } from 'react';
import { contentLanguageOf } from '../catalog/content-languages.ts';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { useKioskCall } from '../components/use-kiosk-call.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { report } from '../stats/report.ts';
import type { AttemptMode } from './engine/attempt.ts';
import type { TeamChoice } from './quiz-finish.ts';
import { QuizIntro } from './QuizIntro.tsx';
import { QuizPlay } from './QuizPlay.tsx';
import './quiz.css';

export function QuizScreen({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const item = useKioskCall('catalog.item', { locale, id });
  const opened = useKioskCall('quiz.open', { itemId: id });
  const [play, setPlay] = useState<{ mode: AttemptMode; team: TeamChoice | undefined; round: number }>();
  const language = contentLanguageOf(locale);

  const failed = item.status === 'failed' ? item : opened.status === 'failed' ? opened : undefined;
  if (failed) return <ErrorPanel code={failed.code} onRetry={failed.retry} />;
  if (item.status !== 'done' || opened.status !== 'done') return <p className="quiet">{t('common.loading')}</p>;

  const { quiz, board, contests } = opened.value;
  return (
    <main className="quiz" data-testid="quiz" data-item-id={id}>
      {play ? (
        <QuizPlay
          key={play.round}
          item={item.value}
          quiz={quiz}
          mode={play.mode}
          team={play.team}
          language={language}
          board={board}
          onAgain={() => setPlay(undefined)}
        />
      ) : (
        <QuizIntro
          item={item.value}
          questionCount={quiz.questions.length}
          contests={contests}
          language={language}
          onStart={(mode, team) => {
            report({ kind: 'quiz-start', itemId: id, detail: mode });
            setPlay((old) => ({ mode, team, round: (old?.round ?? 0) + 1 }));
          }}
        />
      )}
    </main>
  );
}
