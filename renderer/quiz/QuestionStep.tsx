/** One question at a time: where the visitor is, the challenge clock, the prompt, and its answer input. */
import type { QuestionView } from './engine/attempt-view.ts';
import type { GivenAnswer } from './engine/answers.ts';
import { ChoiceAnswer } from './answers/ChoiceAnswer.tsx';
import { MatchingAnswer } from './answers/MatchingAnswer.tsx';
import { NumericAnswer } from './answers/NumericAnswer.tsx';
import { OrderingAnswer } from './answers/OrderingAnswer.tsx';
import { ShortAnswer } from './answers/ShortAnswer.tsx';
import { TrueFalseAnswer } from './answers/TrueFalseAnswer.tsx';
import { QuizProgress } from './QuizProgress.tsx';
import { TimerBar } from './TimerBar.tsx';

export function QuestionStep({
  view,
  points,
  imageUrl,
  onAnswer,
}: {
  view: QuestionView;
  /** The challenge points so far; null in practice. */
  points: number | null;
  imageUrl(hash: string): string | undefined;
  onAnswer(given: GivenAnswer): void;
}) {
  const { question } = view;
  return (
    <section
      className="quiz-step"
      data-testid="quiz-question"
      data-question-type={question.type}
      data-question-id={question.questionId}
      aria-labelledby="quiz-prompt"
    >
      <QuizProgress position={view.position} count={view.count} points={points} />
      {view.deadline !== null && view.timeLimitMs !== null && (
        <TimerBar deadline={view.deadline} limitMs={view.timeLimitMs} />
      )}
      <h1 id="quiz-prompt" className="quiz-prompt" lang={question.language}>
        {question.prompt}
      </h1>
      {/* Keyed by question, so what was ticked or typed survives a language switch but not the next question. */}
      <AnswerInput key={question.questionId} view={view} imageUrl={imageUrl} onAnswer={onAnswer} />
    </section>
  );
}

function AnswerInput({
  view: { question },
  imageUrl,
  onAnswer,
}: {
  view: QuestionView;
  imageUrl(hash: string): string | undefined;
  onAnswer(given: GivenAnswer): void;
}) {
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'image-choice':
      return <ChoiceAnswer question={question} imageUrl={imageUrl} onAnswer={onAnswer} />;
    case 'true-false':
      return <TrueFalseAnswer onAnswer={onAnswer} />;
    case 'short':
      return <ShortAnswer onAnswer={onAnswer} />;
    case 'numeric':
      return <NumericAnswer onAnswer={onAnswer} />;
    case 'matching':
      return <MatchingAnswer question={question} onAnswer={onAnswer} />;
    case 'ordering':
      return <OrderingAnswer question={question} onAnswer={onAnswer} />;
  }
}
