/**
 * A finished attempt as usage events (docs/stats-format.md): one `quiz-finish` for the quiz, one `quiz-answer`
 * per question, named by the question so its difficulty can be compared across days and venues, and a
 * `contest-entry` when it counted for a team.
 */
import type { AnswerSummary, Contest, Names, QuizMode } from '../../preload/contract/quiz.ts';
import type { QuizSet } from '../../preload/contract/quiz-set.ts';
import { ContentLanguage } from '../../preload/contract/schemas.ts';
import type { StatsEvent } from '../stats/stats-store.ts';

export interface FinishedAttempt {
  itemId: string;
  itemTitle: string;
  itemSubject: string;
  mode: QuizMode;
  percent: number;
  answers: readonly AnswerSummary[];
  team?: { contest: Contest; teamId: string };
}

/** English when there is English, or the first content language there is. */
export function firstName(names: Names | Partial<Record<ContentLanguage, { prompt: string }>>): string {
  for (const language of ContentLanguage.options) {
    const value = names[language];
    if (value !== undefined) return typeof value === 'string' ? value : value.prompt;
  }
  return '';
}

export function attemptEvents(quiz: QuizSet, attempt: FinishedAttempt, at: string): StatsEvent[] {
  const questions = new Map(quiz.questions.map((question) => [question.id, question]));
  const events: StatsEvent[] = [
    {
      at,
      kind: 'quiz-finish',
      itemId: attempt.itemId,
      itemTitle: attempt.itemTitle,
      subject: attempt.itemSubject,
      amount: attempt.percent,
      detail: attempt.mode,
    },
    ...attempt.answers.map((answer): StatsEvent => {
      const question = questions.get(answer.questionId)!;
      return {
        at,
        kind: 'quiz-answer',
        itemId: `${attempt.itemId}/${answer.questionId}`,
        itemTitle: firstName(question.texts).slice(0, 500),
        subject: question.subject,
        amount: answer.credit,
        detail: answer.answer,
      };
    }),
  ];
  if (attempt.team) {
    const { contest, teamId } = attempt.team;
    const team = contest.teams.find((candidate) => candidate.id === teamId)!;
    events.push({
      at,
      kind: 'contest-entry',
      itemId: `${contest.id}/${teamId}`,
      itemTitle: `${firstName(contest.names)} — ${firstName(team.names)}`.slice(0, 500),
      subject: '',
      amount: attempt.percent,
      detail: attempt.itemId,
    });
  }
  return events;
}
