/**
 * Reports a finished attempt once: at once when there is no board to offer, else when the visitor has
 * chosen a nickname or said no, or when they leave the results undecided (walked away). An unfinished
 * attempt is never reported, so the idle reset mid-quiz leaves nothing behind.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallResponse } from '../../preload/contract/contract.ts';
import type { Nickname } from '../../preload/contract/quiz.ts';
import type { ContentLanguage } from '../../preload/contract/schemas.ts';
import { kiosk } from '../kiosk.ts';
import type { Attempt } from './engine/attempt.ts';
import { finishRequest, type TeamChoice } from './quiz-finish.ts';

export type FinishState =
  | { status: 'waiting' }
  | { status: 'sending' }
  | { status: 'done'; value: CallResponse<'quiz.finish'> }
  | { status: 'failed' };

export function useQuizFinish({
  attempt,
  itemId,
  language,
  team,
  offerBoard,
}: {
  attempt: Attempt;
  itemId: string;
  language: ContentLanguage;
  team: TeamChoice | undefined;
  offerBoard: boolean;
}): { state: FinishState; send(nickname?: Nickname): void } {
  const [state, setState] = useState<FinishState>({ status: 'waiting' });
  const sent = useRef(false);
  const mounted = useRef(true);
  const finished = attempt.phase === 'finished';

  const send = useCallback(
    (nickname?: Nickname) => {
      if (sent.current || attempt.phase !== 'finished') return;
      sent.current = true;
      if (mounted.current) setState({ status: 'sending' });
      kiosk.call('quiz.finish', finishRequest(attempt, itemId, language, { nickname, team })).then(
        (value) => mounted.current && setState({ status: 'done', value }),
        () => mounted.current && setState({ status: 'failed' }),
      );
    },
    [attempt, itemId, language, team],
  );

  useEffect(() => {
    if (finished && !offerBoard) send();
  }, [finished, offerBoard, send]);

  // Leaving undecided still counts the attempt. The send waits a turn, so React's development double
  // mount (unmount, then mount again at once) cancels it rather than reporting early.
  const latest = useRef(send);
  useEffect(() => {
    latest.current = send;
  }, [send]);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      setTimeout(() => !mounted.current && latest.current());
    };
  }, []);
  return { state, send };
}
