/** The quiz's board after the visitor's challenge: the top ten, their own place marked, or a kind word when not on it. */
import type { CallResponse } from '../../preload/contract/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { nicknameText } from './nickname-words.ts';

export function BoardList({ result }: { result: CallResponse<'quiz.finish'> }) {
  const { t, locale } = useI18n();
  const { board, place } = result;
  return (
    <div className="board" data-testid="board" data-place={place ?? ''}>
      <p className="board-place label" role="status">
        {place === null ? t('quiz.board.notPlaced') : t('quiz.board.place', { place })}
      </p>
      {board && board.entries.length > 0 && (
        <ol className="board-entries">
          {board.entries.map((entry, index) => (
            <li
              key={index}
              className={index + 1 === place ? 'board-entry mine' : 'board-entry'}
              aria-current={index + 1 === place ? 'true' : undefined}
            >
              <span className="board-rank number">{index + 1}</span>
              <span className="board-name" lang={entry.nickname.kind === 'generated' ? locale : undefined}>
                {nicknameText(entry.nickname, locale)}
              </span>
              <span className="board-score number">{entry.score}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
