/**
 * "Put me on the board": a made-up friendly nickname with two re-rolls, or, where staff allow it, a name typed
 * on the on-screen keyboard and checked against the blocklists; then the board's top ten and the visitor's place.
 */
import { useState } from 'react';
import { MAX_TYPED_NICKNAME, type Nickname } from '../../preload/contract/quiz.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { defaultInputMethod } from '../keyboard/input-methods.ts';
import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard.tsx';
import { emptyEntry, entryText } from '../keyboard/text-entry.ts';
import { kiosk } from '../kiosk.ts';
import { BoardList } from './BoardList.tsx';
import { rollNickname } from './nickname-roll.ts';
import { nicknameText } from './nickname-words.ts';
import type { FinishState } from './use-quiz-finish.ts';

/** A visitor may ask for another made-up name twice: enough to find one they like, not a slot machine. */
export const NICKNAME_REROLLS = 2;

type Refusal = 'empty' | 'too-long' | 'blocked' | 'not-allowed' | 'unavailable';
const refusalWords: Record<Refusal, MessageKey> = {
  empty: 'quiz.board.empty',
  'too-long': 'quiz.board.tooLong',
  blocked: 'quiz.board.blocked',
  'not-allowed': 'quiz.board.notAllowed',
  unavailable: 'quiz.board.unavailable',
};

export function BoardOffer({
  finish,
  typedNicknames,
  onSend,
}: {
  finish: FinishState;
  typedNicknames: boolean;
  onSend(nickname?: Nickname): void;
}) {
  const { t } = useI18n();
  const [stage, setStage] = useState<'ask' | 'made-up' | 'typed'>('ask');
  const [offered, setOffered] = useState<readonly Nickname[]>(() => [rollNickname(Math.random)]);

  if (finish.status === 'done') return <BoardList result={finish.value} />;
  if (finish.status !== 'waiting')
    return finish.status === 'sending' ? <p className="quiet">{t('common.loading')}</p> : null;

  if (stage === 'ask')
    return (
      <div className="board-offer" data-testid="board-offer">
        <button
          type="button"
          className="button primary big"
          onClick={() => setStage('made-up')}
          data-testid="board-join"
        >
          <span className="label">{t('quiz.board.offer')}</span>
        </button>
        <button type="button" className="button big" onClick={() => onSend()} data-testid="board-decline">
          <span className="label">{t('quiz.board.noThanks')}</span>
        </button>
      </div>
    );
  if (stage === 'typed') return <TypedNickname onSend={onSend} onBack={() => setStage('made-up')} />;

  const current = offered.at(-1)!;
  const rerollsLeft = NICKNAME_REROLLS - (offered.length - 1);
  return (
    <div className="board-offer" data-testid="board-offer">
      <h2 className="quiz-subtitle label">{t('quiz.board.yourName')}</h2>
      <NicknameShown nickname={current} />
      <div className="board-offer-actions">
        <button type="button" className="button primary big" onClick={() => onSend(current)} data-testid="board-use">
          <span className="label">{t('quiz.board.useThis')}</span>
        </button>
        <button
          type="button"
          className="button big"
          disabled={rerollsLeft === 0}
          onClick={() => setOffered((old) => [...old, rollNickname(Math.random, old)])}
          data-testid="board-reroll"
          data-left={rerollsLeft}
        >
          <span className="label">{t('quiz.board.another', { count: rerollsLeft })}</span>
        </button>
        {typedNicknames && (
          <button type="button" className="button big" onClick={() => setStage('typed')} data-testid="board-type">
            <span className="label">{t('quiz.board.typeOwn')}</span>
          </button>
        )}
      </div>
    </div>
  );
}

function NicknameShown({ nickname }: { nickname: Nickname }) {
  const { locale } = useI18n();
  return (
    <p className="nickname" data-testid="nickname">
      {nicknameText(nickname, locale)}
    </p>
  );
}

function TypedNickname({ onSend, onBack }: { onSend(nickname: Nickname): void; onBack(): void }) {
  const { t, locale } = useI18n();
  const [entry, setEntry] = useState(() => emptyEntry(defaultInputMethod(locale)));
  const [refusal, setRefusal] = useState<Refusal | undefined>();
  const [checking, setChecking] = useState(false);
  const text = entryText(entry);
  const check = () => {
    setChecking(true);
    kiosk.call('quiz.checkNickname', { text }).then(
      (answer) => {
        setChecking(false);
        if (answer.ok) onSend({ kind: 'typed', text: answer.text });
        else setRefusal(answer.reason);
      },
      () => {
        setChecking(false);
        setRefusal('unavailable');
      },
    );
  };
  return (
    <div className="board-offer typed" data-testid="board-typed">
      <h2 className="quiz-subtitle label">{t('quiz.board.typeOwn')}</h2>
      <output
        className="quiz-typed nickname"
        lang={entry.method.lang}
        aria-label={t('quiz.board.yourName')}
        data-testid="nickname-typed"
      >
        {text}
      </output>
      {refusal && (
        <p className="notice kind" role="alert" data-testid="nickname-refused" data-reason={refusal}>
          {t(refusalWords[refusal], { max: MAX_TYPED_NICKNAME })}
        </p>
      )}
      <OnScreenKeyboard
        entry={entry}
        onChange={(next) => {
          setRefusal(undefined);
          if (entryText(next).length <= MAX_TYPED_NICKNAME) setEntry(next);
        }}
      />
      <div className="board-offer-actions">
        <button
          type="button"
          className="button primary big"
          onClick={check}
          disabled={checking || text.trim() === ''}
          data-testid="nickname-use"
        >
          <span className="label">{t('quiz.board.useThis')}</span>
        </button>
        <button type="button" className="button big" onClick={onBack}>
          <span className="label">{t('quiz.board.madeUp')}</span>
        </button>
      </div>
    </div>
  );
}
