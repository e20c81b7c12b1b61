/**
 * A quiz item's screen: the intro, then the attempt, then the results, all under the top bar, so the visitor
 * can change language mid-quiz or finish their visit. The attempt lives in this screen's state only.
 */
import { useState } from 'react';
import type { ItemDetail } from '../../preload/contract/catalog.ts';
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
  // A language switch fetches the item's words anew; the attempt below must not unmount meanwhile, so the
  // words last shown stay until the new ones come.
  const [shown, setShown] = useState<ItemDetail | undefined>();
  if (item.status === 'done' && item.value !== shown) setShown(item.value);
  const detail = item.status === 'done' ? item.value : shown;

  const failed = item.status === 'failed' ? item : opened.status === 'failed' ? opened : undefined;
  if (failed) return <ErrorPanel code={failed.code} onRetry={failed.retry} />;
  if (!detail || opened.status !== 'done') return <p className="quiet">{t('common.loading')}</p>;

  const { quiz, board, contests } = opened.value;
  return (
    <main className="quiz" data-testid="quiz" data-item-id={id}>
      {play ? (
        <QuizPlay
          key={play.round}
          item={detail}
          quiz={quiz}
          mode={play.mode}
          team={play.team}
          language={language}
          board={board}
          onAgain={() => setPlay(undefined)}
        />
      ) : (
        <QuizIntro
          item={detail}
          questionCount={quiz.questions.length}
          contests={contests}
          onStart={(mode, team) => {
            report({ kind: 'quiz-start', itemId: id, detail: mode });
            setPlay((old) => ({ mode, team, round: (old?.round ?? 0) + 1 }));
          }}
        />
      )}
    </main>
  );
}
