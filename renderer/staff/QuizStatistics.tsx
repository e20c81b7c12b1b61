/**
 * The statistics' quiz part: attempts started and finished per day, finished attempts by score, each quiz's
 * figures, the questions answered least well with the answers most often given (in words, from the quiz
 * itself where the kiosk still holds it), and each contest's teams. Part of the lazily loaded statistics, so
 * Recharts stays out of the visitor's bundle.
 */
import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { KioskError } from '../../preload/contract/client.ts';
import type { ErrorCode } from '../../preload/contract/envelope.ts';
import type { QuizUsage } from '../../preload/contract/quiz.ts';
import type { QuizSet } from '../../preload/contract/quiz-set.ts';
import { contentLanguageNames, contentLanguageOf, nameIn } from '../catalog/content-languages.ts';
import { StandingBars } from '../catalog/StandingBars.tsx';
import { useI18n, type I18n } from '../i18n/i18n.tsx';
import { questionText } from '../quiz/engine/question-text.ts';
import { answerWords, type AnswerWords } from './answer-words.ts';
import { StaffErrorPanel } from './StaffErrorPanel.tsx';
import { useStaffCall } from './use-staff-call.ts';

const ink = '#1f2a2e';
const accent = '#1d6b5c';
const warm = '#c98a1a';
/** The answers shown under a difficult question: the few most given. */
const answersShown = 3;

export function QuizStatistics({ days }: { days: number }) {
  const { t } = useI18n();
  const call = useStaffCall();
  const [loads, setLoads] = useState(0);
  const [usage, setUsage] = useState<
    { usage: QuizUsage; sets: ReadonlyMap<string, QuizSet> } | { failed: ErrorCode }
  >();
  useEffect(() => {
    call('staff.quizUsage', { days }).then(
      async (usage) => {
        // The quizzes of the difficult questions, for their words; one removed since is read without them.
        const ids = [...new Set(usage.difficult.map((question) => question.itemId))];
        const opened = await Promise.all(
          ids.map((itemId) =>
            call('quiz.open', { itemId }).then(
              (answer) => [itemId, answer.quiz] as const,
              () => undefined,
            ),
          ),
        );
        setUsage({ usage, sets: new Map(opened.filter((entry) => entry !== undefined)) });
      },
      (error: unknown) => setUsage({ failed: error instanceof KioskError ? error.code : 'internal' }),
    );
  }, [call, days, loads]);
  return (
    <section className="staff-quiz-stats" aria-busy={usage === undefined} data-testid="quiz-stats">
      <h2 className="staff-settings-part">{t('staff.quizStats.title')}</h2>
      {usage && 'failed' in usage && <StaffErrorPanel code={usage.failed} onRetry={() => setLoads((n) => n + 1)} />}
      {usage && 'usage' in usage && <QuizCharts usage={usage.usage} sets={usage.sets} />}
    </section>
  );
}

function QuizCharts({ usage, sets }: { usage: QuizUsage; sets: ReadonlyMap<string, QuizSet> }) {
  const { t, locale } = useI18n();
  const intlLocale = locale.startsWith('mn') ? 'mn' : locale;
  const dayLabel = new Intl.DateTimeFormat(intlLocale, { month: 'short', day: 'numeric' });
  const perDay = usage.days.map((day) => ({
    label: dayLabel.format(new Date(`${day.day}T12:00:00Z`)),
    starts: day.starts,
    finishes: day.finishes,
  }));
  const scores = usage.scoreBuckets.map((finishes, bucket) => ({
    label: t('staff.quizStats.bucket', { from: bucket * 10, to: bucket === 9 ? 100 : bucket * 10 + 9 }),
    finishes,
  }));
  const contests = usage.contests.filter((contest) => contest.teams.some((team) => team.attempts > 0));
  // A question everyone got right is no one's difficulty, however few others there are.
  const difficult = usage.difficult.filter((question) => question.averageCredit < 1);
  if (usage.days.length === 0 && contests.length === 0) return <p className="quiet">{t('staff.quizStats.none')}</p>;
  return (
    <>
      <section className="staff-chart" data-testid="chart-quiz-per-day">
        <h2>{t('staff.quizStats.perDay')}</h2>
        <BarChart responsive data={perDay} style={{ width: '100%', height: 300 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fill: ink, fontSize: 14 }} />
          <YAxis allowDecimals={false} tick={{ fill: ink, fontSize: 14 }} width={48} />
          <Tooltip />
          <Legend />
          <Bar dataKey="starts" name={t('staff.quizStats.starts')} fill={warm} isAnimationActive={false} />
          <Bar dataKey="finishes" name={t('staff.quizStats.finishes')} fill={accent} isAnimationActive={false} />
        </BarChart>
      </section>
      <section className="staff-chart" data-testid="chart-quiz-scores">
        <h2>{t('staff.quizStats.scores')}</h2>
        <BarChart responsive data={scores} style={{ width: '100%', height: 280 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fill: ink, fontSize: 13 }} interval={0} />
          <YAxis allowDecimals={false} tick={{ fill: ink, fontSize: 14 }} width={48} />
          <Tooltip />
          <Bar dataKey="finishes" name={t('staff.quizStats.finishes')} fill={accent} isAnimationActive={false} />
        </BarChart>
      </section>
      {usage.quizzes.length > 0 && (
        <section className="staff-chart">
          <h2>{t('staff.quizStats.perQuiz')}</h2>
          <table className="staff-quiz-table" data-testid="quiz-table">
            <thead>
              <tr>
                <th scope="col">{t('staff.quizStats.quiz')}</th>
                <th scope="col">{t('staff.quizStats.starts')}</th>
                <th scope="col">{t('staff.quizStats.finishes')}</th>
                <th scope="col">{t('staff.quizStats.average')}</th>
              </tr>
            </thead>
            <tbody>
              {usage.quizzes.map((quiz) => (
                <tr key={quiz.itemId}>
                  <th scope="row">{quiz.title || quiz.itemId}</th>
                  <td>{quiz.starts}</td>
                  <td>{quiz.finishes}</td>
                  <td>
                    {quiz.finishes > 0
                      ? t('staff.quizStats.percent', { percent: Math.round(quiz.averagePercent) })
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {difficult.length > 0 && (
        <section className="staff-chart">
          <h2>{t('staff.quizStats.difficult')}</h2>
          <p className="quiet">{t('staff.quizStats.difficultHint')}</p>
          <ol className="staff-difficult" data-testid="difficult-questions">
            {difficult.map((question) => (
              <DifficultQuestion
                key={`${question.itemId}/${question.questionId}`}
                question={question}
                quiz={sets.get(question.itemId)}
                quizTitle={usage.quizzes.find((quiz) => quiz.itemId === question.itemId)?.title ?? question.itemId}
              />
            ))}
          </ol>
        </section>
      )}
      {contests.length > 0 && (
        <section className="staff-chart" data-testid="quiz-contests">
          <h2>{t('staff.quizStats.contests')}</h2>
          {contests.map((contest) => {
            const name = nameIn(contest.names, locale);
            return (
              <div key={contest.contestId} className="staff-quiz-contest">
                <h3 lang={name.lang}>{name.text}</h3>
                <StandingBars standing={contest} />
              </div>
            );
          })}
        </section>
      )}
    </>
  );
}

function DifficultQuestion({
  question,
  quiz,
  quizTitle,
}: {
  question: QuizUsage['difficult'][number];
  quiz: QuizSet | undefined;
  quizTitle: string;
}) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const language = contentLanguageOf(locale);
  const asked = quiz?.questions.find((candidate) => candidate.id === question.questionId);
  // The prompt in the staff's language where the quiz has it; the statistics keep it in English.
  const shown = asked ? questionText(asked, language) : undefined;
  const total = question.given.reduce((sum, entry) => sum + entry.count, 0);
  return (
    <li className="staff-difficult-question">
      <span className="staff-difficult-prompt" lang={shown?.language ?? 'en'}>
        {shown?.text.prompt ?? question.prompt}
      </span>
      <span className="staff-difficult-meta">
        {t('staff.quizStats.credit', {
          quiz: quizTitle,
          percent: Math.round(question.averageCredit * 100),
          answers: question.answers,
        })}
      </span>
      <ul className="staff-top-items">
        {question.given.slice(0, answersShown).map((entry) => (
          <li key={entry.answer}>
            <span className="staff-top-title" lang={shown?.language}>
              {answerText(i18n, answerWords(entry.answer, asked, shown?.language ?? language))}
            </span>
            <span
              className="staff-top-bar"
              style={{ inlineSize: `${(entry.count / Math.max(1, total)) * 100}%` }}
              aria-hidden="true"
            />
            <span className="staff-top-count">{t('staff.quizStats.given', { count: entry.count })}</span>
          </li>
        ))}
      </ul>
    </li>
  );
}

/** An answer in the staff's words. Several ticked choices are listed the way the language lists things. */
function answerText({ t, locale }: I18n, words: AnswerWords): string {
  const list = new Intl.ListFormat(locale.startsWith('mn') ? 'mn' : locale, { type: 'conjunction' });
  switch (words.kind) {
    case 'choices':
      return words.texts
        ? list.format(
            words.texts.map((text, index) =>
              t('staff.quizStats.answer.choiceText', { letter: words.letters[index]!, text }),
            ),
          )
        : t('staff.quizStats.answer.choice', { count: words.letters.length, letters: list.format(words.letters) });
    case 'accepted':
      return words.text
        ? t('staff.quizStats.answer.typed', { text: words.text })
        : t('staff.quizStats.answer.accepted', {
            number: words.number,
            language: contentLanguageNames[words.language],
          });
    case 'number':
      return words.value ?? t('staff.quizStats.answer.number', { number: words.number });
    case 'unknown':
      return words.key;
    default:
      return t(`staff.quizStats.answer.${words.kind}`);
  }
}
