/**
 * The pinyin candidate bar: the words the letters typed so far can spell, best first, as big
 * buttons in one row that scrolls sideways. Tapping one puts it in place of its letters.
 */
import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { TextEntry } from '../text-entry.ts';
import { pinyinCandidates } from './candidates.ts';
import { pendingPinyin, pickCandidate } from './pending.ts';
import { usePinyinIndex } from './use-pinyin-index.ts';

export function CandidateBar({ entry, onChange }: { entry: TextEntry; onChange: (entry: TextEntry) => void }) {
  const { t } = useI18n();
  const index = usePinyinIndex();
  const letters = pendingPinyin(entry);
  const candidates = useMemo(() => (index && letters ? pinyinCandidates(index, letters) : []), [index, letters]);

  const quiet = (text: string) => <p className="candidate-note">{text}</p>;
  return (
    <div className="candidate-bar" role="group" aria-label={t('keyboard.candidates')} data-testid="candidates">
      {letters === ''
        ? quiet(t('keyboard.pinyinHint'))
        : !index
          ? quiet(t('keyboard.candidatesLoading'))
          : candidates.length === 0
            ? quiet(t('keyboard.noCandidates', { pinyin: letters }))
            : candidates.map((candidate) => (
                <button
                  key={candidate.word}
                  type="button"
                  className="candidate"
                  lang="zh-Hans"
                  onClick={() => onChange(pickCandidate(entry, candidate))}
                >
                  {candidate.word}
                </button>
              ))}
    </div>
  );
}
