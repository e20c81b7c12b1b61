/** The right answer beside the visitor's, for each type of question, marked ✓ and ✗ as well as by colour. */
import type { ReactNode } from 'react';
import type { ContentLanguage } from '../../preload/contract/schemas.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { Reveal } from './engine/attempt-view.ts';
import { NumberRange } from './NumberRange.tsx';

export function RevealAnswer({
  reveal,
  language,
  imageUrl,
}: {
  reveal: Reveal;
  language: ContentLanguage;
  imageUrl(hash: string): string | undefined;
}) {
  const { t } = useI18n();
  switch (reveal.type) {
    case 'single':
    case 'multiple':
    case 'image-choice':
      return (
        <ul
          className={reveal.type === 'image-choice' ? 'quiz-reveal pictures' : 'quiz-reveal'}
          data-testid="quiz-reveal"
        >
          {reveal.choices.map((choice) => {
            const url = choice.image === undefined ? undefined : imageUrl(choice.image);
            const mark = choice.right ? 'right' : choice.chosen ? 'wrong' : 'other';
            return (
              <li
                key={choice.key}
                className={`reveal-row ${mark}`}
                data-right={choice.right}
                data-chosen={choice.chosen}
              >
                <span className="reveal-mark" aria-hidden="true">
                  {choice.right ? '✓' : choice.chosen ? '✗' : ''}
                </span>
                {url !== undefined && <img className="quiz-picture small" src={url} alt="" />}
                <span className="reveal-text" lang={language}>
                  {choice.text}
                </span>
                {(choice.chosen || choice.right) && (
                  <span className="reveal-note label">
                    {choice.chosen ? t('quiz.yourChoice') : ''}
                    {choice.chosen && choice.right ? ' · ' : ''}
                    {choice.right ? t('quiz.rightChoice') : ''}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      );
    case 'true-false':
      return (
        <dl className="quiz-reveal pairs" data-testid="quiz-reveal">
          <Given label={t('quiz.youAnswered')}>
            {reveal.given === null ? t('quiz.noAnswer') : t(reveal.given ? 'quiz.true' : 'quiz.false')}
          </Given>
          <Right label={t('quiz.rightAnswer')}>{t(reveal.answer ? 'quiz.true' : 'quiz.false')}</Right>
        </dl>
      );
    case 'short':
      return (
        <dl className="quiz-reveal pairs" data-testid="quiz-reveal">
          <Given label={t('quiz.youAnswered')}>{reveal.given ?? t('quiz.noAnswer')}</Given>
          <Right label={t('quiz.rightAnswer')} lang={language}>
            {reveal.accepted.map((text) => (
              <span key={text} className="reveal-chip">
                {text}
              </span>
            ))}
          </Right>
        </dl>
      );
    case 'numeric':
      return (
        <dl className="quiz-reveal pairs" data-testid="quiz-reveal">
          <Given label={t('quiz.youAnswered')}>
            {reveal.given === null ? (
              t('quiz.noAnswer')
            ) : (
              <NumberRange answer={{ kind: 'exact', value: reveal.given, tolerance: 0, weight: 100 }} />
            )}
          </Given>
          <Right label={t('quiz.rightAnswer')}>
            {reveal.accepted.map((answer, index) => (
              <span key={index} className="reveal-chip">
                <NumberRange answer={answer} />
              </span>
            ))}
          </Right>
        </dl>
      );
    case 'matching':
      return (
        <ul className="quiz-reveal" data-testid="quiz-reveal">
          {reveal.pairs.map((pair) => (
            <li key={pair.left.key} className={`reveal-row ${pair.correct ? 'right' : 'wrong'}`}>
              <span className="reveal-mark" aria-hidden="true">
                {pair.correct ? '✓' : '✗'}
              </span>
              <span className="reveal-text" lang={language}>
                {pair.left.text}
              </span>
              <span className="reveal-arrow" aria-hidden="true">
                →
              </span>
              <span className="reveal-text" lang={language}>
                {pair.right.text}
              </span>
              {!pair.correct && (
                <span className="reveal-note label">
                  {t('quiz.youPaired', { label: pair.given?.text ?? t('quiz.noAnswer') })}
                </span>
              )}
            </li>
          ))}
        </ul>
      );
    case 'ordering':
      return (
        <div className="quiz-reveal orders" data-testid="quiz-reveal">
          <div>
            <h2 className="reveal-heading label">{t('quiz.rightOrder')}</h2>
            <ol className="reveal-order">
              {reveal.items.map((item) => (
                <li key={item.key} className="reveal-row right" lang={language}>
                  {item.text}
                </li>
              ))}
            </ol>
          </div>
          {reveal.given && (
            <div>
              <h2 className="reveal-heading label">{t('quiz.yourOrder')}</h2>
              <ol className="reveal-order">
                {reveal.given.map((item) => (
                  <li key={item.key} className={`reveal-row ${item.correct ? 'right' : 'wrong'}`} lang={language}>
                    <span className="reveal-mark" aria-hidden="true">
                      {item.correct ? '✓' : '✗'}
                    </span>
                    {item.text}
                  </li>
                ))}
              </ol>
            </div>
          )}
        </div>
      );
  }
}

function Given({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="reveal-pair given">
      <dt className="label">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Right({ label, lang, children }: { label: string; lang?: string; children: ReactNode }) {
  return (
    <div className="reveal-pair right">
      <dt className="label">{label}</dt>
      <dd lang={lang}>
        <span className="reveal-mark" aria-hidden="true">
          ✓
        </span>
        {children}
      </dd>
    </div>
  );
}
